// The notice a sign-in round trip (step-up) leaves for the page it returns to. Plain storage, no UI:
// the sign-in callback runs on the front door, which must not load Cloudscape.
const STORAGE_KEY = 'elevate.sign-in-notice';

/** Keeps a notice from the sign-in state until the page it returns to shows it (once). */
export function rememberSignInNotice(
  notice: string | undefined,
  storage: Storage = window.sessionStorage,
): void {
  if (notice === undefined) storage.removeItem(STORAGE_KEY);
  else storage.setItem(STORAGE_KEY, notice);
}

/** The remembered notice, removed as it is read. */
export function takeSignInNotice(storage: Storage = window.sessionStorage): string | undefined {
  const notice = storage.getItem(STORAGE_KEY) ?? undefined;
  storage.removeItem(STORAGE_KEY);
  return notice;
}
