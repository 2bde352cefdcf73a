import type {
  AuditExportQuery,
  AuditQuery as AuditQueryParams,
  RequestPage,
} from '@elevate/contracts';
import { isAdmin, isAuditor } from '@elevate/domain';
import type { Actor, AuditQuery, PageQuery } from '@elevate/domain';
import { readPage, toRequestPage } from './request-page';
import type { UseCaseDeps } from './use-case-deps';
import { contextOf } from './use-case-deps';
import { UseCaseError } from './use-case-error';

/** Only auditors and admins read across everyone's requests. */
export function assertMayAudit(deps: Pick<UseCaseDeps, 'policy'>, actor: Actor): void {
  if (!isAuditor(deps.policy, actor) && !isAdmin(deps.policy, actor)) {
    throw new UseCaseError(
      'NOT_AUDITOR',
      'Only members of the auditors or admins groups may read the audit trail.',
    );
  }
}

/** The contracts' filters as the store's query; `requester` is an email when it has an `@`. */
export function toAuditQuery(filters: AuditExportQuery, page: PageQuery): AuditQuery {
  const { requester, ...rest } = filters;
  return {
    ...rest,
    ...page,
    ...(requester === undefined
      ? {}
      : requester.includes('@')
        ? { requesterEmail: requester }
        : { requesterSub: requester }),
  };
}

/** Every request created in [from, to), filtered, newest first — for auditors and admins. */
export async function listAudit(
  deps: UseCaseDeps,
  actor: Actor,
  query: AuditQueryParams,
): Promise<RequestPage> {
  assertMayAudit(deps, actor);
  const { cursor, limit, ...filters } = query;
  const page = await readPage(() =>
    deps.repository.listForAudit(
      toAuditQuery(filters, cursor === undefined ? { limit } : { cursor, limit }),
    ),
  );
  return toRequestPage(page, contextOf(deps, actor));
}
