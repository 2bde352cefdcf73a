import * as z from 'zod/mini';
import { historyEventViewSchema } from './request-view';
import { requestViewSchema } from './request-view';
import { sessionRecordViewSchema } from './federation';

/** A session in the audit export: the record and where its API calls are in CloudTrail. */
export const auditExportSessionSchema = z.extend(sessionRecordViewSchema, {
  /** CloudTrail event history of the session's AccessKeyId in its region (sign in to `accountId`). */
  cloudTrailUrl: z.string(),
});

/**
 * `GET /audit/requests.json`: every request of the filtered listing with its full history, every
 * decision and comment, who closed it, and every session.
 */
export const auditJsonExportSchema = z.object({
  from: z.string(),
  to: z.string(),
  exportedAt: z.string(),
  requests: z.array(
    z.extend(requestViewSchema, {
      /** The event that closed it (rejection, cancellation, expiry, revocation, early end). */
      closedBy: z.optional(historyEventViewSchema),
      sessions: z.array(auditExportSessionSchema),
    }),
  ),
});
export type AuditJsonExport = z.infer<typeof auditJsonExportSchema>;
