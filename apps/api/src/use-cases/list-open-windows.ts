import type { OpenWindowsQuery, OpenWindowsResponse } from '@elevate/contracts';
import { accessPhase } from '@elevate/domain';
import type { Actor, ListedRequest } from '@elevate/domain';
import { toRequestSummary } from './request-view';
import type { UseCaseDeps } from './use-case-deps';
import { contextOf } from './use-case-deps';

/** Approved requests are few per person; this bounds the read should someone have thousands. */
const MAX_PAGES = 20;
const PAGE_SIZE = 100;

/**
 * The actor's approved requests whose window is open by the server's clock, for one account × role
 * when asked. Reads the requester's APPROVED requests (a Query), so ended, revoked and expired
 * windows never appear; `phase` is checked too because an approved window may not have started.
 */
export async function listOpenWindows(
  deps: UseCaseDeps,
  actor: Actor,
  query: OpenWindowsQuery,
): Promise<OpenWindowsResponse> {
  const ctx = contextOf(deps, actor);
  const open: ListedRequest[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await deps.repository.listByRequester({
      requesterSub: actor.sub,
      status: 'APPROVED',
      limit: PAGE_SIZE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    open.push(
      ...result.items.filter(
        (request) =>
          (query.accountId === undefined || request.accountId === query.accountId) &&
          (query.roleName === undefined || request.roleName === query.roleName) &&
          accessPhase(request, ctx.now) === 'active',
      ),
    );
    cursor = result.nextCursor;
    if (cursor === undefined) break;
  }
  const items = open.map((request) => toRequestSummary(request, ctx));
  items.sort((a, b) => (b.window?.endsAt ?? '').localeCompare(a.window?.endsAt ?? ''));
  return { items };
}
