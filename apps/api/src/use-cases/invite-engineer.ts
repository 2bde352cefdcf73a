import type { InviteBody, RequestView } from '@elevate/contracts';
import { inviteRequest } from '@elevate/domain';
import type { Actor } from '@elevate/domain';
import { currentWriter } from './writer-context';
import { toRequestView } from './request-view';
import type { UseCaseDeps } from './use-case-deps';
import { contextOf } from './use-case-deps';
import { refusal } from './use-case-error';

/** A reviewer or admin opens a request on an engineer's behalf; it waits for the engineer's answer. */
export async function inviteEngineer(
  deps: UseCaseDeps,
  actor: Actor,
  body: InviteBody,
): Promise<RequestView> {
  const ctx = contextOf(deps, actor);
  // As for a request: a retried Idempotency-Key reuses the first call's id and writer token.
  const writer = currentWriter();
  const outcome = inviteRequest({ id: writer.reservedId ?? deps.ids.next(), ...body }, ctx);
  if (!outcome.ok) throw refusal(outcome.error);
  const stored = await deps.repository.create(outcome.value.request, writer.writerToken);
  if (!stored.ok) throw refusal(stored.error);
  return toRequestView(stored.value, ctx);
}
