import type { Plugin, Rollup } from 'vite';
import { CONSOLE_FILES_ELEMENT_ID } from '../src/front-door/prefetch-console.ts';

/** What a person lands on after signing in: the console and its first page. */
const CONSOLE_MODULES = [
  'src/app/app.tsx',
  'src/app/layout/app-shell.tsx',
  'src/app/routes/my-access-page.tsx',
];

const isChunk = (output: Rollup.OutputBundle[string] | undefined): output is Rollup.OutputChunk =>
  output?.type === 'chunk';

/** Every file a chunk needs before it runs: its static imports, transitively, and their CSS. */
export function filesOf(bundle: Rollup.OutputBundle, fileName: string, into = new Set<string>()) {
  const chunk = bundle[fileName];
  if (!isChunk(chunk) || into.has(fileName)) return into;
  into.add(fileName);
  for (const css of chunk.viteMetadata?.importedCss ?? []) into.add(css);
  for (const imported of chunk.imports) filesOf(bundle, imported, into);
  return into;
}

/** The chunk whose entry module is `module` (a path relative to apps/web). */
export function chunkOf(
  bundle: Rollup.OutputBundle,
  module: string,
): Rollup.OutputChunk | undefined {
  return Object.values(bundle).find(
    (output): output is Rollup.OutputChunk =>
      isChunk(output) && (output.facadeModuleId?.endsWith(`/${module}`) ?? false),
  );
}

/**
 * Writes into index.html the list of files the console needs beyond the front door, for the
 * landing page to prefetch while the person signs in (see src/front-door/prefetch-console.ts).
 */
export function consoleFilesPlugin(): Plugin {
  return {
    name: 'elevate-console-files',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, { bundle, chunk }) => {
        if (!bundle || !chunk) return [];
        const frontDoor = filesOf(bundle, chunk.fileName);
        const files = new Set<string>();
        for (const module of CONSOLE_MODULES) {
          const consoleChunk = chunkOf(bundle, module);
          if (consoleChunk) filesOf(bundle, consoleChunk.fileName, files);
        }
        const list = [...files].filter((file) => !frontDoor.has(file)).map((file) => `/${file}`);
        return [
          {
            tag: 'script',
            attrs: { type: 'application/json', id: CONSOLE_FILES_ELEMENT_ID },
            children: JSON.stringify(list),
            injectTo: 'body',
          },
        ];
      },
    },
  };
}
