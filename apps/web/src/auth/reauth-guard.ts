const STORAGE_KEY = 'elevate.reauth-started-at';
const QUIET_PERIOD_MS = 60_000;

/**
 * Whether a rejected session may send the user to the IdP now. If the API refuses fresh tokens too
 * (clock skew, wrong audience), signing in again would loop; after one try within a minute we stop
 * and let the page show the API's words instead.
 */
export function mayReauthenticate(
  now: number = Date.now(),
  storage: Storage = window.sessionStorage,
): boolean {
  const last = Number(storage.getItem(STORAGE_KEY));
  if (Number.isFinite(last) && last > 0 && now - last < QUIET_PERIOD_MS) return false;
  storage.setItem(STORAGE_KEY, String(now));
  return true;
}
