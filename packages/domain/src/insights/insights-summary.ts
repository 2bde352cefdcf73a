import { REQUEST_STATUSES, type RequestStatus } from '../vocabulary';
import type { Policy } from '../policy/policy-schema';
import type { InsightFact } from './insight-fact';
import { insightDayOf } from './insight-fact';

/** What to count: every filter present must match; a tag is `key=value` of the account catalog. */
export interface InsightsFilter {
  readonly accountId?: string;
  readonly tag?: { readonly key: string; readonly value: string };
  readonly roleName?: string;
  /** A requester group: the facts whose matched rules make members of this IdP group eligible. */
  readonly group?: string;
}

export interface Percentiles {
  readonly count: number;
  readonly medianSeconds?: number;
  readonly p90Seconds?: number;
}

export interface InsightCounts {
  readonly requests: number;
  readonly approvedWindows: number;
  readonly approvedHours: number;
  readonly usedHours: number;
}

export interface InsightsSummary {
  readonly totals: InsightCounts & {
    readonly neverUsedWindows: number;
    readonly breakGlass: number;
    readonly breakGlassAwaitingReview: number;
    readonly breakGlassReviewed: number;
    readonly selfApproved: number;
    readonly byStatus: Readonly<Record<RequestStatus, number>>;
  };
  readonly timeToDecision: Percentiles;
  readonly timeToFirstSession: Percentiles;
  readonly byDay: readonly (InsightCounts & { readonly day: string })[];
  readonly byAccount: readonly (InsightCounts & { readonly accountId: string })[];
  readonly byTag: readonly (InsightCounts & { readonly tag: string })[];
  readonly byRole: readonly (InsightCounts & { readonly roleName: string })[];
  readonly byGroup: readonly (InsightCounts & { readonly group: string })[];
  readonly topRequesters: readonly (InsightCounts & { readonly requesterEmail: string })[];
  readonly automationCandidates: readonly AutomationCandidate[];
}

/** An account × role people keep asking a human for; ranked by the hours of human access. */
export interface AutomationCandidate {
  readonly accountId: string;
  readonly roleName: string;
  readonly requests: number;
  readonly humanHours: number;
  readonly terms: readonly { readonly term: string; readonly count: number }[];
  readonly ticketPrefixes: readonly { readonly prefix: string; readonly count: number }[];
}

/** How many rows a ranked list keeps (top requesters, candidates, terms). */
export const TOP_N = 10;
const TOP_TERMS = 5;

const hoursOf = (seconds: number): number => Math.round((seconds / 3600) * 100) / 100;

/** Nearest-rank percentile of exact values (facts keep seconds, not buckets). */
export const percentilesOf = (values: readonly number[]): Percentiles => {
  if (values.length === 0) return { count: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number): number =>
    sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { count: sorted.length, medianSeconds: rank(50), p90Seconds: rank(90) };
};

interface Tally {
  requests: number;
  approvedWindows: number;
  approvedSeconds: number;
  usedSeconds: number;
}

const emptyTally = (): Tally => ({
  requests: 0,
  approvedWindows: 0,
  approvedSeconds: 0,
  usedSeconds: 0,
});

const add = (tally: Tally, fact: InsightFact): void => {
  tally.requests += 1;
  if (fact.approved) tally.approvedWindows += 1;
  tally.approvedSeconds += fact.approvedSeconds;
  tally.usedSeconds += fact.usedSeconds;
};

const countsOf = (tally: Tally): InsightCounts => ({
  requests: tally.requests,
  approvedWindows: tally.approvedWindows,
  approvedHours: hoursOf(tally.approvedSeconds),
  usedHours: hoursOf(tally.usedSeconds),
});

const tallyBy = <K extends string>(
  facts: readonly InsightFact[],
  keysOf: (fact: InsightFact) => readonly string[],
  name: K,
): (InsightCounts & Record<K, string>)[] => {
  const tallies = new Map<string, Tally>();
  for (const fact of facts)
    for (const key of keysOf(fact)) {
      const tally = tallies.get(key) ?? emptyTally();
      add(tally, fact);
      tallies.set(key, tally);
    }
  return [...tallies.entries()]
    .map(
      ([key, tally]) => ({ [name]: key, ...countsOf(tally) }) as InsightCounts & Record<K, string>,
    )
    .sort(
      (a, b) =>
        b.approvedHours - a.approvedHours ||
        b.requests - a.requests ||
        (a[name] < b[name] ? -1 : 1),
    );
};

const ranked = (counts: Map<string, number>, limit: number): [string, number][] =>
  [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);

const bump = (counts: Map<string, number>, key: string): void => {
  counts.set(key, (counts.get(key) ?? 0) + 1);
};

/** Groups whose members the fact's matched rules made eligible (the requester groups). */
export const groupsOfFact = (policy: Policy, fact: Pick<InsightFact, 'ruleIds'>): string[] => {
  const groups = new Set<string>();
  for (const rule of policy.rules)
    if (fact.ruleIds.includes(rule.id)) for (const group of rule.groups) groups.add(group);
  return [...groups].sort();
};

