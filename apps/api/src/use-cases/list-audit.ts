import type {
  AuditCount,
  AuditExportQuery,
  AuditPage,
  AuditQuery as AuditQueryParams,
} from '@elevate/contracts';
import { isAuditCountable, MAX_AUDIT_REQUESTER_MATCHES } from '@elevate/contracts';
import { isAdmin, isAuditor } from '@elevate/domain';
import type { Actor, AuditQuery, InsightFact, PageQuery } from '@elevate/domain';
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

const WHOLE_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Who `requester` means for the store: an e-mail, or the subs of everyone it may name. */
type RequesterKey =
  | { readonly requesterEmail: string }
  | {
      readonly requesterSubs: readonly string[];
      /** Their e-mails, when every sub is a known person (what the totals count by). */
      readonly emails?: readonly string[];
    };

/**
 * A whole address is read by its key (any case). Anything else is a `sub` or part of a name or
 * e-mail: the people record names everyone it matches (a bounded set, read by key one requester
 * each); more than `MAX_AUDIT_REQUESTER_MATCHES` is refused rather than listed in part.
 */
async function requesterKeyOf(
  deps: Pick<UseCaseDeps, 'people'>,
  requester: string,
): Promise<RequesterKey> {
  if (WHOLE_ADDRESS.test(requester)) return { requesterEmail: requester };
  const found = await deps.people?.search(requester, MAX_AUDIT_REQUESTER_MATCHES);
  if (found?.more === true)
    throw new UseCaseError(
      'REQUESTER_AMBIGUOUS',
      `More than ${MAX_AUDIT_REQUESTER_MATCHES} people match “${requester}”: type more of the name or e-mail, or the whole address.`,
      [
        {
          path: 'requester',
          message: `matches more than ${MAX_AUDIT_REQUESTER_MATCHES} people`,
        },
      ],
    );
  const people = found?.people ?? [];
  // Nobody matched: the text may be a sub (someone the people record does not know yet).
  if (people.length === 0) return { requesterSubs: [requester] };
  return {
    requesterSubs: people.map((person) => person.sub),
    emails: people.map((person) => person.email),
  };
}

/** The contracts' filters as the store's query (without paging); `requester` resolved once. */
export async function storeFiltersOf(
  deps: Pick<UseCaseDeps, 'people'>,
  filters: AuditExportQuery,
): Promise<{ filters: Omit<AuditQuery, keyof PageQuery>; requester?: RequesterKey }> {
  const { requester, q, order, ...rest } = filters;
  const key = requester === undefined ? undefined : await requesterKeyOf(deps, requester);
  const keyFields =
    key === undefined
      ? {}
      : 'requesterEmail' in key
        ? { requesterEmail: key.requesterEmail }
        : { requesterSubs: key.requesterSubs };
  return {
    filters: {
      ...rest,
      ...keyFields,
      ...(q === undefined ? {} : { text: q }),
      order: order === 'oldest' ? 'oldestFirst' : 'newestFirst',
    },
    ...(key === undefined ? {} : { requester: key }),
  };
}

const dayOf = (instant: string): string => new Date(Date.parse(instant)).toISOString().slice(0, 10);

/**
 * How many requests match, counted from the Insights daily aggregates (one item per UTC day of the
 * range, kept from the change stream within seconds): only for filters the facts carry — account,
 * role, status, requester e-mail (the caller has checked `isAuditCountable`). A requester the
 * people record does not know has no e-mail to count by: then undefined (unknown).
 */
async function totalOf(
  deps: Pick<UseCaseDeps, 'insights'>,
  query: AuditExportQuery,
  requester: RequesterKey | undefined,
): Promise<number | undefined> {
  if (deps.insights === undefined) return undefined;
  const emails =
    requester === undefined
      ? undefined
      : 'requesterEmail' in requester
        ? [requester.requesterEmail]
        : requester.emails;
  if (requester !== undefined && emails === undefined) return undefined;
  const wanted = emails?.map((email) => email.toLowerCase());
  const lastInstant = new Date(Date.parse(query.to) - 1).toISOString();
  const { facts } = await deps.insights.factsOfDays(
    dayOf(query.from),
    dayOf(lastInstant),
    query.accountId,
  );
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  const latest = new Map<string, InsightFact>();
  for (const fact of facts) {
    const known = latest.get(fact.requestId);
    if (known === undefined || known.revision < fact.revision) latest.set(fact.requestId, fact);
  }
  let count = 0;
  for (const fact of latest.values()) {
    const at = Date.parse(fact.createdAt);
    if (at < from || at >= to) continue;
    if (query.accountId !== undefined && fact.accountId !== query.accountId) continue;
    if (query.roleName !== undefined && fact.roleName !== query.roleName) continue;
    if (query.status !== undefined && fact.status !== query.status) continue;
    if (wanted !== undefined && !wanted.includes(fact.requesterEmail.toLowerCase())) continue;
    count += 1;
  }
  return count;
}

/** Every request created in [from, to), filtered, in either order — for auditors and admins. */
export async function listAudit(
  deps: UseCaseDeps,
  actor: Actor,
  query: AuditQueryParams,
): Promise<AuditPage> {
  assertMayAudit(deps, actor);
  const { cursor, limit, ...filters } = query;
  const store = await storeFiltersOf(deps, filters);
  const page = await readPage(() =>
    deps.repository.listForAudit({
      ...store.filters,
      limit,
      ...(cursor === undefined ? {} : { cursor }),
    }),
  );
  const listed = toRequestPage(page, contextOf(deps, actor));
  // A first page that is the whole answer counts itself; a longer answer is counted apart
  // (`countAudit`), so a page costs one page however many requests the range holds.
  const whole = cursor === undefined && page.nextCursor === undefined;
  return {
    ...listed,
    ...(whole ? { total: listed.items.length } : {}),
    ...(page.searchedTo === undefined ? {} : { searchedTo: page.searchedTo }),
  };
}

/**
 * How many requests the audit's filters match, from the Insights aggregates: a read of the range's
 * daily facts, as the Insights page makes — its own call, so no list page waits for it.
 */
export async function countAudit(
  deps: UseCaseDeps,
  actor: Actor,
  query: AuditExportQuery,
): Promise<AuditCount> {
  assertMayAudit(deps, actor);
  // Before resolving a partial requester: what the aggregates cannot count costs nothing.
  if (!isAuditCountable(query)) return {};
  const store = await storeFiltersOf(deps, query);
  const total = await totalOf(deps, query, store.requester);
  return total === undefined ? {} : { total };
}
