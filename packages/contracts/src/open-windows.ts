import * as z from 'zod/mini';
import { requestSummarySchema } from './request-view';
import { accountIdSchema, roleNameSchema } from './text';

/**
 * `GET /requests/open`: the caller's approved requests whose window is open now, optionally for one
 * account × role — what the CLI asks before it fetches credentials. Unknown parameters are refused.
 */
export const openWindowsQuerySchema = z.strictObject({
  accountId: z.optional(accountIdSchema),
  roleName: z.optional(roleNameSchema),
});
export type OpenWindowsQuery = z.infer<typeof openWindowsQuerySchema>;

/** Open windows, the one ending last first. Empty when there is none: not an error. */
export const openWindowsResponseSchema = z.object({ items: z.array(requestSummarySchema) });
export type OpenWindowsResponse = z.infer<typeof openWindowsResponseSchema>;
