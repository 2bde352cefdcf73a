import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The dependency rule is enforced by lint; these prove the lint actually fails when it is broken.
const root = resolve(import.meta.dirname, '..');
// The probes are files that do not exist, so no tsconfig owns them: lint them without types (the
// rules under test need none), with every rule that needs types turned off.
// The plugin's type is ESLint's loose plugin shape; its rules carry typescript-eslint's docs meta.
type RuleMeta = { meta: { docs?: { requiresTypeChecking?: boolean } } };
const { rules } = tseslint.plugin as unknown as { rules: Record<string, RuleMeta> };
const typedRulesOff = Object.fromEntries(
  Object.entries(rules)
    .filter(([, rule]) => rule.meta.docs?.requiresTypeChecking === true)
    .map(([name]) => [`@typescript-eslint/${name}`, 'off' as const]),
);
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: typedRulesOff,
  },
});

async function ruleMessages(
  file: string,
  code: string,
  rule = 'no-restricted-imports',
): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}

describe('the dependency rule', () => {
  it.each([
    ["import { STSClient } from '@aws-sdk/client-sts';", 'The domain has no AWS SDK.'],
    ["import { Hono } from 'hono';", 'The domain has no HTTP framework.'],
    ["import { useState } from 'react';", 'The domain has no UI.'],
    [
      "import { createTokenVerifier } from '@elevate/adapters';",
      'The domain depends on nothing of ours.',
    ],
    ["import { readFileSync } from 'node:fs';", 'The domain does no I/O.'],
  ])('refuses %s in the domain', async (code, message) => {
    const messages = await ruleMessages(
      'packages/domain/src/rule-probe.ts',
      `${code}\nexport {};\n`,
    );
    expect(messages.join('\n')).toContain(message);
  });

  it.each([
    ["import type { FieldError } from '../http/api-error';", 'the HTTP layer'],
    ["import { authenticate } from '../middleware/authenticate';", 'the HTTP layer'],
    ["import { handler } from '../lambda/api';", 'the HTTP layer'],
    ["import type { Context } from 'hono';", 'no HTTP framework'],
  ])('refuses %s in an API use case', async (code, message) => {
    const messages = await ruleMessages(
      'apps/api/src/use-cases/rule-probe.ts',
      `${code}\nexport {};\n`,
    );
    expect(messages.join('\n')).toContain(message);
  });

  it('lets an API use case use the domain and contracts', async () => {
    expect(
      await ruleMessages(
        'apps/api/src/use-cases/rule-probe.ts',
        "import { approveRequest } from '@elevate/domain';\nimport type { Problem } from '@elevate/contracts';\nexport { approveRequest };\nexport type { Problem };\n",
      ),
    ).toEqual([]);
  });

  it('keeps the dev stack (a devDependency) in laptop-only API code', async () => {
    const code = "import { loadDevConfig } from '@elevate/dev-stack';\nexport { loadDevConfig };\n";
    const refused = await ruleMessages('apps/api/src/routes/rule-probe.ts', code);
    expect(refused.join('\n')).toContain('Laptop-only code lives in apps/api/src/local/');
    expect(await ruleMessages('apps/api/src/local/rule-probe.ts', code)).toEqual([]);
  });

  it('keeps test support out of production code, and lets tests have it', async () => {
    const rule = '@typescript-eslint/no-restricted-imports';
    const refused = 'Production code does not import test support';
    for (const [file, code] of [
      ['apps/api/src/routes/rule-probe.ts', "import { PERSONAS } from '@elevate/testing';"],
      ['apps/api/src/local/rule-probe.ts', "import { PERSONAS } from '@elevate/testing';"],
      ['apps/web/src/lib/rule-probe.ts', "import { personas } from '@elevate/testing/personas';"],
      ['packages/dev-stack/src/rule-probe.ts', "import { personas } from '@elevate/testing';"],
      [
        'packages/adapters/src/rule-probe.ts',
        "import { InMemoryIdempotencyStore } from '@elevate/adapters/testing';",
      ],
      ['infra/src/rule-probe.ts', "import { examplePolicy } from '@elevate/domain/testing';"],
    ] as const)
      expect((await ruleMessages(file, `${code}\nexport {};\n`, rule)).join('\n'), file).toContain(
        refused,
      );
    const code = "import { PERSONAS } from '@elevate/testing';\nexport { PERSONAS };\n";
    for (const file of [
      'apps/api/src/routes/rule-probe.test.ts',
      'apps/api/src/testing/rule-probe.ts',
      'apps/web/src/features/me/components/rule-probe.test.tsx',
      'e2e/tests/rule-probe.spec.ts',
    ])
      expect(await ruleMessages(file, code, rule), file).toEqual([]);
  });

  it('gives the suites above it test support through @elevate/testing only', async () => {
    const messages = await ruleMessages(
      'apps/api/src/routes/rule-probe.test.ts',
      "import { examplePolicy } from '@elevate/domain/testing';\nexport { examplePolicy };\n",
      '@typescript-eslint/no-restricted-imports',
    );
    expect(messages.join('\n')).toContain('Tests take test support from @elevate/testing.');
  });

  it('reads the environment only in config modules', async () => {
    const code = 'export const port = process.env.ELEVATE_API_PORT;\n';
    const rule = 'no-restricted-properties';
    for (const file of [
      'apps/api/src/routes/rule-probe.ts',
      'apps/cli/src/commands/rule-probe.ts',
      'packages/adapters/src/rule-probe.ts',
    ])
      expect((await ruleMessages(file, code, rule)).join('\n'), file).toContain(
        'Read the environment in a config module',
      );
    for (const file of ['apps/api/src/config.ts', 'apps/cli/src/env.ts'])
      expect(await ruleMessages(file, code, rule), file).toEqual([]);
  });

  it('lets the domain use zod', async () => {
    expect(
      await ruleMessages(
        'packages/domain/src/rule-probe.ts',
        "import { z } from 'zod/mini';\nexport const s = z.string();\n",
      ),
    ).toEqual([]);
  });

  it('keeps classic zod out of production code (zod/mini instead), and lets tests have it', async () => {
    const rule = '@typescript-eslint/no-restricted-imports';
    const code = (source: string) =>
      `import * as z from '${source}';\nexport const s = z.string();\n`;
    for (const file of [
      'packages/contracts/src/rule-probe.ts',
      'apps/api/src/routes/rule-probe.ts',
      'apps/web/src/lib/rule-probe.ts',
      'infra/src/rule-probe.ts',
    ])
      for (const source of ['zod', 'zod/v4'])
        expect((await ruleMessages(file, code(source), rule)).join('\n'), file).toContain(
          "import * as z from 'zod/mini'",
        );
    expect(await ruleMessages('apps/api/src/routes/rule-probe.ts', code('zod/mini'), rule)).toEqual(
      [],
    );
    expect(await ruleMessages('apps/api/src/routes/rule-probe.test.ts', code('zod'), rule)).toEqual(
      [],
    );
  });

  it('keeps the SPA off the server packages', async () => {
    const messages = await ruleMessages(
      'apps/web/src/lib/rule-probe.ts',
      "import { createApp } from '@elevate/api';\nexport { createApp };\n",
    );
    expect(messages.join('\n')).toContain('The SPA depends on @elevate/contracts only.');
  });

  it('keeps the SPA off the domain, which it sees only through the contracts', async () => {
    for (const source of ['@elevate/domain', '@elevate/domain/vocabulary']) {
      const messages = await ruleMessages(
        'apps/web/src/lib/rule-probe.ts',
        `import { REQUEST_STATUSES } from '${source}';\nexport { REQUEST_STATUSES };\n`,
      );
      expect(messages.join('\n'), source).toContain('The SPA depends on @elevate/contracts only.');
    }
  });

  it("lets the contracts take the domain's value lists (and zod's messages), nothing else of it", async () => {
    const probe = (source: string) =>
      ruleMessages(
        'packages/contracts/src/rule-probe.ts',
        `import { REQUEST_STATUSES } from '${source}';\nexport { REQUEST_STATUSES };\n`,
      );
    expect(await probe('@elevate/domain/vocabulary')).toEqual([]);
    expect(
      await ruleMessages(
        'packages/contracts/src/rule-probe.ts',
        "import '@elevate/domain/zod-messages';\n",
      ),
    ).toEqual([]);
    expect((await probe('@elevate/domain')).join('\n')).toContain(
      'Contracts take only the value lists of the domain',
    );
  });

  it('keeps SPA features from importing each other, but not from shared code', async () => {
    const other = await ruleMessages(
      'apps/web/src/features/requests/components/rule-probe.ts',
      "import { x } from '../../reviews/api/x';\nexport { x };\n",
    );
    expect(other.join('\n')).toContain('A feature does not import another feature.');
    const shared = await ruleMessages(
      'apps/web/src/features/requests/components/rule-probe.ts',
      "import { x } from '../../../lib/x';\nimport { y } from '../api/y';\nexport { x, y };\n",
    );
    expect(shared).toEqual([]);
  });
});
