import type { InsightFact } from '@elevate/domain';
import { REQUEST_STATUSES } from '@elevate/domain';
import * as z from 'zod/mini';

/**
 * Daily aggregate items: `PK = INSIGHTS#<YYYY-MM-DD>`, `SK = ACCOUNT#<accountId>#<shard>`. Items
 * written before sharding have `SK = ACCOUNT#<accountId>`; they are still read (see `latestFactsOf`).
 */
const INSIGHTS_PREFIX = 'INSIGHTS#';
const INSIGHTS_ACCOUNT_PREFIX = 'ACCOUNT#';
export const ENTITY_INSIGHTS_DAY = 'INSIGHTS_DAY';
/** On a day item, the fact of request `<id>` is attribute `f_<id>`, its revision `r_<id>`. */
export const FACT_ATTRIBUTE_PREFIX = 'f_';
export const REVISION_ATTRIBUTE_PREFIX = 'r_';

const seconds = z.number().check(z.int(), z.nonnegative());

const storedInsightFactSchema = z.object({
  requestId: z.string().check(z.minLength(1)),
  createdAt: z.string().check(z.minLength(20)),
  accountId: z.string().check(z.minLength(1)),
  roleName: z.string().check(z.minLength(1)),
  ruleIds: z.array(z.string()),
  requesterEmail: z.string(),
  status: z.enum(REQUEST_STATUSES),
  breakGlass: z.boolean(),
  breakGlassReview: z.optional(z.enum(['PENDING', 'REVIEWED'])),
  selfApproved: z.boolean(),
  approved: z.boolean(),
  approvedSeconds: seconds,
  usedSeconds: seconds,
  sessions: seconds,
  windowEndsAt: z.optional(z.string()),
  decisionSeconds: z.optional(seconds),
  firstSessionSeconds: z.optional(seconds),
  terms: z.array(z.string()),
  ticketPrefix: z.optional(z.string()),
  revision: z.number().check(z.int(), z.nonnegative()),
}) satisfies z.ZodMiniType<InsightFact>;

/**
 * Items per UTC day × account, each holding the facts of the requests whose id hashes to it. A
 * fact is about 450–550 bytes of JSON (a ULID id, 7 terms, a ticket prefix; ~420–500 bytes on the
 * item with its `f_`/`r_` names), so one item reaches DynamoDB's 400 KB limit at ~800 requests;
 * 32 shards hold ≈ 32 × 400 KB / 500 B ≈ 26,000 requests a day in one account (≈ 24,000 allowing
 * for the fullest shard filling first). An UpdateItem rewrites, and in AWS pays for (WCU = item
 * size), one shard's item: about 1/32 of the day's facts, not all of them.
 */
export const INSIGHTS_SHARDS = 32;

// FNV-1a (32-bit): adapters does not depend on @noble/hashes, and spreading ids needs no crypto.
const fnv1a = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
};

/** The shard of a request's fact, `00`–`1f`: always the same for the same request. */
export const insightsShardOf = (requestId: string): string =>
  (fnv1a(requestId) % INSIGHTS_SHARDS).toString(16).padStart(2, '0');

export const insightsDayKeyOf = (day: string): string => `${INSIGHTS_PREFIX}${day}`;

/** `ACCOUNT#<accountId>`: what every shard's SK of the account begins with, and the unsharded SK. */
export const insightsAccountPrefixOf = (accountId: string): string =>
  `${INSIGHTS_ACCOUNT_PREFIX}${accountId}`;

/** The key of the item holding the fact of `requestId` (created on `day` in `accountId`). */
export const insightsKeyOf = (day: string, accountId: string, requestId: string) => ({
  PK: insightsDayKeyOf(day),
  SK: `${insightsAccountPrefixOf(accountId)}#${insightsShardOf(requestId)}`,
});

/**
 * Each request's fact once, the one of the highest revision: an item written before sharding may
 * still hold an older fact of a request whose newer fact is in its shard (or the other way round).
 */
export const latestFactsOf = (facts: readonly InsightFact[]): InsightFact[] => {
  const latest = new Map<string, InsightFact>();
  for (const fact of facts) {
    const seen = latest.get(fact.requestId);
    if (seen === undefined || fact.revision > seen.revision) latest.set(fact.requestId, fact);
  }
  return [...latest.values()];
};

/** The facts on one day item; a malformed fact throws naming its paths, never values. */
export const factsOfDayItem = (item: Record<string, unknown>): InsightFact[] =>
  Object.entries(item)
    .filter(([name]) => name.startsWith(FACT_ATTRIBUTE_PREFIX))
    .map(([name, value]) => {
      const parsed = storedInsightFactSchema.safeParse(value);
      if (!parsed.success)
        throw new Error(
          `Stored insight ${String(item['PK'])} ${name} is malformed at: ${parsed.error.issues
            .map((issue) => issue.path.join('.') || '(root)')
            .join(', ')}`,
        );
      return parsed.data;
    });

/** Every UTC day from `fromDay` to `toDay`, inclusive (`YYYY-MM-DD`). */
export const daysBetween = (fromDay: string, toDay: string): string[] => {
  const days: string[] = [];
  for (
    let at = Date.parse(`${fromDay}T00:00:00.000Z`);
    at <= Date.parse(`${toDay}T00:00:00.000Z`);
    at += 86_400_000
  )
    days.push(new Date(at).toISOString().slice(0, 10));
  return days;
};
