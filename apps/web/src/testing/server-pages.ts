import type { RequestSummary } from '@elevate/contracts';

/**
 * A fake list endpoint over `items` in server pages of `pageSize`: answers any query string of
 * `path` by its `cursor` (the page number as text) and records every query it was asked, so tests
 * can check which filters reached the server.
 */
export function serverPages(items: readonly RequestSummary[], pageSize: number) {
  const queries: URLSearchParams[] = [];
  const answer = (_body: unknown, path: string) => {
    const search = new URLSearchParams(path.split('?')[1] ?? '');
    queries.push(search);
    const page = Number(search.get('cursor') ?? '0');
    const start = page * pageSize;
    const next = start + pageSize < items.length ? String(page + 1) : undefined;
    return {
      items: items.slice(start, start + pageSize),
      ...(next === undefined ? {} : { nextCursor: next }),
    };
  };
  return { answer, queries };
}

/** Handlers for `fakeApi` that answer every `GET <prefix>…` with `answer`; others stay unknown. */
export function byPrefix(
  prefix: string,
  answer: (body: unknown, path: string) => unknown,
  others: Record<string, (body: unknown, path: string) => unknown> = {},
): Record<string, (body: unknown, path: string) => unknown> {
  return new Proxy(others, {
    get: (target, key) => {
      if (typeof key !== 'string') return undefined;
      return key.startsWith(`GET ${prefix}`) ? answer : target[key];
    },
  });
}
