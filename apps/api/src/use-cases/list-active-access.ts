import type { ActiveAccessItem, ActiveAccessList } from '@elevate/contracts';
import { SELF_APPROVED_RECENT_DAYS } from '@elevate/contracts';
import { accessPhase, addMinutes, isAdmin, isReviewer, windowOf } from '@elevate/domain';
import type { Actor, AuditQuery, ListedRequest, Policy } from '@elevate/domain';
import { toRequestSummary } from './request-view';
import type { UseCaseDeps } from './use-case-deps';
import { contextOf } from './use-case-deps';
import { UseCaseError } from './use-case-error';

const PAGE_SIZE = 100;

/** Reviewers and admins see what is open; everyone else is refused. */
function assertMayOverseeAccess(deps: Pick<UseCaseDeps, 'policy'>, actor: Actor): void {
  if (!isReviewer(deps.policy, actor) && !isAdmin(deps.policy, actor)) {
    throw new UseCaseError(
      'NOT_REVIEWER',
      'Only reviewers and Elevate admins may list the access that is open.',
    );
  }
}

/**
 * The longest a request can be from creation to the end of its window under this policy: pending,
 * then scheduled ahead, then its longest total with extensions. Older requests cannot be open.
 */
const longestLifeMinutes = (policy: Policy): number =>
  Math.max(
    0,
    ...policy.rules.map(
      (rule) =>
        rule.pendingExpiryMinutes +
        rule.maxStartDelayMinutes +
        Math.max(rule.maxDurationMinutes, rule.extension?.maxTotalMinutes ?? 0),
    ),
  );

/** Every APPROVED request created in [from, now], read page by page from the audit index. */
async function approvedSince(
  deps: UseCaseDeps,
  from: string,
  now: string,
): Promise<ListedRequest[]> {
  const found: ListedRequest[] = [];
  let cursor: string | undefined;
  do {
    const query: AuditQuery = {
      from,
      to: addMinutes(now, 1),
      status: 'APPROVED',
      limit: PAGE_SIZE,
      ...(cursor === undefined ? {} : { cursor }),
    };
    const page = await deps.repository.listForAudit(query);
    found.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return found;
}

async function withSessions(
  deps: UseCaseDeps,
  requests: readonly ListedRequest[],
  actor: Actor,
): Promise<ActiveAccessItem[]> {
  const ctx = contextOf(deps, actor);
  return Promise.all(
    requests.map(async (request) => ({
      ...toRequestSummary(request, ctx),
      sessionsIssued: (await deps.sessions?.listForRequest(request.id))?.length ?? 0,
    })),
  );
}

/** Every window that is open or scheduled now, soonest end first, with its sessions issued. */
export async function listActiveAccess(deps: UseCaseDeps, actor: Actor): Promise<ActiveAccessList> {
  assertMayOverseeAccess(deps, actor);
  const now = deps.clock.now();
  const candidates = await approvedSince(
    deps,
    addMinutes(now, -longestLifeMinutes(deps.policy)),
    now,
  );
  const open = candidates
    .filter((request) => accessPhase(request, now) !== 'over')
    .sort((a, b) => (windowOf(a)?.endsAt ?? '').localeCompare(windowOf(b)?.endsAt ?? ''));
  return { items: await withSessions(deps, open, actor) };
}

/** Requests a self-service rule approved in the last days, newest first, open or not. */
export async function listSelfApproved(deps: UseCaseDeps, actor: Actor): Promise<ActiveAccessList> {
  assertMayOverseeAccess(deps, actor);
  const now = deps.clock.now();
  const from = addMinutes(now, -SELF_APPROVED_RECENT_DAYS * 24 * 60);
  const found: ListedRequest[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.repository.listForAudit({
      from,
      to: addMinutes(now, 1),
      limit: PAGE_SIZE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    found.push(...page.items.filter((request) => request.approvedByPolicy === true));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return { items: await withSessions(deps, found, actor) };
}
