import type { RequestView } from '@elevate/contracts';
import { transitionWriteOf } from '@elevate/domain';
import type {
  AccessRequest,
  Actor,
  CommentInput,
  TransitionContext,
  TransitionResult,
} from '@elevate/domain';
import { currentWriter } from './writer-context';
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

/** How often a transition that lost a race to another write is re-run on the fresh state. */
const MAX_TRANSITION_RUNS = 4;

/**
 * The shape of every change to an existing request: load what the actor may see (404 otherwise),
 * let the domain decide, write conditionally on the version read. When another write got there
 * first, the transition runs again on what is stored now — the domain refuses if that decision
 * leaves nothing to do (so it is never overwritten) and a second approval simply counts. Only
 * after MAX_TRANSITION_RUNS lost races is it VERSION_CONFLICT (409). A write whose answer was lost
 * is recognised by its writer token (a retried Idempotency-Key), never applied twice.
 */
export async function applyRequestTransition(
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
  transition: RequestTransition,
  input: CommentInput,
): Promise<RequestView> {
  const ctx = contextOf(deps, actor);
  const writer = currentWriter();
  for (let run = 1; ; run++) {
    const request = await loadVisibleRequest(deps, actor, id);
    if (writer.resumed) {
      const done = await deps.repository.writtenBy(id, writer.writerToken);
      if (done !== undefined) return toRequestView(done, ctx);
    }
    const outcome = transition(request, input, ctx);
    if (!outcome.ok) throw refusal(outcome.error);
    const written = await deps.repository.applyTransition({
      ...transitionWriteOf(request, outcome.value),
      writerToken: writer.writerToken,
    });
    if (written.ok) return toRequestView(written.value, ctx);
    if (written.error.code !== 'VERSION_CONFLICT' || run >= MAX_TRANSITION_RUNS)
      throw refusal(written.error);
  }
}
