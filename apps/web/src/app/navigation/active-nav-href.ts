import { paths } from '../../lib/paths';

/** A request's own page (not the form), which several sections link to. */
export function isRequestPage(pathname: string): boolean {
  return pathname.startsWith(paths.request('')) && pathname !== paths.newRequest;
}

/**
 * The side navigation link to highlight: the page's own, and on a request's page the section the
 * reader came from (an auditor from Audit, a reviewer from Reviews) — or none after a deep link,
 * rather than claiming "My access" for someone else's request.
 */
export function activeNavHref(pathname: string, cameFrom: string | undefined): string {
  if (!isRequestPage(pathname)) return pathname;
  return cameFrom ?? pathname;
}
