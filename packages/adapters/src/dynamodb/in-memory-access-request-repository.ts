import type {
  AccessRequest,
  AccessRequestRepository,
  AuditQuery,
  DecidedByQuery,
  ListedRequest,
  Page,
  PageQuery,
  QueueOrder,
  RepositoryError,
  RequesterQuery,
  Result,
  TransitionWrite,
} from '@elevate/domain';
import { auditRequesterSubsOf } from './audit-access-path';
import { decidersOf, err, ok } from '@elevate/domain';
import type { Listing, Position } from './page-cursor';
import { decodeCursor, encodeCursor, positionKey, positionOf, queueKey } from './page-cursor';
import { alreadyExists, checkLimit, notFound, versionConflict } from './repository-error';
import { canonicalInstant, creationKeyOf, searchTextOf, storedRequestSchema } from './request-item';
import { checkTransitionWrite } from './transition-update';

/** The key a listing sorts by, comparable with a decoded cursor position. */
const sortKeyOf = (request: AccessRequest, listing: Listing): string =>
  listing === 'expired' ? queueKey(positionOf(request, listing)) : creationKeyOf(request);

const cursorKeyOf = (position: Position, listing: Listing): string =>
  listing === 'expired' ? queueKey(position) : positionKey(position);

/**
 * The same port in process memory, for fast API tests. It behaves like the DynamoDB store —
 * orders, cursors, conditional writes, copies in and out — and runs the same contract suite.
 */
export class InMemoryAccessRequestRepository implements AccessRequestRepository {
  readonly #requests = new Map<string, AccessRequest>();
  /** Writer tokens applied to each request, as the DynamoDB item's `writers` set. */
  readonly #writers = new Map<string, Set<string>>();

  async get(id: string): Promise<AccessRequest | undefined> {
    const stored = this.#requests.get(id);
    return stored === undefined ? undefined : structuredClone(stored);
  }

  async writtenBy(id: string, writerToken: string): Promise<AccessRequest | undefined> {
    return this.#writers.get(id)?.has(writerToken) === true ? this.get(id) : undefined;
  }

  async create(
    request: AccessRequest,
    writerToken?: string,
  ): Promise<Result<AccessRequest, RepositoryError>> {
    if (this.#requests.has(request.id)) {
      const mine =
        writerToken === undefined ? undefined : await this.writtenBy(request.id, writerToken);
      return mine === undefined ? err(alreadyExists(request.id)) : ok(mine);
    }
    // The same validation the DynamoDB store applies on the way in (and the same copy semantics).
    const stored = storedRequestSchema.parse(request);
    creationKeyOf(stored);
    this.#requests.set(stored.id, stored);
    this.#remember(stored.id, writerToken);
    return ok(structuredClone(stored));
  }

  async applyTransition(write: TransitionWrite): Promise<Result<AccessRequest, RepositoryError>> {
    checkTransitionWrite(write);
    const stored = this.#requests.get(write.request.id);
    if (stored === undefined) return err(notFound(write.request.id));
    if (stored.status !== write.expected.status || stored.version !== write.expected.version) {
      const mine =
        write.writerToken === undefined
          ? undefined
          : await this.writtenBy(write.request.id, write.writerToken);
      return mine === undefined ? err(versionConflict(write.request.id)) : ok(mine);
    }
    // Like the UpdateItem: the stored history plus the one event, never the caller's copy of it.
    const next: AccessRequest = structuredClone({
      ...write.request,
      id: stored.id,
      createdAt: stored.createdAt,
      history: [...stored.history, write.event],
    });
    this.#requests.set(stored.id, next);
    this.#remember(stored.id, write.writerToken);
    return ok(structuredClone(next));
  }

