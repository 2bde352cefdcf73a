import type { InsightsQuery, InsightsResponse } from '@elevate/contracts';
import type { Actor, InsightsFilter } from '@elevate/domain';
import { isAdmin, isAuditor, isSecurityLead, summariseInsights } from '@elevate/domain';
import type { UseCaseDeps } from './use-case-deps';
import { UseCaseError } from './use-case-error';

/** Security leads, auditors and admins read Insights (product.md). */
function assertMayReadInsights(deps: Pick<UseCaseDeps, 'policy'>, actor: Actor): void {
  const { policy } = deps;
  if (!isSecurityLead(policy, actor) && !isAuditor(policy, actor) && !isAdmin(policy, actor))
    throw new UseCaseError(
      'NOT_INSIGHTS_READER',
      'Only members of the security leads, auditors or admins groups may read Insights.',
    );
}

const filterOf = (query: InsightsQuery): InsightsFilter => {
  const [key = '', ...value] = (query.tag ?? '').split('=');
  return {
    ...(query.account === undefined ? {} : { accountId: query.account }),
    ...(query.tag === undefined ? {} : { tag: { key, value: value.join('=') } }),
    ...(query.role === undefined ? {} : { roleName: query.role }),
    ...(query.group === undefined ? {} : { group: query.group }),
  };
};

/** The summary of whole UTC days, read from the daily aggregates: one Query per day, O(days) round trips. */
export async function getInsights(
  deps: UseCaseDeps,
  actor: Actor,
  query: InsightsQuery,
): Promise<InsightsResponse> {
  assertMayReadInsights(deps, actor);
  const { facts, itemsRead } = (await deps.insights?.factsOfDays(
    query.from,
    query.to,
    query.account,
  )) ?? { facts: [], itemsRead: 0 };
  const summary = summariseInsights(deps.policy, facts, filterOf(query), deps.clock.now());
  const nameOf = (accountId: string) =>
    deps.policy.accounts.find((account) => account.id === accountId)?.name;
  const withName = <T extends { accountId: string }>(row: T) => {
    const accountName = nameOf(row.accountId);
    return accountName === undefined ? row : { ...row, accountName };
  };
  return {
    from: query.from,
    to: query.to,
    itemsRead,
    ...summary,
    totals: { ...summary.totals, byStatus: { ...summary.totals.byStatus } },
    byDay: [...summary.byDay],
    byAccount: summary.byAccount.map(withName),
    byTag: [...summary.byTag],
    byRole: [...summary.byRole],
    byGroup: [...summary.byGroup],
    topRequesters: [...summary.topRequesters],
    automationCandidates: summary.automationCandidates.map((candidate) => ({
      ...withName(candidate),
      terms: [...candidate.terms],
      ticketPrefixes: [...candidate.ticketPrefixes],
    })),
  };
}
