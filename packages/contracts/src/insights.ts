import * as z from 'zod/mini';
import { requestStatusSchema } from './enums';
import { accountIdSchema, roleNameSchema } from './text';

/** Insights ranges are whole UTC days; at most a year is summarised at once. */
export const MAX_INSIGHTS_RANGE_DAYS = 366;

const daySchema = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD'),
  z.refine((day) => new Date(`${day}T00:00:00.000Z`).toISOString().startsWith(day), 'not a date'),
);

/**
 * `GET /insights`: requests created on the UTC days `from`..`to` (both included). `tag` is
 * `key=value` of the account catalog; `group` a requester group (an IdP group a rule makes eligible).
 */
export const insightsQuerySchema = z
  .strictObject({
    from: daySchema,
    to: daySchema,
    account: z.optional(accountIdSchema),
    tag: z.optional(z.string().check(z.regex(/^[^=]{1,128}=.{0,256}$/u, 'must be key=value'))),
    role: z.optional(roleNameSchema),
    group: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(256))),
  })
  .check(
    z.superRefine((query, ctx) => {
      const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 + 1;
      if (days < 1)
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
      else if (days > MAX_INSIGHTS_RANGE_DAYS)
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: `range must be at most ${MAX_INSIGHTS_RANGE_DAYS} days`,
        });
    }),
  );
export type InsightsQuery = z.infer<typeof insightsQuerySchema>;

const counts = {
  requests: z.number().check(z.int()),
  approvedWindows: z.number().check(z.int()),
  approvedHours: z.number(),
  usedHours: z.number(),
};
const percentiles = z.object({
  count: z.number().check(z.int()),
  medianSeconds: z.optional(z.number()),
  p90Seconds: z.optional(z.number()),
});
const ranked = (term: string) =>
  z.array(z.object({ [term]: z.string(), count: z.number().check(z.int()) }));

export const insightsResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Daily aggregate items read to answer: O(days) queries, each returning the day's shards (≤ 32 per account). */
  itemsRead: z.number().check(z.int()),
  totals: z.object({
    ...counts,
    neverUsedWindows: z.number().check(z.int()),
    breakGlass: z.number().check(z.int()),
    breakGlassAwaitingReview: z.number().check(z.int()),
    breakGlassReviewed: z.number().check(z.int()),
    selfApproved: z.number().check(z.int()),
    /** A status the service does not count (an older API, say) is absent: read it as 0. */
    byStatus: z.partialRecord(requestStatusSchema, z.number().check(z.int())),
  }),
  timeToDecision: percentiles,
  timeToFirstSession: percentiles,
  byDay: z.array(z.object({ day: z.string(), ...counts })),
  byAccount: z.array(
    z.object({ accountId: z.string(), accountName: z.optional(z.string()), ...counts }),
  ),
  byTag: z.array(z.object({ tag: z.string(), ...counts })),
  byRole: z.array(z.object({ roleName: z.string(), ...counts })),
  byGroup: z.array(z.object({ group: z.string(), ...counts })),
  topRequesters: z.array(z.object({ requesterEmail: z.string(), ...counts })),
  automationCandidates: z.array(
    z.object({
      accountId: z.string(),
      accountName: z.optional(z.string()),
      roleName: z.string(),
      requests: z.number().check(z.int()),
      humanHours: z.number(),
      terms: ranked('term'),
      ticketPrefixes: ranked('prefix'),
    }),
  ),
});
export type InsightsResponse = z.infer<typeof insightsResponseSchema>;
