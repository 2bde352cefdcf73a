import type { ComponentType } from 'react';
import { createBrowserRouter, useLocation } from 'react-router';
import { AuthCallbackPage, RequireAuth } from '../auth';
import { PageStatus } from '../components/ui/page-status';
import type { RuntimeConfig } from '../config/runtime-config';
import type { NavSection } from './navigation/access-groups';
import type { RouteHandle } from './navigation/breadcrumbs';
import { LandingPage } from '../front-door/landing-page';
import { NotFoundPage } from './routes/not-found-page';
import {
  loadAppShell,
  loadAuditPage,
  loadHomeRedirect,
  loadInsightsPage,
  loadMyAccessPage,
  loadNewRequestPage,
  loadPolicyPage,
  loadRequestDetailPage,
  loadReviewsPage,
  loadSectionGuard,
} from './route-modules';
import { RouteErrorPage } from './routes/route-error-page';
import { paths, routePatterns } from '../lib/paths';
import { routeLoaders, type LoaderContext } from './route-loaders';

function SignedInArea({ Shell }: { Shell: ComponentType }) {
  const { pathname } = useLocation();
  // The front door explains Elevate; a deep link goes straight to sign-in and back.
  return (
    <RequireAuth signedOut={pathname === '/' ? <LandingPage /> : undefined}>
      <Shell />
    </RequireAuth>
  );
}

/**
 * The signed-in area with the console's frame. Loaded by the router like a page (the front door
 * has usually fetched it already), not through `React.lazy` and a Suspense fallback, which React 19
 * would reveal no sooner than 300 ms after the fallback showed.
 */
async function signedInArea() {
  const { AppShell } = await loadAppShell();
  return { Component: () => <SignedInArea Shell={AppShell} /> };
}

function Loading() {
  return <PageStatus label="Loading Elevate" />;
}

const myAccess: RouteHandle = { crumb: 'My access' };
const newRequest: RouteHandle = { crumb: 'New request' };
const reviews: RouteHandle = { crumb: 'Reviews' };
const audit: RouteHandle = { crumb: 'Audit' };
const insights: RouteHandle = { crumb: 'Insights' };
const activeAccess: RouteHandle = { crumb: 'Active access' };
const policy: RouteHandle = { crumb: 'Policy' };
const requestDetail: RouteHandle = { crumb: 'Request' };
const notFound: RouteHandle = { crumb: 'Page not found' };

// Each page is its own chunk: the first page loads only what it shows.
const guarded =
  (section: NavSection, title: string, load: () => Promise<ComponentType>) => async () => {
    const [Page, { SectionGuard }] = await Promise.all([load(), loadSectionGuard()]);
    return {
      Component: () => (
        <SectionGuard section={section} title={title}>
          <Page />
        </SectionGuard>
      ),
    };
  };

/** Each later dashboard is one more child of the signed-in area, with its crumb and nav link. */
export function createAppRouter(config: RuntimeConfig, loaderContext: LoaderContext) {
  const load = routeLoaders(loaderContext);
  return createBrowserRouter([
    { path: config.redirectPath, Component: AuthCallbackPage, ErrorBoundary: RouteErrorPage },
    { path: paths.signedOut, element: <LandingPage signedOut />, ErrorBoundary: RouteErrorPage },
    {
      path: '/',
      lazy: signedInArea,
      ErrorBoundary: RouteErrorPage,
      HydrateFallback: Loading,
      children: [
        {
          index: true,
          loader: load.home,
          lazy: async () => ({ Component: (await loadHomeRedirect()).HomeRedirect }),
        },
        {
          path: routePatterns.myAccess,
          loader: load.myAccess,
          handle: myAccess,
          lazy: async () => ({ Component: (await loadMyAccessPage()).MyAccessPage }),
        },
        {
          path: routePatterns.newRequest,
          loader: load.newRequest,
          handle: newRequest,
          lazy: async () => ({
            Component: (await loadNewRequestPage()).NewRequestPage,
          }),
        },
        {
          path: routePatterns.request,
          loader: load.request,
          handle: requestDetail,
          lazy: async () => ({
            Component: (await loadRequestDetailPage()).RequestDetailPage,
          }),
        },
        {
          path: routePatterns.reviews,
          loader: load.reviews,
          handle: reviews,
          lazy: guarded('reviews', 'Reviews', async () => (await loadReviewsPage()).ReviewsPage),
        },
        {
          path: routePatterns.activeAccess,
          loader: load.activeAccess,
          handle: activeAccess,
          lazy: guarded(
            'active-access',
            'Active access',
            async () => (await import('./routes/active-access-page')).ActiveAccessPage,
          ),
        },
        {
          path: routePatterns.audit,
          loader: load.audit,
          // A filter change on the page resolves its own moment; rerunning the loader would only
          // prefetch a page of a moment nobody asks for.
          shouldRevalidate: ({ currentUrl, nextUrl }) => currentUrl.pathname !== nextUrl.pathname,
          handle: audit,
          lazy: guarded('audit', 'Audit', async () => (await loadAuditPage()).AuditPage),
        },
        {
          path: routePatterns.insights,
          loader: load.insights,
          handle: insights,
          lazy: guarded(
            'insights',
            'Insights',
            async () => (await loadInsightsPage()).InsightsPage,
          ),
        },
        {
          path: routePatterns.policy,
          loader: load.policy,
          handle: policy,
          lazy: async () => ({ Component: (await loadPolicyPage()).PolicyPage }),
        },
        { path: '*', handle: notFound, Component: NotFoundPage },
      ],
    },
  ]);
}
