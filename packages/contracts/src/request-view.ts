import * as z from 'zod/mini';
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
  comment: z.optional(z.string()),
  at: z.string(),
});

export const historyEventViewSchema = z.object({
  type: historyEventTypeSchema,
  actor: personSchema,
  at: z.string(),
  statusAfter: requestStatusSchema,
  comment: z.optional(z.string()),
});
export type HistoryEventView = z.infer<typeof historyEventViewSchema>;

/** More time asked for on an open window; a granted one is already part of `window`. */
export const extensionViewSchema = z.object({
  minutes: z.number().check(z.int()),
  reason: z.string(),
  requestedAt: z.string(),
  state: extensionStateSchema,
  grantedByPolicy: z.boolean(),
  approverGroups: z.array(z.string()),
  approvalsRequired: z.number().check(z.int()),
  decisions: z.array(decisionViewSchema),
  decidedAt: z.optional(z.string()),
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
  answeredAt: z.optional(z.string()),
});
export type InvitationView = z.infer<typeof invitationViewSchema>;

export const accessWindowSchema = z.object({ startsAt: z.string(), endsAt: z.string() });
export type AccessWindowView = z.infer<typeof accessWindowSchema>;

/** A request in a list: everything but the history. Times are ISO-8601 UTC. */
export const requestSummarySchema = z.object({
  id: z.string(),
  requester: personSchema,
  accountId: z.string(),
  accountName: z.optional(z.string()),
  roleName: z.string(),
  justification: z.string(),
  ticket: z.optional(z.string()),
  requestedDurationMinutes: z.number().check(z.int()),
  scheduledStart: z.optional(z.string()),
  status: requestStatusSchema,
  breakGlass: z.boolean(),
  postAccessReview: z.optional(
    z.object({
      state: postAccessReviewStateSchema,
      reviewer: z.optional(personSchema),
      reviewedAt: z.optional(z.string()),
      comment: z.optional(z.string()),
    }),
  ),
  approverGroups: z.array(z.string()),
  approvalsRequired: z.number().check(z.int()),
  approvalsCount: z.number().check(z.int()),
  decisions: z.array(decisionViewSchema),
  /** Approved at creation by a self-service rule; no human decided it. */
  approvedByPolicy: z.optional(z.boolean()),
  extensions: z.optional(z.array(extensionViewSchema)),
  invitation: z.optional(invitationViewSchema),
  approvedAt: z.optional(z.string()),
  closedAt: z.optional(z.string()),
  pendingExpiresAt: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().check(z.int()),
  /** Computed by the server from its clock when it answered; null until approved. */
  phase: z.nullable(accessPhaseSchema),
  window: z.nullable(accessWindowSchema),
  /** What the caller may do now. */
  allowedActions: z.array(requestActionSchema),
});
export type RequestSummary = z.infer<typeof requestSummarySchema>;

/**
 * `GET /requests/{id}` and the answer of every transition. `sessions` (the sessions issued for the
 * request, oldest first) is sent by `GET /requests/{id}`; transition answers leave it out.
 */
export const requestViewSchema = z.extend(requestSummarySchema, {
  history: z.array(historyEventViewSchema),
  sessions: z.optional(z.array(sessionRecordViewSchema)),
});
export type RequestView = z.infer<typeof requestViewSchema>;

/** A page of any request listing. */
export const requestPageSchema = z.object({
  items: z.array(requestSummarySchema),
  nextCursor: z.optional(z.string()),
});
export type RequestPage = z.infer<typeof requestPageSchema>;

/**
 * A page of the audit listing. `total`: on a first page that is the whole answer, how many rows it
 * holds (the count of a longer answer is `GET /audit/requests/count`, so a page costs one page
 * whatever the range holds); absent means unknown. `searchedTo`: a bounded search (ticket prefix, free text) ran
 * out of reads for this page — every request from the range's start edge in this page's order to
 * this instant has been searched, and `nextCursor` searches on.
 */
export const auditPageSchema = z.extend(requestPageSchema, {
  total: z.optional(z.number().check(z.int(), z.nonnegative())),
  searchedTo: z.optional(z.string()),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/**
 * How many requests match the audit's filters, counted from the Insights daily aggregates (kept
 * from the change stream within seconds) — only for what they carry: account, role, status and
 * requester. Absent with a ticket, ticket prefix or free text, or a requester no one is known by.
 */
export const auditCountSchema = z.object({
  total: z.optional(z.number().check(z.int(), z.nonnegative())),
});
export type AuditCount = z.infer<typeof auditCountSchema>;

/** Whether the aggregates can count what these filters match: not a ticket, a prefix or free text. */
export const isAuditCountable = (filters: {
  readonly ticket?: string | undefined;
  readonly ticketPrefix?: string | undefined;
  readonly q?: string | undefined;
}): boolean =>
  filters.ticket === undefined && filters.ticketPrefix === undefined && filters.q === undefined;
