import type { UserManager } from 'oidc-client-ts';
import type { RuntimeConfig } from '../config/runtime-config';
import { readStoredSession, storedSessionKey, type StoredSession } from './stored-session';

/**
 * This tab's session: read from storage at once, and oidc-client-ts (a dynamic import) only for
 * what needs the protocol: signing in, the callback, renewal, signing out.
 */
export interface AuthSession {
  /** The session oidc-client-ts stored in this tab, or null if there is none or it is unreadable. */
  readStored: () => StoredSession | null;
  /** Forgets the stored session without the library (when it cannot be loaded to do so itself). */
  forgetStored: () => void;
  /** The one `UserManager`, loaded and created on the first call. */
  userManager: () => Promise<UserManager>;
  /**
   * Runs `subscribe` with the `UserManager` as soon as it exists (at once if it does); the returned
   * function cancels that and calls what `subscribe` returned.
   */
  whenCreated: (subscribe: (userManager: UserManager) => () => void) => () => void;
}

const loadUserManager = async (config: RuntimeConfig): Promise<UserManager> =>
  (await import('./user-manager')).createUserManager(config);

/** Waits before the second and third download of the library: a tab that just woke may be offline. */
const LOAD_RETRY_DELAYS_MS = [1_000, 4_000] as const;

async function withRetries<T>(load: () => Promise<T>, delaysMs: readonly number[]): Promise<T> {
  for (const delayMs of delaysMs) {
    try {
      return await load();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
  return load();
}

/** Created once, outside React: a second `UserManager` would renew tokens on its own. */
export function createAuthSession(
  config: RuntimeConfig,
  createUserManager: (config: RuntimeConfig) => Promise<UserManager> = loadUserManager,
  storage: Storage = window.sessionStorage,
  retryDelaysMs: readonly number[] = LOAD_RETRY_DELAYS_MS,
): AuthSession {
  const key = storedSessionKey(config.authority, config.clientId);
  const waiting = new Set<(userManager: UserManager) => void>();
  let created: UserManager | undefined;
  let creating: Promise<UserManager> | undefined;
  return {
    readStored: () => readStoredSession(key, storage),
    forgetStored: () => storage.removeItem(key),
    userManager: () =>
      (creating ??= withRetries(() => createUserManager(config), retryDelaysMs).then(
        (userManager) => {
          created = userManager;
          // Before any caller uses it, so that no event it raises goes unheard.
          for (const subscribe of waiting) subscribe(userManager);
          waiting.clear();
          return userManager;
        },
        (error: unknown) => {
          // Three downloads failed; the next call tries again.
          creating = undefined;
          throw error;
        },
      )),
    whenCreated: (subscribe) => {
      let unsubscribe: (() => void) | undefined;
      const start = (userManager: UserManager) => {
        unsubscribe = subscribe(userManager);
      };
      if (created) start(created);
      else waiting.add(start);
      return () => {
        waiting.delete(start);
        unsubscribe?.();
      };
    },
  };
}
