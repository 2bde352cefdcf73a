import type { RequestView } from '@elevate/contracts';
import type { Actor } from '@elevate/domain';
import { loadVisibleRequest } from './load-visible-request';
import { toRequestView } from './request-view';
import { toSessionRecordView } from './session-record-view';
import type { UseCaseDeps } from './use-case-deps';
import { contextOf } from './use-case-deps';

/**
 * One request with its history and issued sessions, for its requester, routed reviewers, auditors
 * and admins (whoever may see the request may see its sessions: they hold no secrets).
 */
export async function getRequest(
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
): Promise<RequestView> {
  const request = await loadVisibleRequest(deps, actor, id);
  const view = toRequestView(request, contextOf(deps, actor));
  if (deps.sessions === undefined) return view;
  const sessions = await deps.sessions.listForRequest(request.id);
  return { ...view, sessions: sessions.map(toSessionRecordView) };
}
