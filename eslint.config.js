// One lint config for the whole workspace. The dependency rule lives here, enforced, not hoped for.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const infrastructure = [
  { group: ['@aws-sdk/*', '@smithy/*', 'aws-lambda'], message: 'The domain has no AWS SDK.' },
  { group: ['hono', 'hono/*', '@hono/*'], message: 'The domain has no HTTP framework.' },
  {
    group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@cloudscape-design/*'],
    message: 'The domain has no UI.',
  },
  {
    group: [
      '@elevate/adapters',
      '@elevate/adapters/*',
      '@elevate/api',
      '@elevate/api/*',
      '@elevate/dev-stack',
      '@elevate/dev-stack/*',
      '@elevate/contracts',
      '@elevate/contracts/*',
    ],
    message: 'The domain depends on nothing of ours.',
  },
  {
    group: ['node:*', 'fs', 'path', 'http', 'https', 'net', 'child_process'],
    message: 'The domain does no I/O.',
  },
  {
    group: ['jose', 'oidc-provider', 'dynalite', 'yaml'],
    message: 'The domain has no infrastructure.',
  },
];

const spaOnlyContracts = {
  group: [
    '@elevate/adapters',
    '@elevate/adapters/*',
    '@elevate/api',
    '@elevate/api/*',
    '@elevate/dev-stack',
    '@elevate/dev-stack/*',
    '@elevate/domain',
    '@elevate/domain/*',
    '@aws-sdk/*',
  ],
  message: 'The SPA depends on @elevate/contracts only.',
};

const laptopOnly = {
  group: ['@elevate/dev-stack', '@elevate/dev-stack/*'],
  message:
    'Laptop-only code lives in apps/api/src/local/: the dev stack is a devDependency, in no Lambda.',
};

// Test support (personas, test tokens, in-memory adapters, spies) lives in @elevate/testing and the
// `testing` entries it re-exports; what ships never reaches for it.
const testSupport = {
  group: ['@elevate/testing', '@elevate/testing/*', '@elevate/*/testing', '@elevate/*/testing/*'],
  message:
    'Production code does not import test support (@elevate/testing, @elevate/*/testing): tests only.',
};

// `import { z }` drags all of zod (every locale, JSON Schema) into each bundle: 450 KiB instead
// of 85. The namespace import lets esbuild and vite drop what is not used.
const zodAsNamespace = {
  selector: "ImportDeclaration[source.value=/^zod/] > ImportSpecifier[imported.name='z']",
  message: "Import zod as a namespace (`import * as z from 'zod/mini'`) so bundles tree-shake it.",
};

