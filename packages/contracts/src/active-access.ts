import * as z from 'zod/mini';
import { requestSummarySchema } from './request-view';

/** `GET /access/active` and `GET /access/self-approved`: no parameters. */
export const activeAccessQuerySchema = z.strictObject({});
export type ActiveAccessQuery = z.infer<typeof activeAccessQuerySchema>;

/** One open (or scheduled) window, with how many sessions were issued for it so far. */
export const activeAccessItemSchema = z.extend(requestSummarySchema, {
  sessionsIssued: z.number().check(z.int(), z.nonnegative()),
});
export type ActiveAccessItem = z.infer<typeof activeAccessItemSchema>;

/** Every open window, soonest end first; the list is bounded by what can be open at once. */
export const activeAccessListSchema = z.object({ items: z.array(activeAccessItemSchema) });
export type ActiveAccessList = z.infer<typeof activeAccessListSchema>;

/** How far back "recently self-approved" reaches. */
export const SELF_APPROVED_RECENT_DAYS = 7;
