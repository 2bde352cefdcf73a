import type { CreateRequestBody, RequestView } from '@elevate/contracts';
import { createRequest as transition } from '@elevate/domain';
import type { Actor } from '@elevate/domain';
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
  const outcome = transition({ id: deps.ids.next(), ...body }, ctx);
  if (!outcome.ok) throw refusal(outcome.error);
  const stored = await deps.repository.create(outcome.value.request);
  if (!stored.ok) throw refusal(stored.error);
  return toRequestView(stored.value, ctx);
}
