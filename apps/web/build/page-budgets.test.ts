// @vitest-environment node
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSpa } from './build-spa';
import { budgetViolations, PAGES, weighPages, type PageWeight } from './page-weights';

let outDir: string | undefined;
let weights: PageWeight[];
let chunks: { fileName: string; code: string }[];

beforeAll(async () => {
  const built = await buildSpa();
  outDir = built.outDir;
  weights = weighPages(built.output);
  chunks = built.output.flatMap((file) => (file.type === 'chunk' ? [file] : []));
}, 120_000);

afterAll(() => {
  if (outDir !== undefined) rmSync(outDir, { recursive: true, force: true });
});

describe('the production build', () => {
  it('writes source maps but points no bundle at them (hidden; infra never uploads them)', () => {
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.filter(({ code }) => code.includes('sourceMappingURL'))).toEqual([]);
  });

  it('keeps every page’s first-load JavaScript within its budget', () => {
    expect(budgetViolations(weights)).toEqual([]);
  });

  it('loads neither Cloudscape, the router nor the data libraries on the front door', () => {
    const frontDoor = weights.find(({ page }) => page.name === 'Front door');
    const modules = frontDoor?.modules.map(({ module }) => module) ?? [];
    expect(modules.length).toBeGreaterThan(0);
    for (const heavy of ['@cloudscape-design/', 'react-router/', '@tanstack/', '/features/'])
      expect(modules.filter((module) => module.includes(heavy))).toEqual([]);
  });

  it('loads oidc-client-ts on no page’s first load (the stored session is read without it)', () => {
    const modules = weights.flatMap(({ modules }) => modules.map(({ module }) => module));
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.filter((module) => module.startsWith('oidc-client-ts/'))).toEqual([]);
  });

  it('bundles no ICU message parser (Cloudscape’s messages come parsed; vite.config.ts)', () => {
    const modules = weights.flatMap(({ modules }) => modules.map(({ module }) => module));
    expect(modules).toContain('@formatjs/icu-messageformat-parser/lib/no-parser.js');
    expect(
      modules.filter(
        (module) =>
          module === '@formatjs/icu-messageformat-parser/lib/parser.js' ||
          module.startsWith('@formatjs/icu-skeleton-parser/'),
      ),
    ).toEqual([]);
  });

  it('loads neither Cloudscape’s app layout nor drag and drop on any page (shell-frame.tsx instead)', () => {
    const modules = weights.flatMap(({ modules }) => modules.map(({ module }) => module));
    // Other components share two small modules of it (contexts, feature flags); not the layouts.
    const layouts =
      /\/app-layout\/(index|internal|classic)\.js$|\/visual-refresh(-toolbar)?\/index\.js$/;
    expect(
      modules.filter((module) => layouts.test(module) || module.startsWith('@dnd-kit/')),
    ).toEqual([]);
  });

  it('bundles react-router’s production build, not the development one its exports name', () => {
    const router = weights
      .flatMap(({ modules }) => modules.map(({ module }) => module))
      .filter((module) => module.startsWith('react-router/'));
    expect(router.length).toBeGreaterThan(0);
    expect(router.filter((module) => !module.startsWith('react-router/dist/production/'))).toEqual(
      [],
    );
  });

  it('weighs every page the router serves', () => {
    expect(weights.map(({ page }) => page.name)).toEqual(PAGES.map(({ name }) => name));
  });
});

describe('the budget check', () => {
  it('names the page, its weight and the largest files and modules when over budget', () => {
    const [page] = weights;
    if (!page) throw new Error('no pages weighed');
    const overweight = { ...page, page: { ...page.page, budgetKib: 1 } };
    const [message] = budgetViolations([overweight]);
    expect(message).toMatch(
      /^Front door loads [\d.]+ KiB of JavaScript \(gzip\), over its 1 KiB budget/,
    );
    expect(message).toContain(page.files[0]?.file);
    expect(message).toContain(page.modules[0]?.module);
  });
});
