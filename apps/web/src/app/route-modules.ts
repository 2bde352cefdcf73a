import { paths } from '../lib/paths';

// Where each page's code is, declared once: the router loads a page from here when it is visited,
// and the front door starts the same loads early (while the session is checked or the person signs
// in), so the console and its first page arrive together instead of one after the other.

export const loadAppShell = () => import('./layout/app-shell');
export const loadSectionGuard = () => import('./routes/section-guard');
export const loadHomeRedirect = () => import('./routes/home-redirect');
export const loadMyAccessPage = () => import('./routes/my-access-page');
export const loadNewRequestPage = () => import('./routes/new-request-page');
export const loadRequestDetailPage = () => import('./routes/request-detail-page');
export const loadReviewsPage = () => import('./routes/reviews-page');
export const loadAuditPage = () => import('./routes/audit-page');
export const loadPolicyPage = () => import('./routes/policy-page');
export const loadInsightsPage = () => import('./routes/insights-page');

/** The page modules a path will need first (besides the console itself). */
export function pageModulesFor(pathname: string): (() => Promise<unknown>)[] {
  // Home is decided by /me; most people land on My access.
  if (pathname === paths.home) return [loadAppShell, loadHomeRedirect, loadMyAccessPage];
  if (pathname === paths.myAccess) return [loadAppShell, loadMyAccessPage];
  if (pathname === paths.newRequest) return [loadAppShell, loadNewRequestPage];
  if (pathname.startsWith(paths.request(''))) return [loadAppShell, loadRequestDetailPage];
  if (pathname === paths.reviews()) return [loadAppShell, loadSectionGuard, loadReviewsPage];
  if (pathname === paths.audit) return [loadAppShell, loadSectionGuard, loadAuditPage];
  if (pathname === paths.insights) return [loadAppShell, loadSectionGuard, loadInsightsPage];
  if (pathname === paths.policy) return [loadAppShell, loadPolicyPage];
  return [loadAppShell];
}
