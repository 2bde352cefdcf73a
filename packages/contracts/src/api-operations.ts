import * as z from 'zod/mini';
import { activeAccessListSchema, activeAccessQuerySchema } from './active-access';
import { auditJsonExportSchema } from './audit-export';
import { auditIntegrityQuerySchema, auditIntegrityReportSchema } from './audit-integrity';
import { federateBodySchema, federateResponseSchema } from './federation';
import { insightsQuerySchema, insightsResponseSchema } from './insights';
import {
  auditExportQuerySchema,
  auditQuerySchema,
  breakGlassReviewsQuerySchema,
  decidedReviewsQuerySchema,
  myRequestsQuerySchema,
  pendingReviewsQuerySchema,
} from './list-queries';
import { meResponseSchema } from './me';
import { openWindowsQuerySchema, openWindowsResponseSchema } from './open-windows';
import { policyViewSchema } from './policy-view';
import {
  answerInvitationBodySchema,
  approveBodySchema,
  approveExtensionBodySchema,
  cancelBodySchema,
  createRequestBodySchema,
  endEarlyBodySchema,
  extendBodySchema,
  inviteBodySchema,
  rejectBodySchema,
  rejectExtensionBodySchema,
  reviewBreakGlassBodySchema,
  revokeBodySchema,
} from './request-bodies';
import {
  auditCountSchema,
  auditPageSchema,
  requestPageSchema,
  requestViewSchema,
} from './request-view';

/**
 * One API operation: what the route table of apps/api serves (a test holds the two together), what
 * `/openapi.json` documents and what the typed client (`@elevate/client`) calls.
 */
export interface ApiOperation {
  method: 'get' | 'post';
  /** OpenAPI style: `/requests/{id}`. */
  path: string;
  summary: string;
  /** Anonymous callers may call it (no bearer token, no ID token). */
  public?: true;
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  /** The success status and its body: a JSON schema, or a media type for files. */
  status: 200 | 201;
  response: z.ZodMiniType | { mediaType: string };
}

const healthResponseSchema = z.object({ status: z.literal('ok') });

