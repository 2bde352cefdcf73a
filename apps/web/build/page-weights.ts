import { gzipSync } from 'node:zlib';
import type { Rollup } from 'vite';
import { chunkOf, filesOf } from './console-files-plugin';

/** KiB of JavaScript (gzip -9) the front door may load before it shows anything (issue #12). */
const FRONT_DOOR_BUDGET_KIB = 120;

export interface PageSpec {
  name: string;
  path: string;
  /** Modules (relative to apps/web) whose chunks the page runs, beyond the entry in index.html. */
  modules: readonly string[];
  budgetKib: number;
}

const console = ['src/app/app.tsx', 'src/app/layout/app-shell.tsx'];
const guarded = [...console, 'src/app/routes/section-guard.tsx'];

/**
 * Every page, with what it loads. A signed-in page loads the front door, the console, itself.
 * Issue #12's target for a signed-in page is 200 KiB. Not met yet: React DOM, the router, zod and
 * Cloudscape's base components, table and icons weigh more than that together. Until it is, each page's budget is a ratchet a little above what
 * it loads today (docs/performance.md), so nothing grows unnoticed; lower them as pages get lighter.
 */
export const PAGES: readonly PageSpec[] = [
  { name: 'Front door', path: '/', modules: [], budgetKib: FRONT_DOOR_BUDGET_KIB },
  {
    name: 'My access',
    path: '/my-access',
    modules: [...console, 'src/app/routes/my-access-page.tsx'],
    budgetKib: 330,
  },
  {
    name: 'New request',
    path: '/requests/new',
    modules: [...console, 'src/app/routes/new-request-page.tsx'],
    budgetKib: 302,
  },
  {
    name: 'Request',
    path: '/requests/:id',
    modules: [...console, 'src/app/routes/request-detail-page.tsx'],
    budgetKib: 309,
  },
  {
    name: 'Reviews',
    path: '/reviews',
    modules: [...guarded, 'src/app/routes/reviews-page.tsx'],
    budgetKib: 323,
  },
  {
    name: 'Audit',
    path: '/audit',
    modules: [...guarded, 'src/app/routes/audit-page.tsx'],
    budgetKib: 316,
  },
  {
    name: 'Policy',
    path: '/policy',
    modules: [...console, 'src/app/routes/policy-page.tsx'],
    budgetKib: 298,
  },
];

interface FileWeight {
  file: string;
  gzipBytes: number;
}

export interface PageWeight {
  page: PageSpec;
  jsGzipBytes: number;
  cssGzipBytes: number;
  files: FileWeight[];
  /** Source modules by their share of the page's (minified) JavaScript, largest first. */
  modules: { module: string; bytes: number }[];
}

const gzipBytes = (content: string | Uint8Array): number => gzipSync(content, { level: 9 }).length;

/** The weight of every page in a production build's output (`vite build`'s result). */
export function weighPages(output: readonly (Rollup.OutputChunk | Rollup.OutputAsset)[]) {
  const bundle: Rollup.OutputBundle = Object.fromEntries(
    output.map((item) => [item.fileName, item]),
  );
  const entry = output.find(
    (item): item is Rollup.OutputChunk => item.type === 'chunk' && item.isEntry,
  );
  if (!entry) throw new Error('The build has no entry chunk.');
  const sizeOf = new Map<string, number>();
  const weigh = (file: string): number => {
    const item = bundle[file];
    if (!item) return 0;
    const known = sizeOf.get(file);
    if (known !== undefined) return known;
    const size = gzipBytes(item.type === 'chunk' ? item.code : item.source);
    sizeOf.set(file, size);
    return size;
  };
  return PAGES.map((page): PageWeight => {
    const files = filesOf(bundle, entry.fileName);
    for (const module of page.modules) {
      const chunk = chunkOf(bundle, module);
      if (!chunk) throw new Error(`${page.name}: no chunk has ${module} as its entry.`);
      filesOf(bundle, chunk.fileName, files);
    }
    const weights = [...files].map((file) => ({ file, gzipBytes: weigh(file) }));
    const js = weights.filter(({ file }) => file.endsWith('.js'));
    const modules = new Map<string, number>();
    for (const { file } of js) {
      const chunk = bundle[file];
      if (chunk?.type !== 'chunk') continue;
      for (const [id, info] of Object.entries(chunk.modules))
        modules.set(id, (modules.get(id) ?? 0) + info.renderedLength);
    }
    return {
      page,
      jsGzipBytes: js.reduce((sum, { gzipBytes: size }) => sum + size, 0),
      cssGzipBytes: weights
        .filter(({ file }) => file.endsWith('.css'))
        .reduce((sum, { gzipBytes: size }) => sum + size, 0),
      files: js.sort((a, b) => b.gzipBytes - a.gzipBytes),
      modules: [...modules]
        .map(([module, bytes]) => ({ module: shortModuleName(module), bytes }))
        .sort((a, b) => b.bytes - a.bytes),
    };
  });
}

/** `node_modules/.pnpm/x@1/node_modules/@scope/pkg/dir/file.js` → `@scope/pkg/dir/file.js`. */
function shortModuleName(id: string): string {
  const inPackage = id.lastIndexOf('node_modules/');
  if (inPackage >= 0) return id.slice(inPackage + 'node_modules/'.length);
  const inApp = id.indexOf('/apps/web/');
  return inApp >= 0 ? id.slice(inApp + '/apps/web/'.length) : id;
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/** One line per page over its budget, naming the largest files and modules: the culprits. */
export function budgetViolations(weights: readonly PageWeight[]): string[] {
  return weights
    .filter(({ page, jsGzipBytes }) => jsGzipBytes > page.budgetKib * 1024)
    .map(({ page, jsGzipBytes, files, modules }) => {
      const topFiles = files
        .slice(0, 3)
        .map(({ file, gzipBytes: size }) => `${file} (${kib(size)})`)
        .join(', ');
      const topModules = modules
        .slice(0, 3)
        .map(({ module, bytes }) => `${module} (${kib(bytes)} before minifying)`)
        .join(', ');
      return `${page.name} loads ${kib(jsGzipBytes)} of JavaScript (gzip), over its ${page.budgetKib} KiB budget; largest files: ${topFiles}; largest modules: ${topModules}`;
    });
}