  #remember(id: string, writerToken: string | undefined): void {
    if (writerToken === undefined) return;
    const writers = this.#writers.get(id) ?? new Set<string>();
    writers.add(writerToken);
    this.#writers.set(id, writers);
  }

  async listByRequester(query: RequesterQuery): Promise<Page<ListedRequest>> {
    const text = query.text?.toLowerCase();
    return this.#listed(
      'requester',
      query,
      'newestFirst',
      (request) =>
        request.requester.sub === query.requesterSub &&
        (query.status === undefined || request.status === query.status) &&
        (text === undefined || searchTextOf(request).includes(text)),
    );
  }

  async listPendingForReview(
    query: PageQuery & { readonly routingKeys: readonly string[]; readonly order?: QueueOrder },
  ): Promise<Page<ListedRequest>> {
    const order = query.order ?? 'oldestFirst';
    return this.#listed(
      order === 'oldestFirst' ? 'review' : 'reviewNewest',
      query,
      order,
      (request) =>
        request.status === 'PENDING' && query.routingKeys.includes(request.routing.routingKey),
    );
  }

  async listBreakGlassAwaitingReview(query: PageQuery): Promise<Page<ListedRequest>> {
    return this.#listed(
      'breakGlass',
      query,
      'oldestFirst',
      (request) => request.postAccessReview?.state === 'PENDING',
    );
  }

  async listForAudit(query: AuditQuery): Promise<Page<ListedRequest>> {
    return withoutHistory(await this.listForAuditWithHistory(query));
  }

  async listForAuditWithHistory(query: AuditQuery): Promise<Page<AccessRequest>> {
    const from = canonicalInstant(query.from);
    const to = canonicalInstant(query.to);
    const order = query.order ?? 'newestFirst';
    const subs = auditRequesterSubsOf(query);
    const ticketPrefix = query.ticketPrefix?.toLowerCase();
    const text = query.text?.toLowerCase();
    return this.#page(
      order === 'newestFirst' ? 'audit' : 'auditOldest',
      query,
      order,
      (request) => {
        const createdAt = canonicalInstant(request.createdAt);
        return (
          from <= createdAt &&
          createdAt < to &&
          (subs === undefined || subs.includes(request.requester.sub)) &&
          (query.requesterEmail === undefined ||
            request.requester.email.toLowerCase() === query.requesterEmail.toLowerCase()) &&
          (query.accountId === undefined || request.accountId === query.accountId) &&
          (query.roleName === undefined || request.roleName === query.roleName) &&
          (query.status === undefined || request.status === query.status) &&
          (query.ticket === undefined ||
            request.ticket?.toLowerCase() === query.ticket.toLowerCase()) &&
          (ticketPrefix === undefined ||
            (request.ticket?.toLowerCase().startsWith(ticketPrefix) ?? false)) &&
          (text === undefined || searchTextOf(request).includes(text))
        );
      },
    );
  }

  async listDecidedBy(query: DecidedByQuery): Promise<Page<ListedRequest>> {
    const from = canonicalInstant(query.from);
    const to = canonicalInstant(query.to);
    return this.#listed('decided', query, 'newestFirst', (request) => {
      const createdAt = canonicalInstant(request.createdAt);
      return from <= createdAt && createdAt < to && decidersOf(request).includes(query.sub);
    });
  }

  async listPendingExpiredAt(
    query: PageQuery & { readonly at: string },
  ): Promise<Page<AccessRequest>> {
    const at = canonicalInstant(query.at);
    return this.#page(
      'expired',
      query,
      'oldestFirst',
      (request) =>
        request.status === 'PENDING' &&
        request.pendingExpiresAt !== undefined &&
        canonicalInstant(request.pendingExpiresAt) <= at,
    );
  }

  /** A page as the DynamoDB store reads it for lists: without histories. */
  #listed(
    listing: Listing,
    query: PageQuery,
    order: QueueOrder,
    matches: (request: AccessRequest) => boolean,
  ): Page<ListedRequest> {
    return withoutHistory(this.#page(listing, query, order, matches));
  }

  #page(
    listing: Listing,
    query: PageQuery,
    order: QueueOrder,
    matches: (request: AccessRequest) => boolean,
  ): Page<AccessRequest> {
    checkLimit(query.limit);
    const position = decodeCursor(listing, query.cursor);
    const after = position === undefined ? undefined : cursorKeyOf(position, listing);
    const sign = order === 'oldestFirst' ? 1 : -1;
    const beyondCursor = (key: string): boolean =>
      after === undefined || (order === 'oldestFirst' ? key > after : key < after);
    const sorted = [...this.#requests.values()]
      .filter((request) => matches(request) && beyondCursor(sortKeyOf(request, listing)))
      .sort((a, b) => sign * compare(sortKeyOf(a, listing), sortKeyOf(b, listing)));
    const items = sorted.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map((request) => structuredClone(request)),
      ...(sorted.length > query.limit && last !== undefined
        ? { nextCursor: encodeCursor(listing, positionOf(last, listing)) }
        : {}),
    };
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const withoutHistory = (page: Page<AccessRequest>): Page<ListedRequest> => ({
  ...page,
  items: page.items.map(({ history: _, ...listed }) => listed),
});