// Classic zod's schemas carry every method (and JSON Schema) whether used or not: ~100 KiB in each
// function. zod/mini's functions and checks leave each bundle the kinds it uses (~35 KiB).
const zodClassic = ['zod', 'zod/v4', 'zod/v4/classic', 'zod/v3'].map((name) => ({
  name,
  message:
    "Production code uses zod's tree-shakable API: `import * as z from 'zod/mini'` (tests may use classic zod).",
}));

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/cdk.out/**',
      '.data/**',
      '**/test-results/**',
      '**/playwright-report/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
      'no-restricted-syntax': ['error', zodAsNamespace],
    },
  },
  {
    // Rules that need types: each file is checked with the tsconfig that owns it.
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        // The root's vitest config belongs to no package's tsconfig: it gets the strict base options.
        projectService: {
          allowDefaultProject: ['vitest.config.ts'],
          defaultProject: 'tsconfig.base.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A promise nobody awaits loses its error and its ordering.
      '@typescript-eslint/no-floating-promises': 'error',
      // A new status, code or kind fails to compile where it is not handled.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false },
      ],
      // A check the types say can never fire is dead code, or a type that lies about the data.
      '@typescript-eslint/no-unnecessary-condition': 'error',
    },
  },
  {
    files: ['packages/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: infrastructure }] },
  },
  {
    // The SPA talks to the server only through the shared contracts.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [spaOnlyContracts],
        },
      ],
    },
  },
  {
    // Every address of the SPA comes from lib/paths.ts; a hand-written '/audit?…' drifts from the
    // router (a renamed page, a search the page no longer reads) without a compile error.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['apps/web/src/lib/paths.ts', 'apps/web/src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        zodAsNamespace,
        ...['Literal[value', 'TemplateElement[value.raw'].map((node) => ({
          selector: `${node}=/^\\/(my-access|requests|reviews|access|audit|insights|policy|signed-out)(\\/|\\?|$)/]`,
          message: 'Take internal addresses from `paths` (apps/web/src/lib/paths.ts).',
        })),
      ],
    },
  },
  {
    // Features never import each other: shared code moves to components/, hooks/ or lib/.
    files: ['apps/web/src/features/*/*/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./\\.\\./(?!\\.\\.)',
              message: 'A feature does not import another feature.',
            },
            { regex: '/features/', message: 'A feature does not import another feature.' },
            spaOnlyContracts,
          ],
        },
      ],
    },
  },
  {
    // The environment is read once, in config modules, and passed on as typed values: a setting
    // read anywhere else is one no config test or doc table knows about.
    files: [
      'apps/api/src/**/*.ts',
      'apps/cli/src/**/*.ts',
      'packages/*/src/**/*.ts',
      'infra/src/**/*.ts',
    ],
    ignores: [
      '**/*.test.ts',
      '**/testing/**',
      'apps/api/src/bench/**',
      'apps/api/src/faults/**',
      'infra/src/bundles/bench-bundles.ts',
      '**/config.ts',
      '**/*-config.ts',
      'apps/cli/src/env.ts',
      'packages/dev-stack/src/config/**',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message:
            'Read the environment in a config module (config.ts, *-config.ts, env.ts) and pass the values on.',
        },
      ],
    },
  },
  {
    // Suites above @elevate/testing take test support through its one door (production files get
    // the stricter rule below).
    files: ['apps/**/*.{ts,tsx}', 'e2e/**/*.ts', 'infra/**/*.ts', 'packages/client/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@elevate/*/testing', '@elevate/*/testing/*'],
              message: 'Tests take test support from @elevate/testing.',
            },
          ],
        },
      ],
    },
  },
  {
    // Production code never imports test support, nor classic zod. A rule of its own
    // (typescript-eslint's no-restricted-imports), so it adds to each package's own import
    // restrictions.
    files: ['apps/*/src/**/*.{ts,tsx}', 'packages/*/src/**/*.{ts,tsx}', 'infra/src/**/*.ts'],
    ignores: [
      '**/*.test.{ts,tsx}',
      '**/testing/**',
      'packages/testing/**',
      'apps/api/src/bench/**',
      'apps/api/src/faults/**',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: zodClassic, patterns: [testSupport] },
      ],
    },
  },
  {
    // The dev stack is a devDependency: only laptop code (local/), benches, fault suites and tests
    // may use it, so no Lambda bundle ever reaches for it.
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      'apps/api/src/local/**',
      'apps/api/src/bench/**',
      'apps/api/src/faults/**',
      'apps/api/src/testing/**',
      'apps/api/src/**/*.test.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [laptopOnly] }] },
  },
  {
    // apps/api's layers: routes and middleware (HTTP) → use cases → domain and ports. A use case
    // knows nothing of how the call arrived, so the same one serves HTTP, Lambda and the CLI tools.
    files: ['apps/api/src/use-cases/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/http/*', '**/middleware/*', '**/routes/*', '**/lambda/*'],
              message: 'A use case does not depend on the HTTP layer or the functions.',
            },
            {
              group: ['hono', 'hono/*', '@hono/*', 'aws-lambda'],
              message: 'A use case has no HTTP framework.',
            },
            laptopOnly,
          ],
        },
      ],
    },
  },
  {
    files: ['packages/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@elevate/adapters',
                '@elevate/adapters/*',
                '@elevate/api',
                '@elevate/dev-stack',
                '@aws-sdk/*',
                'hono',
                'react',
              ],
              message: 'Contracts are plain schemas shared by web and api.',
            },
            {
              // The ways in: the domain's value lists, a module that imports nothing, so the SPA's
              // bundle gets the lists and no rules (docs/decisions/0006-one-home-per-fact.md), and
              // zod's English messages (zod-messages.ts), set once for every package.
              regex: '^@elevate/domain(?!/(vocabulary|zod-messages)$)(/.*)?$',
              message:
                'Contracts take only the value lists of the domain (@elevate/domain/vocabulary) and zod’s messages (@elevate/domain/zod-messages).',
            },
          ],
        },
      ],
    },
  },
);
