import type { AccessRequest, HistoryEvent, RequestStatus } from '../access-request';
import type { Result } from '../result';

/** One page of a listing; pass `nextCursor` back to get the next page, absent on the last page. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

export interface PageQuery {
  /** Opaque, from a previous page; the store validates it and refuses a forged one (INVALID_CURSOR). */
  readonly cursor?: string;
  /** 1–100. */
  readonly limit: number;
}

/**
 * A transition to persist: write `request` only if the stored item still has `expected` status and
 * version, and append `event` to its history — one conditional UpdateItem, so a request and its
 * history never disagree. `request.version` is `expected.version + 1`.
 */
export interface TransitionWrite {
  readonly request: AccessRequest;
  readonly event: HistoryEvent;
  readonly expected: { readonly status: RequestStatus; readonly version: number };
}

export const REPOSITORY_ERROR_CODES = ['VERSION_CONFLICT', 'NOT_FOUND', 'ALREADY_EXISTS', 'INVALID_CURSOR'] as const;
export type RepositoryErrorCode = (typeof REPOSITORY_ERROR_CODES)[number];

/** A lost race (`VERSION_CONFLICT`, 409) or a missing item; infrastructure failures throw instead. */
export interface RepositoryError {
  readonly code: RepositoryErrorCode;
  readonly message: string;
}

/** Filters of the audit listing; `from` ≤ createdAt < `to`, newest first. */
export interface AuditQuery extends PageQuery {
  readonly from: string;
  readonly to: string;
  readonly requesterSub?: string;
  /** Auditors know people by email; the store matches `requester.email` exactly. */
  readonly requesterEmail?: string;
  readonly accountId?: string;
  readonly roleName?: string;
  readonly status?: RequestStatus;
}

/**
 * Where access requests live. Every listing is a Query with cursor pagination — no Scan on a
 * request path. Implementations: DynamoDB (single table) and in-memory, both run one contract suite.
 */
export interface AccessRequestRepository {
  /** One request with its history; undefined if absent. */
  get(id: string): Promise<AccessRequest | undefined>;
  /** Stores a new request (version 1) unless the id exists (`ALREADY_EXISTS`). */
  create(request: AccessRequest): Promise<Result<AccessRequest, RepositoryError>>;
  /** Applies one transition conditionally; `VERSION_CONFLICT` when status or version moved on. */
  applyTransition(write: TransitionWrite): Promise<Result<AccessRequest, RepositoryError>>;
  /** A requester's requests, newest first, optionally of one status. */
  listByRequester(query: PageQuery & { readonly requesterSub: string; readonly status?: RequestStatus }): Promise<Page<AccessRequest>>;
  /**
   * PENDING requests routed to any of `routingKeys` (from `routingKeysFor`), oldest first so the
   * queue is worked in order. The caller drops the actor's own requests and ones they decided.
   */
  listPendingForReview(query: PageQuery & { readonly routingKeys: readonly string[] }): Promise<Page<AccessRequest>>;
  /** Break-glass requests whose post-access review is PENDING, oldest first. */
  listBreakGlassAwaitingReview(query: PageQuery): Promise<Page<AccessRequest>>;
  /** Every request created in a time range, filtered, newest first (auditors, CSV export). */
  listForAudit(query: AuditQuery): Promise<Page<AccessRequest>>;
  /** PENDING requests whose `pendingExpiresAt` ≤ `at` (the sweeper expires them). */
  listPendingExpiredAt(query: PageQuery & { readonly at: string }): Promise<Page<AccessRequest>>;
}
