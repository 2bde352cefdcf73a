import * as z from 'zod';
import {
  accessPhaseSchema,
  decisionKindSchema,
  extensionStateSchema,
  invitationStateSchema,
  historyEventTypeSchema,
  postAccessReviewStateSchema,
  requestActionSchema,
  requestStatusSchema,
} from './enums';
import { sessionRecordViewSchema } from './federation';
import { personSchema } from './person';

export { personSchema, type Person } from './person';

export const decisionViewSchema = z.object({
  approver: personSchema,
  decision: decisionKindSchema,
  comment: z.string().optional(),
  at: z.string(),
});

export const historyEventViewSchema = z.object({
  type: historyEventTypeSchema,
  actor: personSchema,
  at: z.string(),
  statusAfter: requestStatusSchema,
  comment: z.string().optional(),
});
export type HistoryEventView = z.infer<typeof historyEventViewSchema>;

/** More time asked for on an open window; a granted one is already part of `window`. */
export const extensionViewSchema = z.object({
  minutes: z.number().int(),
  reason: z.string(),
  requestedAt: z.string(),
  state: extensionStateSchema,
  grantedByPolicy: z.boolean(),
  approverGroups: z.array(z.string()),
  approvalsRequired: z.number().int(),
  decisions: z.array(decisionViewSchema),
  decidedAt: z.string().optional(),
});
export type ExtensionView = z.infer<typeof extensionViewSchema>;

/**
 * Someone else opened the request for the requester. Until the engineer accepts, `requester`
 * names them by the invited address (its `sub` is a placeholder).
 */
export const invitationViewSchema = z.object({
  inviter: personSchema,
  inviteeEmail: z.string(),
  state: invitationStateSchema,
  invitedAt: z.string(),
  answeredAt: z.string().optional(),
});
export type InvitationView = z.infer<typeof invitationViewSchema>;

export const accessWindowSchema = z.object({ startsAt: z.string(), endsAt: z.string() });
export type AccessWindowView = z.infer<typeof accessWindowSchema>;

/** A request in a list: everything but the history. Times are ISO-8601 UTC. */
export const requestSummarySchema = z.object({
  id: z.string(),
  requester: personSchema,
  accountId: z.string(),
  accountName: z.string().optional(),
  roleName: z.string(),
  justification: z.string(),
  ticket: z.string().optional(),
  requestedDurationMinutes: z.number().int(),
  scheduledStart: z.string().optional(),
  status: requestStatusSchema,
  breakGlass: z.boolean(),
  postAccessReview: z
    .object({
      state: postAccessReviewStateSchema,
      reviewer: personSchema.optional(),
      reviewedAt: z.string().optional(),
      comment: z.string().optional(),
    })
    .optional(),
  approverGroups: z.array(z.string()),
  approvalsRequired: z.number().int(),
  approvalsCount: z.number().int(),
  decisions: z.array(decisionViewSchema),
  /** Approved at creation by a self-service rule; no human decided it. */
  approvedByPolicy: z.boolean().optional(),
  extensions: z.array(extensionViewSchema).optional(),
  invitation: invitationViewSchema.optional(),
  approvedAt: z.string().optional(),
  closedAt: z.string().optional(),
  pendingExpiresAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  /** Computed by the server from its clock when it answered; null until approved. */
  phase: accessPhaseSchema.nullable(),
  window: accessWindowSchema.nullable(),
  /** What the caller may do now. */
  allowedActions: z.array(requestActionSchema),
});
export type RequestSummary = z.infer<typeof requestSummarySchema>;

/**
 * `GET /requests/{id}` and the answer of every transition. `sessions` (the sessions issued for the
 * request, oldest first) is sent by `GET /requests/{id}`; transition answers leave it out.
 */
export const requestViewSchema = requestSummarySchema.extend({
  history: z.array(historyEventViewSchema),
  sessions: z.array(sessionRecordViewSchema).optional(),
});
export type RequestView = z.infer<typeof requestViewSchema>;

/** A page of any request listing. */
export const requestPageSchema = z.object({
  items: z.array(requestSummarySchema),
  nextCursor: z.string().optional(),
});
export type RequestPage = z.infer<typeof requestPageSchema>;

/**
 * A page of the audit listing. `total`: on a first page that is the whole answer, how many rows it
 * holds (the count of a longer answer is `GET /audit/requests/count`, so a page costs one page
 * whatever the range holds); absent means unknown. `searchedTo`: a bounded search (ticket prefix, free text) ran
 * out of reads for this page — every request from the range's start edge in this page's order to
 * this instant has been searched, and `nextCursor` searches on.
 */
export const auditPageSchema = requestPageSchema.extend({
  total: z.number().int().nonnegative().optional(),
  searchedTo: z.string().optional(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/**
 * How many requests match the audit's filters, counted from the Insights daily aggregates (kept
 * from the change stream within seconds) — only for what they carry: account, role, status and
 * requester. Absent with a ticket, ticket prefix or free text, or a requester no one is known by.
 */
export const auditCountSchema = z.object({
  total: z.number().int().nonnegative().optional(),
});
export type AuditCount = z.infer<typeof auditCountSchema>;

/** Whether the aggregates can count what these filters match: not a ticket, a prefix or free text. */
export const isAuditCountable = (filters: {
  readonly ticket?: string | undefined;
  readonly ticketPrefix?: string | undefined;
  readonly q?: string | undefined;
}): boolean =>
  filters.ticket === undefined && filters.ticketPrefix === undefined && filters.q === undefined;
