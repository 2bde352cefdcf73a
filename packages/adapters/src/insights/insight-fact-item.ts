import type { InsightFact } from '@elevate/domain';
import { REQUEST_STATUSES } from '@elevate/domain';
import * as z from 'zod';

/** Daily aggregate items: `PK = INSIGHTS#<YYYY-MM-DD>`, `SK = ACCOUNT#<accountId>`. */
export const INSIGHTS_PREFIX = 'INSIGHTS#';
export const INSIGHTS_ACCOUNT_PREFIX = 'ACCOUNT#';
export const ENTITY_INSIGHTS_DAY = 'INSIGHTS_DAY';
/** On a day item, the fact of request `<id>` is attribute `f_<id>`, its revision `r_<id>`. */
export const FACT_ATTRIBUTE_PREFIX = 'f_';
export const REVISION_ATTRIBUTE_PREFIX = 'r_';

const seconds = z.number().int().nonnegative();

export const storedInsightFactSchema = z.object({
  requestId: z.string().min(1),
  createdAt: z.string().min(20),
  accountId: z.string().min(1),
  roleName: z.string().min(1),
  ruleIds: z.array(z.string()),
  requesterEmail: z.string(),
  status: z.enum(REQUEST_STATUSES),
  breakGlass: z.boolean(),
  breakGlassReview: z.enum(['PENDING', 'REVIEWED']).optional(),
  selfApproved: z.boolean(),
  approved: z.boolean(),
  approvedSeconds: seconds,
  usedSeconds: seconds,
  sessions: seconds,
  windowEndsAt: z.string().optional(),
  decisionSeconds: seconds.optional(),
  firstSessionSeconds: seconds.optional(),
  terms: z.array(z.string()),
  ticketPrefix: z.string().optional(),
  revision: z.number().int().nonnegative(),
}) satisfies z.ZodType<InsightFact>;

export const insightsKeyOf = (day: string, accountId: string) => ({
  PK: `${INSIGHTS_PREFIX}${day}`,
  SK: `${INSIGHTS_ACCOUNT_PREFIX}${accountId}`,
});

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
