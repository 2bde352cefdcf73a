import type { RequestView } from '@elevate/contracts';
import { transitionWriteOf } from '@elevate/domain';
import type {
  AccessRequest,
  Actor,
  CommentInput,
  TransitionContext,
  TransitionResult,
} from '@elevate/domain';
import { loadVisibleRequest } from './load-visible-request';
import { toRequestView } from './request-view';
import type { UseCaseDeps } from './use-case-deps';
import { contextOf } from './use-case-deps';
import { refusal } from './use-case-error';

export type RequestTransition = (
  request: AccessRequest,
  input: CommentInput,
  ctx: TransitionContext,
) => TransitionResult;

/**
 * The shape of every change to an existing request: load what the actor may see (404 otherwise),
 * let the domain decide, write conditionally on the version read. A lost race is VERSION_CONFLICT
 * (409); the loser reloads and sees the winner's outcome. Never a retry that could overwrite.
 */
export async function applyRequestTransition(
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
  transition: RequestTransition,
  input: CommentInput,
): Promise<RequestView> {
  const request = await loadVisibleRequest(deps, actor, id);
  const ctx = contextOf(deps, actor);
  const outcome = transition(request, input, ctx);
  if (!outcome.ok) throw refusal(outcome.error);
  const written = await deps.repository.applyTransition(transitionWriteOf(request, outcome.value));
  if (!written.ok) throw refusal(written.error);
  return toRequestView(written.value, ctx);
}
