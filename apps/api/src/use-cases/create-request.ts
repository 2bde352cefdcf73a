import type { CreateRequestBody, RequestView } from '@elevate/contracts';
import { createRequest as transition } from '@elevate/domain';
import type { Actor } from '@elevate/domain';
import { currentWriter } from './writer-context';
import { toRequestView } from './request-view';
import type { UseCaseDeps } from './use-case-deps';
import { contextOf } from './use-case-deps';
import { refusal } from './use-case-error';

/** Creates a request the policy lets the actor ask for; break-glass is approved at once. */
export async function createRequest(
  deps: UseCaseDeps,
  actor: Actor,
  body: CreateRequestBody,
): Promise<RequestView> {
  const ctx = contextOf(deps, actor);
  // A retry with the same Idempotency-Key reuses the first call's id and token, so a create whose
  // answer was lost is found (and answered) rather than made twice.
  const writer = currentWriter();
  const outcome = transition({ id: writer.reservedId ?? deps.ids.next(), ...body }, ctx);
  if (!outcome.ok) throw refusal(outcome.error);
  const stored = await deps.repository.create(outcome.value.request, writer.writerToken);
  if (!stored.ok) throw refusal(stored.error);
  return toRequestView(stored.value, ctx);
}
