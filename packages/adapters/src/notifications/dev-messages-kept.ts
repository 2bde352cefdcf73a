/**
 * Messages the dev mailbox and chat room hold in memory for their pages; their JSON-lines files
 * keep every one. Bounded so a long local run (or `pnpm bench:load`) does not grow the server.
 */
export const DEV_MESSAGES_KEPT = 2_000;

/** Drops the oldest entries beyond `DEV_MESSAGES_KEPT`, in place. */
export function keepNewest<T>(entries: T[]): void {
  if (entries.length > DEV_MESSAGES_KEPT) entries.splice(0, entries.length - DEV_MESSAGES_KEPT);
}
