import type { MiddlewareHandler } from 'hono';
import type { PeopleDirectory } from '@elevate/domain';
import { signInDayOf } from '@elevate/domain';
import type { AuthedEnv } from '../app-env';
import { errorFields } from '../logger';

/** Subs remembered per process; past this the memory is cleared (a write a day per person at most). */
const MAX_REMEMBERED = 10_000;

/**
 * Keeps the people record (who to tell) from verified tokens: the first call of a person on a UTC
 * day records their sub, e-mail, name and groups — what the tokens said, nothing else. The write
 * runs alongside the handler, not before it, and its failure is logged, never the caller's
 * problem. A process remembers whom it recorded today, so most calls do not even try; the store's
 * conditional write keeps it to one write per person and day across processes.
 */
export function recordSignIn(
  people: PeopleDirectory,
  now: () => string,
): MiddlewareHandler<AuthedEnv> {
  const recorded = new Map<string, string>();
  return async (c, next) => {
    const actor = c.var.actor;
    const at = now();
    const day = signInDayOf(at);
    let write: Promise<void> | undefined;
    if (recorded.get(actor.sub) !== day) {
      if (recorded.size >= MAX_REMEMBERED) recorded.clear();
      recorded.set(actor.sub, day);
      write = people
        .recordSignIn({
          sub: actor.sub,
          email: actor.email,
          name: actor.name,
          groups: [...actor.groups],
          lastSignInAt: at,
        })
        .then(
          () => undefined,
          (error: unknown) => {
            // Tried again on the person's next call.
            recorded.delete(actor.sub);
            c.var.logger.warn('people record not written', errorFields(error));
          },
        );
    }
    await next();
    // Awaited so a Lambda does not freeze with the write in flight; it ran while the handler did.
    await write;
  };
}
