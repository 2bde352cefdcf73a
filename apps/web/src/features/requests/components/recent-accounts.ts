const STORAGE_KEY = 'elevate.recent-accounts';
const KEEP = 5;

/** Account ids the user picked lately, most recent first; empty if storage is unavailable. */
export function readRecentAccounts(storage: Storage = window.localStorage): string[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((id): id is string => typeof id === 'string').slice(0, KEEP)
      : [];
  } catch {
    return [];
  }
}

export function rememberAccount(accountId: string, storage: Storage = window.localStorage): void {
  const next = [accountId, ...readRecentAccounts(storage).filter((id) => id !== accountId)].slice(
    0,
    KEEP,
  );
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Private mode or full storage: recent choices are a convenience.
  }
}
