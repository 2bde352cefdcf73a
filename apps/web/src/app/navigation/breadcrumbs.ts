import { PRODUCT_NAME } from '../../hooks/use-document-title';
import { paths } from '../../lib/paths';

/** What a route may declare in its `handle`. */
export interface RouteHandle {
  crumb?: string;
}

interface MatchLike {
  pathname: string;
  handle: unknown;
}

function crumbOf(handle: unknown): string | undefined {
  if (typeof handle !== 'object' || handle === null || !('crumb' in handle)) return undefined;
  return typeof handle.crumb === 'string' ? handle.crumb : undefined;
}

/** Product first, then one crumb per matched route that declares one. */
export function breadcrumbsFrom(matches: readonly MatchLike[]): { text: string; href: string }[] {
  const crumbs = matches.flatMap((match) => {
    const text = crumbOf(match.handle);
    return text ? [{ text, href: match.pathname }] : [];
  });
  return [{ text: PRODUCT_NAME, href: paths.home }, ...crumbs];
}