/** Every operation by its `operationId`. Paths with `{id}` take the request id. */
export const API_OPERATIONS = {
  getHealth: {
    method: 'get',
    path: '/health',
    summary: 'Liveness',
    public: true,
    status: 200,
    response: healthResponseSchema,
  },
  getMe: {
    method: 'get',
    path: '/me',
    summary: 'Who I am, my groups and what I may request',
    status: 200,
    response: meResponseSchema,
  },
  getPolicy: {
    method: 'get',
    path: '/policy',
    summary: 'My eligibility and reviewers; the whole policy for admins and auditors',
    status: 200,
    response: policyViewSchema,
  },
  createRequest: {
    method: 'post',
    path: '/requests',
    summary: 'Request access to an account × role',
    body: createRequestBodySchema,
    status: 201,
    response: requestViewSchema,
  },
  inviteEngineer: {
    method: 'post',
    path: '/invitations',
    summary: 'Open a request on behalf of an engineer, who must accept it (reviewers, admins)',
    body: inviteBodySchema,
    status: 201,
    response: requestViewSchema,
  },
  listMyInvitations: {
    method: 'get',
    path: '/invitations/mine',
    summary: 'Invitations made out to my e-mail address that wait for my answer',
    query: myRequestsQuerySchema,
    status: 200,
    response: requestPageSchema,
  },
  listMyRequests: {
    method: 'get',
    path: '/requests/mine',
    summary: 'My requests, newest first',
    query: myRequestsQuerySchema,
    status: 200,
    response: requestPageSchema,
  },
  listOpenWindows: {
    method: 'get',
    path: '/requests/open',
    summary: 'My approved requests whose window is open now, optionally for one account × role',
    query: openWindowsQuerySchema,
    status: 200,
    response: openWindowsResponseSchema,
  },
  getRequest: {
    method: 'get',
    path: '/requests/{id}',
    summary: 'One request with its history and sessions',
    status: 200,
    response: requestViewSchema,
  },
  startSession: {
    method: 'post',
    path: '/requests/{id}/sessions',
    summary: 'Console sign-in URL or CLI credentials for an open window',
    body: federateBodySchema,
    status: 201,
    response: federateResponseSchema,
  },
  acceptInvitation: {
    method: 'post',
    path: '/requests/{id}/accept',
    summary: 'Accept an invitation made out to me (my eligibility is checked now)',
    body: answerInvitationBodySchema,
    status: 200,
    response: requestViewSchema,
  },
  declineInvitation: {
    method: 'post',
    path: '/requests/{id}/decline',
    summary: 'Decline an invitation made out to me; it never opens',
    body: answerInvitationBodySchema,
    status: 200,
    response: requestViewSchema,
  },
  approveRequest: {
    method: 'post',
    path: '/requests/{id}/approve',
    summary: 'Approve (counts towards the quorum)',
    body: approveBodySchema,
    status: 200,
    response: requestViewSchema,
  },
  rejectRequest: {
    method: 'post',
    path: '/requests/{id}/reject',
    summary: 'Reject with a comment',
    body: rejectBodySchema,
    status: 200,
    response: requestViewSchema,
  },
  cancelRequest: {
    method: 'post',
    path: '/requests/{id}/cancel',
    summary: 'Cancel my pending request',
    body: cancelBodySchema,
    status: 200,
    response: requestViewSchema,
  },
  revokeRequest: {
    method: 'post',
    path: '/requests/{id}/revoke',
    summary: 'Revoke a scheduled or active window',
    body: revokeBodySchema,
    status: 200,
    response: requestViewSchema,
  },
  endRequest: {
    method: 'post',
    path: '/requests/{id}/end',
    summary: 'End my window early',
    body: endEarlyBodySchema,
    status: 200,
    response: requestViewSchema,
  },
  extendRequest: {
    method: 'post',
    path: '/requests/{id}/extend',
    summary: 'Ask for more time on my open window',
    body: extendBodySchema,
    status: 200,
    response: requestViewSchema,
  },
  approveExtension: {
    method: 'post',
    path: '/requests/{id}/extension/approve',
    summary: 'Approve the pending extension of a window',
    body: approveExtensionBodySchema,
    status: 200,
    response: requestViewSchema,
  },
  rejectExtension: {
    method: 'post',
    path: '/requests/{id}/extension/reject',
    summary: 'Reject the pending extension of a window',
    body: rejectExtensionBodySchema,
    status: 200,
    response: requestViewSchema,
  },
  listActiveAccess: {
    method: 'get',
    path: '/access/active',
    summary: 'Every scheduled or open window (reviewers and admins)',
    query: activeAccessQuerySchema,
    status: 200,
    response: activeAccessListSchema,
  },
  listSelfApproved: {
    method: 'get',
    path: '/access/self-approved',
    summary: 'Access approved by policy in the last 7 days (reviewers and admins)',
    query: activeAccessQuerySchema,
    status: 200,
    response: activeAccessListSchema,
  },
  reviewBreakGlass: {
    method: 'post',
    path: '/requests/{id}/review',
    summary: 'Record the post-access review of a break-glass request',
    body: reviewBreakGlassBodySchema,
    status: 200,
    response: requestViewSchema,
  },
  listPendingReviews: {
    method: 'get',
    path: '/reviews/pending',
    summary: 'Pending requests routed to me, oldest first',
    query: pendingReviewsQuerySchema,
    status: 200,
    response: requestPageSchema,
  },
  listBreakGlassReviews: {
    method: 'get',
    path: '/reviews/break-glass',
    summary: 'Break-glass requests awaiting a review I may record',
    query: breakGlassReviewsQuerySchema,
    status: 200,
    response: requestPageSchema,
  },
  listMyDecisions: {
    method: 'get',
    path: '/reviews/decided',
    summary: 'Requests I approved, rejected, revoked or reviewed',
    query: decidedReviewsQuerySchema,
    status: 200,
    response: requestPageSchema,
  },
  listAudit: {
    method: 'get',
    path: '/audit/requests',
    summary: 'Every request in a time range, filtered and sorted (auditors, admins)',
    query: auditQuerySchema,
    status: 200,
    response: auditPageSchema,
  },
  countAudit: {
    method: 'get',
    path: '/audit/requests/count',
    summary:
      'How many requests the same filters match, from the daily aggregates (auditors, admins)',
    query: auditExportQuerySchema,
    status: 200,
    response: auditCountSchema,
  },
  exportAuditCsv: {
    method: 'get',
    path: '/audit/requests.csv',
    summary: 'The same as CSV, every page',
    query: auditExportQuerySchema,
    status: 200,
    response: { mediaType: 'text/csv' },
  },
  exportAuditJson: {
    method: 'get',
    path: '/audit/requests.json',
    summary:
      'The same as JSON, every page: history, decisions and comments, who closed it, sessions with CloudTrail links',
    query: auditExportQuerySchema,
    status: 200,
    response: auditJsonExportSchema,
  },
  verifyAuditIntegrity: {
    method: 'get',
    path: '/audit/integrity',
    summary:
      'Checks the signed daily digests of a range of UTC days against the table, naming every altered, removed or inserted entry (auditors, admins)',
    query: auditIntegrityQuerySchema,
    status: 200,
    response: auditIntegrityReportSchema,
  },
  getInsights: {
    method: 'get',
    path: '/insights',
    summary:
      'Human access over whole UTC days, from the daily aggregates (security leads, auditors, admins)',
    query: insightsQuerySchema,
    status: 200,
    response: insightsResponseSchema,
  },
} as const satisfies Record<string, ApiOperation>;

export type ApiOperations = typeof API_OPERATIONS;
export type OperationId = keyof ApiOperations;
