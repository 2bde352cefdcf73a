import { useEffect, useState } from 'react';
import type * as AppModule from '../app/app';
import { pageModulesFor } from '../app/route-modules';
import { useAuth } from '../auth/auth-context';
import type { RuntimeConfig } from '../config/runtime-config';
import { LandingPage } from './landing-page';
import { LoadingScreen } from './loading-screen';
import { paths } from '../lib/paths';

/** Paths the front door answers itself for a signed-out visitor; every other path is the console. */
const FRONT_DOOR_PATHS = new Set<string>([paths.home, paths.signedOut]);

export const isFrontDoorPath = (pathname: string): boolean => FRONT_DOOR_PATHS.has(pathname);

let signedInApp: Promise<typeof AppModule> | undefined;
// The console once loaded: rendered at once from then on, never through a Suspense fallback.
let loadedApp: typeof AppModule | undefined;

/**
 * The console's code and the code of the page this path shows, fetched side by side (started
 * once, however many callers ask); the router finds the page's module already loaded.
 */
export const loadSignedInApp = (pathname = window.location.pathname): Promise<typeof AppModule> =>
  (signedInApp ??= Promise.all([
    import('../app/app'),
    ...pageModulesFor(pathname).map((load) => load()),
  ]).then(([app]) => (loadedApp = app)));

/**
 * Whether this tab holds a session (oidc-client-ts keeps it in sessionStorage as `oidc.user:…`):
 * then the console is fetched at once, alongside /config.json and the session check, not after.
 */
export const mayBeSignedIn = (storage: Storage = window.sessionStorage): boolean =>
  Array.from({ length: storage.length }, (_, i) => storage.key(i)).some(
    (key) => key?.startsWith('oidc.user:') ?? false,
  );

/**
 * The console's module, once loaded. Not `React.lazy` in a Suspense boundary: React 19 holds back
 * a boundary's content until 300 ms after its fallback showed (FALLBACK_THROTTLE_MS), and the
 * console usually arrives well within that, so the throttle alone would delay the first row. A
 * failed load is thrown while rendering, as a lazy component's would be.
 */
function useSignedInApp(wanted: boolean): typeof AppModule | undefined {
  const [app, setApp] = useState(loadedApp);
  const [failure, setFailure] = useState<{ error: unknown }>();
  useEffect(() => {
    if (app || !wanted) return;
    let current = true;
    loadSignedInApp().then(
      (loaded) => {
        if (current) setApp(loaded);
      },
      (error: unknown) => {
        if (current) setFailure({ error });
      },
    );
    return () => {
      current = false;
    };
  }, [app, wanted]);
  if (failure) throw failure.error;
  return app;
}

/**
 * Chooses between the landing page and the console. The console needs a session, except on paths
 * that start one (the sign-in callback) or ask for one (deep links go straight to the IdP there).
 */
export function FrontDoor({ config }: { config: RuntimeConfig }) {
  const { status } = useAuth();
  const { pathname } = window.location;
  const frontDoor = isFrontDoorPath(pathname);
  // Not fetched here for the front door until someone is signed in: a signed-out visitor never
  // downloads the console (main.tsx fetches it early for a tab that holds a session).
  const app = useSignedInApp(
    pathname !== paths.signedOut &&
      !(frontDoor && (status === 'loading' || status === 'signed-out')),
  );
  if (pathname === paths.signedOut) return <LandingPage signedOut />;
  if (frontDoor && status === 'signed-out') return <LandingPage />;
  // The console starts once the session is known, so its router's first loaders already have the
  // API client and fetch the page's data beside its code (the session is read from this tab's
  // storage: a moment, unless the tokens need renewing, when no data could be fetched anyway).
  if (status === 'loading' || !app) return <LoadingScreen />;
  return <app.App config={config} />;
}
