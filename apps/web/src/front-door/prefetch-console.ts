/** The id of the JSON list of the console's files that the build writes into index.html. */
export const CONSOLE_FILES_ELEMENT_ID = 'elevate-console-files';

let prefetched = false;

/**
 * Asks the browser to fetch the console's code while the person signs in at the IdP. Prefetches
 * survive the navigation away; on the way back the files come from the cache (they are immutable).
 * Nothing happens in development, where vite serves modules one by one and writes no list.
 */
export function prefetchConsole(doc: Document = document): void {
  if (prefetched) return;
  const list = doc.getElementById(CONSOLE_FILES_ELEMENT_ID)?.textContent;
  if (!list) return;
  prefetched = true;
  for (const href of JSON.parse(list) as unknown[]) {
    if (typeof href !== 'string') continue;
    const link = doc.createElement('link');
    link.rel = 'prefetch';
    link.href = href;
    // Module scripts are fetched in CORS mode; a prefetch in another mode would not be reused.
    if (href.endsWith('.js')) link.crossOrigin = '';
    doc.head.append(link);
  }
}
