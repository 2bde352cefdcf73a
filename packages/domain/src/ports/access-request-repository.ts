import type { AccessRequest, HistoryEvent, ListedRequest } from '../access-request';
import type { Result } from '../result';
import type { HistoryEventType, RepositoryErrorCode, RequestStatus } from '../vocabulary';

/** One page of a listing; pass `nextCursor` back to get the next page, absent on the last page. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
  /**
   * A bounded search (audit free text or ticket prefix) ran out of reads before the range did: it
   * has looked at every request created from here to the range's newest end (newest first) or from
   * the range's oldest start up to here (oldest first). `nextCursor` searches on.
   */
  readonly searchedTo?: string;
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
  /**
   * Names this write for good: the store keeps every writer token applied to an item, so a caller
   * whose answer was lost (a timeout, a retried conditional write) can ask whether it happened.
   */
  readonly writerToken?: string;
}

/** A lost race (`VERSION_CONFLICT`, 409) or a missing item; infrastructure failures throw instead. */
export interface RepositoryError {
  readonly code: RepositoryErrorCode;
  readonly message: string;
}

/** "My requests": one requester's, optionally of one status and matching a text search. */
export interface RequesterQuery extends PageQuery {
  readonly requesterSub: string;
  readonly status?: RequestStatus;
  readonly text?: string;
}

/** At most this many requesters one audit page reads by key (a partial name resolves to them). */
export const MAX_AUDIT_REQUESTERS = 10;

/** Filters of the audit listing; `from` ≤ createdAt < `to`, newest first unless `order` says. */
export interface AuditQuery extends PageQuery {
  readonly from: string;
  readonly to: string;
  /** Newest first (the default) or oldest first; a cursor of one order is refused by the other. */
  readonly order?: QueueOrder;
  readonly requesterSub?: string;
  /**
   * Any of these requesters (1–`MAX_AUDIT_REQUESTERS`; e.g. everyone a partial name matched): one
   * key read per requester, merged by creation.
   */
  readonly requesterSubs?: readonly string[];
  /** Auditors know people by email; the store matches `requester.email` ignoring case. */
  readonly requesterEmail?: string;
  readonly accountId?: string;
  readonly roleName?: string;
  readonly status?: RequestStatus;
  /** A ticket reference; the store matches it ignoring case. */
  readonly ticket?: string;
  /**
   * Tickets starting with this, ignoring case (`INC-12` finds INC-12 and INC-123). No key holds a
   * prefix, so this is a bounded search: see `Page.searchedTo`.
   */
  readonly ticketPrefix?: string;
  /**
   * Text in the account id, role, justification or ticket, ignoring case. A bounded search (see
   * `Page.searchedTo`), or a filter on one requester's own requests.
   */
  readonly text?: string;
}

/**
 * The read model behind "my past decisions" (`listDecidedBy`): one entry per decider and request.
 * A request has any number of deciders and an index key holds one value, so the entries cannot be
 * written by the transition's single conditional write; they are kept up to date from the change
 * stream instead. `record` is idempotent (replaying a change changes nothing) and order-free
 * (deciders are only ever added), so a full rebuild from the requests gives the same entries.
 */
export interface DecisionReadModel {
  /** Makes sure every decider of `request` has its entry. */
  record(request: AccessRequest): Promise<void>;
}

/** The order of the review queue: oldest first (work it in order) or newest first. */
export type QueueOrder = 'oldestFirst' | 'newestFirst';

/**
 * The history events that make their actor a decider of a request: approving (also a partial
 * approval towards a quorum), rejecting, revoking, and recording a break-glass review. Creating,
 * cancelling and ending early are the requester's own acts; expiry is the system's.
 */
export const DECIDING_EVENT_TYPES: readonly HistoryEventType[] = [
  'APPROVAL',
  'REJECTION',
  'REVOCATION',
  'BREAK_GLASS_REVIEW',
];

/** The distinct subs of everyone who decided `request`, sorted — what `listDecidedBy` matches on. */
export const decidersOf = (request: Pick<AccessRequest, 'history'>): string[] =>
  [
    ...new Set(
      request.history
        .filter((event) => DECIDING_EVENT_TYPES.includes(event.type))
        .map((event) => event.actor.sub),
    ),
  ].sort();

/**
 * A person's past decisions: requests created in [`from`, `to`) that `sub` decided (see
 * `decidersOf`), newest first by creation. The range is required so that every read is bounded.
 */
export interface DecidedByQuery extends PageQuery {
  readonly sub: string;
  readonly from: string;
  readonly to: string;
}

/**
 * Where access requests live. Every listing is a Query with cursor pagination — no Scan on a
 * request path — and reads requests without their history unless it says otherwise.
 * Implementations: DynamoDB (single table) and in-memory, both run one contract suite.
 */
export interface AccessRequestRepository {
  /** One request with its history; undefined if absent. */
  get(id: string): Promise<AccessRequest | undefined>;
  /**
   * Stores a new request (version 1) unless the id exists (`ALREADY_EXISTS`). With a writer token,
   * finding the item already written under that same token is success (a retry of a lost answer).
   */
  create(
    request: AccessRequest,
    writerToken?: string,
  ): Promise<Result<AccessRequest, RepositoryError>>;
  /** The request if a write under `writerToken` was applied to it; otherwise undefined. */
  writtenBy(id: string, writerToken: string): Promise<AccessRequest | undefined>;
  /**
   * Applies one transition conditionally; `VERSION_CONFLICT` when status or version moved on —
   * unless the write's own token is already on the item (its first attempt was applied).
   */
  applyTransition(write: TransitionWrite): Promise<Result<AccessRequest, RepositoryError>>;
  /**
   * A requester's requests, newest first, optionally of one status and containing `text` (ignoring
   * case) in the account id, role, justification or ticket.
   */
  listByRequester(query: RequesterQuery): Promise<Page<ListedRequest>>;
  /**
   * PENDING requests routed to any of `routingKeys` (from `routingKeysFor`), oldest first so the
   * queue is worked in order (or newest first with `order`). The caller drops the actor's own requests and ones they decided.
   */
  listPendingForReview(
    query: PageQuery & { readonly routingKeys: readonly string[]; readonly order?: QueueOrder },
  ): Promise<Page<ListedRequest>>;
  /** Break-glass requests whose post-access review is PENDING, oldest first. */
  listBreakGlassAwaitingReview(query: PageQuery): Promise<Page<ListedRequest>>;
  /** Every request created in a time range, filtered, newest first (auditors). */
  listForAudit(query: AuditQuery): Promise<Page<ListedRequest>>;
  /** The same listing with each request's history (the exports, the daily digest). */
  listForAuditWithHistory(query: AuditQuery): Promise<Page<AccessRequest>>;
  /** Requests `sub` approved, rejected, revoked or reviewed, created in [from, to), newest first. */
  listDecidedBy(query: DecidedByQuery): Promise<Page<ListedRequest>>;
  /** PENDING requests whose `pendingExpiresAt` ≤ `at`, with their history (the sweeper expires them). */
  listPendingExpiredAt(query: PageQuery & { readonly at: string }): Promise<Page<AccessRequest>>;
}
