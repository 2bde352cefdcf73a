import { lazy, Suspense } from 'react';
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

/**
 * The console's code and the code of the page this path shows, fetched side by side (started
 * once, however many callers ask); the router finds the page's module already loaded.
 */
export const loadSignedInApp = (pathname = window.location.pathname): Promise<typeof AppModule> =>
  (signedInApp ??= Promise.all([
    import('../app/app'),
    ...pageModulesFor(pathname).map((load) => load()),
  ]).then(([app]) => app));

/**
 * Whether this tab holds a session (oidc-client-ts keeps it in sessionStorage as `oidc.user:…`):
 * then the console is fetched at once, alongside /config.json and the session check, not after.
 */
export const mayBeSignedIn = (storage: Storage = window.sessionStorage): boolean =>
  Array.from({ length: storage.length }, (_, i) => storage.key(i)).some(
    (key) => key?.startsWith('oidc.user:') ?? false,
  );

const App = lazy(async () => ({ default: (await loadSignedInApp()).App }));

/**
 * Chooses between the landing page and the console. The console needs a session, except on paths
 * that start one (the sign-in callback) or ask for one (deep links go straight to the IdP there).
 */
export function FrontDoor({ config }: { config: RuntimeConfig }) {
  const { status } = useAuth();
  const { pathname } = window.location;
  if (pathname === paths.signedOut) return <LandingPage signedOut />;
  if (isFrontDoorPath(pathname) && status === 'loading') return <LoadingScreen />;
  if (isFrontDoorPath(pathname) && status === 'signed-out') return <LandingPage />;
  return (
    <Suspense fallback={<LoadingScreen />}>
      <App config={config} />
    </Suspense>
  );
}