/** `key=value` tags of an account in the catalog (none for an account no longer listed). */
export const tagsOfAccount = (policy: Policy, accountId: string): string[] =>
  Object.entries(policy.accounts.find((account) => account.id === accountId)?.tags ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .sort();

export const matchesInsightsFilter = (
  policy: Policy,
  filter: InsightsFilter,
  fact: InsightFact,
): boolean =>
  (filter.accountId === undefined || fact.accountId === filter.accountId) &&
  (filter.roleName === undefined || fact.roleName === filter.roleName) &&
  (filter.tag === undefined ||
    tagsOfAccount(policy, fact.accountId).includes(`${filter.tag.key}=${filter.tag.value}`)) &&
  (filter.group === undefined || groupsOfFact(policy, fact).includes(filter.group));

const automationCandidatesOf = (facts: readonly InsightFact[]): AutomationCandidate[] => {
  const byPair = new Map<string, InsightFact[]>();
  for (const fact of facts) {
    // Human access only: self-service grants already are the automation.
    if (!fact.approved || fact.selfApproved) continue;
    const key = JSON.stringify([fact.accountId, fact.roleName]);
    byPair.set(key, [...(byPair.get(key) ?? []), fact]);
  }
  return [...byPair.values()]
    .map((group): AutomationCandidate => {
      const first = group[0];
      const terms = new Map<string, number>();
      const prefixes = new Map<string, number>();
      for (const fact of group) {
        for (const term of fact.terms) bump(terms, term);
        if (fact.ticketPrefix !== undefined) bump(prefixes, fact.ticketPrefix);
      }
      return {
        accountId: first?.accountId ?? '',
        roleName: first?.roleName ?? '',
        requests: group.length,
        humanHours: hoursOf(group.reduce((sum, fact) => sum + fact.approvedSeconds, 0)),
        terms: ranked(terms, TOP_TERMS).map(([term, count]) => ({ term, count })),
        ticketPrefixes: ranked(prefixes, TOP_TERMS).map(([prefix, count]) => ({ prefix, count })),
      };
    })
    .sort(
      (a, b) =>
        b.humanHours - a.humanHours ||
        b.requests - a.requests ||
        (a.accountId + a.roleName < b.accountId + b.roleName ? -1 : 1),
    )
    .slice(0, TOP_N);
};

/**
 * Everything the Insights page shows, from the facts of the days read. `now` decides which
 * windows are over (a window never used is one that ended without a session).
 */
export const summariseInsights = (
  policy: Policy,
  allFacts: readonly InsightFact[],
  filter: InsightsFilter,
  now: string,
): InsightsSummary => {
  const facts = allFacts.filter((fact) => matchesInsightsFilter(policy, filter, fact));
  const total = emptyTally();
  const byStatus = Object.fromEntries(REQUEST_STATUSES.map((status) => [status, 0])) as Record<
    RequestStatus,
    number
  >;
  let neverUsedWindows = 0;
  let breakGlass = 0;
  let breakGlassAwaitingReview = 0;
  let breakGlassReviewed = 0;
  let selfApproved = 0;
  for (const fact of facts) {
    add(total, fact);
    byStatus[fact.status] += 1;
    if (
      fact.approved &&
      fact.sessions === 0 &&
      fact.windowEndsAt !== undefined &&
      fact.windowEndsAt <= now
    )
      neverUsedWindows += 1;
    if (fact.breakGlass) breakGlass += 1;
    if (fact.breakGlassReview === 'PENDING') breakGlassAwaitingReview += 1;
    if (fact.breakGlassReview === 'REVIEWED') breakGlassReviewed += 1;
    if (fact.selfApproved && fact.approved) selfApproved += 1;
  }
  return {
    totals: {
      ...countsOf(total),
      neverUsedWindows,
      breakGlass,
      breakGlassAwaitingReview,
      breakGlassReviewed,
      selfApproved,
      byStatus,
    },
    timeToDecision: percentilesOf(facts.flatMap((fact) => fact.decisionSeconds ?? [])),
    timeToFirstSession: percentilesOf(facts.flatMap((fact) => fact.firstSessionSeconds ?? [])),
    byDay: tallyBy(facts, (fact) => [insightDayOf(fact)], 'day').sort((a, b) =>
      a.day < b.day ? -1 : 1,
    ),
    byAccount: tallyBy(facts, (fact) => [fact.accountId], 'accountId'),
    byTag: tallyBy(facts, (fact) => tagsOfAccount(policy, fact.accountId), 'tag'),
    byRole: tallyBy(facts, (fact) => [fact.roleName], 'roleName'),
    byGroup: tallyBy(facts, (fact) => groupsOfFact(policy, fact), 'group'),
    topRequesters: tallyBy(facts, (fact) => [fact.requesterEmail], 'requesterEmail').slice(
      0,
      TOP_N,
    ),
    automationCandidates: automationCandidatesOf(facts),
  };
};
