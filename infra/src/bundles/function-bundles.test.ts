import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_SPECS, type FunctionName } from '../stacks/function-specs';
import { bundleFunction, type FunctionBundle } from './function-bundle';
import { bundleViolations, FORBIDDEN_INPUTS } from './function-budgets';

const repoRoot = resolve(import.meta.dirname, '../../..');
const outRoot = mkdtempSync(join(tmpdir(), 'elevate-bundles-'));
const bundles = new Map<FunctionName, FunctionBundle>();

beforeAll(async () => {
  for (const spec of FUNCTION_SPECS)
    bundles.set(
      spec.name,
      await bundleFunction({ repoRoot, entry: spec.entry, outDir: join(outRoot, spec.name) }),
    );
}, 120_000);

afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

const bundleOf = (name: FunctionName): FunctionBundle => {
  const bundle = bundles.get(name);
  if (!bundle) throw new Error(`no bundle for ${name}`);
  return bundle;
};

const inputsOf = (name: FunctionName, pattern: RegExp): string[] =>
  bundleOf(name)
    .inputs.map(({ path }) => path)
    .filter((path) => pattern.test(path));

describe('the Lambda bundles (esbuild metafile, production settings)', () => {
  it.each(['authorizer', 'notifier'] as const)(
    'the %s carries no YAML parser, no dev stack and no test code',
    (name) => {
      expect(inputsOf(name, /node_modules\/(\.pnpm\/)?yaml[@/]/)).toEqual([]);
      expect(inputsOf(name, /packages\/dev-stack\//)).toEqual([]);
      expect(
        inputsOf(name, /\.test\.ts$|\/testing\/|vitest|fast-check|aws-sdk-client-mock/),
      ).toEqual([]);
      // The metafile really lists sources: the checks above are not vacuous.
      expect(inputsOf(name, /^apps\/api\/src\/lambda\//)).toContain(
        `apps/api/src/lambda/${name}.ts`,
      );
    },
  );

  it('the authorizer carries neither the store nor the AWS SDK: it only verifies tokens', () => {
    expect(inputsOf('authorizer', /@aws-sdk|@smithy|packages\/adapters\/src\/dynamodb/)).toEqual(
      [],
    );
  });

  it.each(['notifier', 'sweeper'] as const)(
    'the %s, which matches no policy pattern, carries no RE2 engine',
    (name) => {
      expect(inputsOf(name, /node_modules\/(\.pnpm\/)?re2js[@/]/)).toEqual([]);
      expect(inputsOf(name, /packages\/adapters\/src\/policy\/compiled-policy\.ts$/)).toHaveLength(
        1,
      );
    },
  );

  it.each(['api', 'federate'] as const)(
    'the %s, which matches policy patterns, compiles them with the RE2 engine',
    (name) => {
      expect(inputsOf(name, /node_modules\/(\.pnpm\/)?re2js[@/]/)).not.toEqual([]);
    },
  );

  it('the federate function carries no other route and no client it never calls', () => {
    expect(
      inputsOf(
        'federate',
        /@aws-sdk\/client-(s3|kms|sesv2|secrets-manager|sns)\/|apps\/api\/src\/(audit-integrity|routes\/(?!session-routes))/,
      ),
    ).toEqual([]);
    expect(inputsOf('federate', /apps\/api\/src\/routes\/session-routes\.ts$/)).toHaveLength(1);
  });

  it.each(['api', 'federate', 'notifier', 'sweeper', 'revoker'] as const)(
    'the %s takes its credentials from the environment alone: no SSO, profiles, web identity or metadata providers',
    (name) => {
      expect(
        inputsOf(
          name,
          /@aws-sdk\/(credential-provider-(?!env\/)[a-z-]+|nested-clients|token-providers)\/|@smithy\/credential-provider-imds\//,
        ),
      ).toEqual([]);
      expect(
        inputsOf(name, /apps\/api\/src\/lambda\/credentials-from-environment\.ts$/),
      ).toHaveLength(1);
      expect(inputsOf(name, /@aws-sdk\/credential-provider-env\//)).not.toEqual([]);
    },
  );

  it.each(['api', 'federate', 'notifier', 'sweeper', 'revoker'] as const)(
    'the %s carries no semver: its stand-in is asked for only by the X-Ray SDK v2 patcher, never called',
    (name) => {
      const { metafile } = bundleOf(name);
      expect(inputsOf(name, /node_modules\/(\.pnpm\/)?semver[@/]/)).toEqual([]);
      const askers = Object.entries(metafile.inputs)
        .filter(([, input]) =>
          input.imports.some(({ path }) => path.endsWith('apps/api/src/lambda/semver-unused.ts')),
        )
        .map(([path]) => path.replace(/^.*node_modules\//, ''));
      expect(askers).toEqual(['aws-xray-sdk-core/dist/lib/patchers/aws_p.js']);
    },
  );

  it('the API function, whose role cannot call STS, carries no STS client', () => {
    expect(inputsOf('api', /@aws-sdk\/client-sts\/|adapters\/src\/sts\//)).toEqual([]);
  });

  it('every function stays within its size budget and carries nothing forbidden', () => {
    const problems = FUNCTION_SPECS.flatMap((spec) =>
      bundleViolations(spec.name, bundleOf(spec.name)),
    );
    expect(problems).toEqual([]);
  });

  it('names the culprit when a bundle carries something forbidden or is over budget', () => {
    const real = bundleOf('authorizer');
    const bloated: FunctionBundle = {
      ...real,
      bytes: 900 * 1024,
      inputs: [
        ...real.inputs,
        { path: 'node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/index.js', bytes: 1 },
        { path: 'packages/dev-stack/src/sts/emulator.ts', bytes: 1 },
        { path: 'apps/api/src/testing/personas.ts', bytes: 1 },
      ],
    };
    const problems = bundleViolations('authorizer', bloated);
    expect(problems).toHaveLength(1 + FORBIDDEN_INPUTS.length);
    expect(problems.join('\n')).toMatch(
      /authorizer: 900 KiB is over its 250 KiB budget; largest: /,
    );
    expect(problems.join('\n')).toContain('yaml/dist/index.js');
    expect(problems.join('\n')).toContain('packages/dev-stack/src/sts/emulator.ts');
    expect(problems.join('\n')).toContain('apps/api/src/testing/personas.ts');
  });
});
