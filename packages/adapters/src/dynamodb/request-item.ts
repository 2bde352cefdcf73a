import type { AccessRequest, ListedRequest } from '@elevate/domain';
import {
  decidersOf,
  historyChainOf,
  DECISION_KINDS,
  EXTENSION_STATES,
  INVITATION_STATES,
  HISTORY_EVENT_TYPES,
  POST_ACCESS_REVIEW_STATES,
  REQUEST_STATUSES,
} from '@elevate/domain';
import * as z from 'zod/mini';
import type { ItemProjection } from './batch-operations';

// Key formats of the single table; docs/data-model.md explains each one.
export const REQUEST_PREFIX = 'REQUEST#';
export const REQUEST_SK = 'REQUEST';
/** Sessions live next to their request: PK = REQUEST#<id>, SK = SESSION#<issuedAt>#<sessionId>. */
export const SESSION_SK_PREFIX = 'SESSION#';
export const REQUESTER_PREFIX = 'REQUESTER#';
export const PENDING_PARTITION = 'PENDING';
export const BREAK_GLASS_REVIEW_PARTITION = 'BREAK_GLASS_REVIEW';
export const CREATED_PREFIX = 'CREATED#';
// One partition per filter value; docs/data-model.md lists the index each lives in.
export const STATUS_PREFIX = 'STATUS#';
export const ACCOUNT_PREFIX = 'ACCOUNT#';
export const ROLE_PREFIX = 'ROLE#';
export const EMAIL_PREFIX = 'EMAIL#';
export const TICKET_PREFIX = 'TICKET#';
export const ENTITY_ACCESS_REQUEST = 'ACCESS_REQUEST';

const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** ISO-8601 UTC with milliseconds (24 chars), so that string order is time order in every key. */
export const canonicalInstant = (value: string): string => {
  const millis = Date.parse(value);
  const canonical = Number.isFinite(millis) ? new Date(millis).toISOString() : '';
  if (!CANONICAL_INSTANT.test(canonical))
    throw new RangeError(`Not an ISO-8601 instant in years 0000–9999: ${JSON.stringify(value)}`);
  return canonical;
};

export const isCanonicalInstant = (value: string): boolean =>
  CANONICAL_INSTANT.test(value) && Number.isFinite(Date.parse(value));

/** `<createdAt>#<id>`: the sort key of every listing ordered by creation. */
export const creationKeyOf = (request: Pick<AccessRequest, 'createdAt' | 'id'>): string =>
  `${canonicalInstant(request.createdAt)}#${request.id}`;

/** `YYYY-MM` — the audit index partitions requests by creation month. */
export const monthOf = (instant: string): string => canonicalInstant(instant).slice(0, 7);

export const keyOf = (id: string): { PK: string; SK: string } => ({
  PK: `${REQUEST_PREFIX}${id}`,
  SK: REQUEST_SK,
});

/**
 * The key of an issued session: in its request's partition, ordered by issue time, so one Query on
 * `PK = REQUEST#<id>` returns the request and all its sessions. Session items carry no GSI
 * attributes unless a listing needs them, and then never `CREATED#…`/`PENDING`/`REQUESTER#…`
 * partitions, which hold requests only.
 */
export const sessionKeyOf = (
  requestId: string,
  issuedAt: string,
  sessionId: string,
): { PK: string; SK: string } => ({
  PK: `${REQUEST_PREFIX}${requestId}`,
  SK: `${SESSION_SK_PREFIX}${canonicalInstant(issuedAt)}#${sessionId}`,
});

type IndexAttribute = `GSI${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10}${'PK' | 'SK'}`;

/**
 * Derived attributes a listing reads: the GSI keys, and `deciderSubs` — the subs of everyone who
 * decided the request (`decidersOf`), which "my past decisions" filters on (`contains`). A
 * multi-valued attribute cannot key a GSI, so it is a filter on the audit index, not an index.
 * `requesterEmailLower` lets the audit filter by address ignoring case (DynamoDB has no `lower()`).
 */
export type IndexAttributes = Record<IndexAttribute, string | undefined> & {
  readonly deciderSubs: readonly string[] | undefined;
  readonly requesterEmailLower: string;
  /** The ticket reference in lower case, so the ticket filter ignores case; absent without a ticket. */
  readonly ticketLower: string | undefined;
  /** What "my requests" text search matches, in lower case: account, role, justification, ticket. */
  readonly searchText: string;
};

/** Text search compares lower case (DynamoDB's `contains` is case-sensitive). */
export const searchTextOf = (
  request: Pick<AccessRequest, 'accountId' | 'roleName' | 'justification' | 'ticket'>,
): string =>
  [request.accountId, request.roleName, request.justification, request.ticket ?? '']
    .join('\n')
    .toLowerCase();

/** The requester's address as every email key and filter compares it. */
export const emailKeyOf = (email: string): string => email.toLowerCase();

/** A ticket reference as the ticket key compares it. */
export const ticketKeyOf = (ticket: string): string => ticket.toLowerCase();

/** GSI9's partition: one requester's requests of one status ("my requests", filtered). */
export const requesterStatusPartition = (sub: string, status: string): string =>
  `${REQUESTER_PREFIX}${sub}#${STATUS_PREFIX}${status}`;

/**
 * GSI10's partition: one account's requests of one status, the audit's everyday pair of filters
 * ("what was approved on production"), so that page too is read by its key.
 */
export const accountStatusPartition = (accountId: string, status: string): string =>
  `${ACCOUNT_PREFIX}${accountId}#${STATUS_PREFIX}${status}`;

/**
 * Which index entries a request has in its current state. GSI1 (by requester) and GSI3 (audit, by
 * month) always; GSI2 only while it waits for someone: PENDING (review queue and sweeper) or a
 * break-glass review still PENDING. The two never overlap: break-glass requests are never PENDING.
 * `deciderSubs` once someone has decided it. A transition sets them all in its one UpdateItem.
 */
export const indexAttributesOf = (request: AccessRequest): IndexAttributes => {
  const creationKey = creationKeyOf(request);
  const queue =
    request.status === 'PENDING'
      ? { GSI2PK: PENDING_PARTITION, GSI2SK: `${request.routing.routingKey}#${creationKey}` }
      : request.postAccessReview?.state === 'PENDING'
        ? { GSI2PK: BREAK_GLASS_REVIEW_PARTITION, GSI2SK: creationKey }
        : { GSI2PK: undefined, GSI2SK: undefined };
  const deciders = decidersOf(request);
  const email = emailKeyOf(request.requester.email);
  const ticket = request.ticket === undefined ? undefined : ticketKeyOf(request.ticket);
  return {
    GSI1PK: `${REQUESTER_PREFIX}${request.requester.sub}`,
    GSI1SK: creationKey,
    ...queue,
    GSI3PK: `${CREATED_PREFIX}${monthOf(request.createdAt)}`,
    GSI3SK: creationKey,
    // One index per filter, each holding whole items: every audit filter is a key condition.
    GSI4PK: `${STATUS_PREFIX}${request.status}`,
    GSI4SK: creationKey,
    GSI5PK: `${ACCOUNT_PREFIX}${request.accountId}`,
    GSI5SK: creationKey,
    GSI6PK: `${ROLE_PREFIX}${request.roleName}`,
    GSI6SK: creationKey,
    GSI7PK: `${EMAIL_PREFIX}${email}`,
    GSI7SK: creationKey,
    GSI8PK: ticket === undefined ? undefined : `${TICKET_PREFIX}${ticket}`,
    GSI8SK: ticket === undefined ? undefined : creationKey,
    GSI9PK: requesterStatusPartition(request.requester.sub, request.status),
    GSI9SK: creationKey,
    GSI10PK: accountStatusPartition(request.accountId, request.status),
    GSI10SK: creationKey,
    deciderSubs: deciders.length === 0 ? undefined : deciders,
    requesterEmailLower: email,
    ticketLower: ticket,
    searchText: searchTextOf(request),
  };
};

/** The whole item written at creation: the request's fields, its keys and its index entries. */
export const itemOf = (request: AccessRequest): Record<string, unknown> => {
  const indexes = Object.fromEntries(
    Object.entries(indexAttributesOf(request)).filter(([, value]) => value !== undefined),
  );
  // `chain`: the audit hash chain, one hash per history event (docs/data-model.md); the transition's
  // one UpdateItem appends to it with the event, so the two are never written apart.
  return {
    ...request,
    ...keyOf(request.id),
    ...indexes,
    chain: historyChainOf(request.id, request.history),
    entity: ENTITY_ACCESS_REQUEST,
  };
};

const personSchema = z.object({ sub: z.string(), email: z.string(), name: z.string() });
const instant = z
  .string()
  .check(z.refine((value) => Number.isFinite(Date.parse(value)), 'not an ISO-8601 instant'));
const decisionSchema = z.object({
  approver: personSchema,
  decision: z.enum(DECISION_KINDS),
  comment: z.optional(z.string()),
  at: instant,
});

/** What an item read back must look like; keys and index attributes are stripped. */
export const storedRequestSchema = z.object({
  id: z.string().check(z.minLength(1)),
  requester: personSchema,
  accountId: z.string(),
  roleName: z.string(),
  justification: z.string(),
  ticket: z.optional(z.string()),
  requestedDurationMinutes: z.number().check(z.int(), z.positive()),
  scheduledStart: z.optional(instant),
  status: z.enum(REQUEST_STATUSES),
  breakGlass: z.boolean(),
  postAccessReview: z.optional(
    z.object({
      state: z.enum(POST_ACCESS_REVIEW_STATES),
      reviewer: z.optional(personSchema),
      reviewedAt: z.optional(instant),
      comment: z.optional(z.string()),
    }),
  ),
  routing: z.object({
    approverGroups: z.array(z.string()),
    routingKey: z.string(),
    // 0: a self-service rule with nobody to fall back to.
    approvalsRequired: z.number().check(z.int(), z.nonnegative()),
    selfApproval: z.boolean(),
    ruleIds: z.array(z.string()),
  }),
  decisions: z.array(decisionSchema),
  approvedByPolicy: z.optional(z.boolean()),
  extensions: z.optional(
    z.array(
      z.object({
        minutes: z.number().check(z.int(), z.positive()),
        reason: z.string(),
        requestedAt: instant,
        state: z.enum(EXTENSION_STATES),
        grantedByPolicy: z.boolean(),
        approverGroups: z.array(z.string()),
        approvalsRequired: z.number().check(z.int(), z.positive()),
        decisions: z.array(decisionSchema),
        decidedAt: z.optional(instant),
      }),
    ),
  ),
  invitation: z.optional(
    z.object({
      inviter: personSchema,
      inviteeEmail: z.string(),
      state: z.enum(INVITATION_STATES),
      invitedAt: instant,
      answeredAt: z.optional(instant),
    }),
  ),
  approvedAt: z.optional(instant),
  closedAt: z.optional(instant),
  pendingExpiresAt: z.optional(instant),
  createdAt: instant,
  updatedAt: instant,
  version: z.number().check(z.int(), z.positive()),
  history: z.array(
    z.object({
      type: z.enum(HISTORY_EVENT_TYPES),
      actor: personSchema,
      at: instant,
      statusAfter: z.enum(REQUEST_STATUSES),
      comment: z.optional(z.string()),
      correlationId: z.optional(z.string().check(z.maxLength(128))),
    }),
  ),
}) satisfies z.ZodMiniType<AccessRequest>;

/** What a listing reads back: a request without its history (ListedRequest). */
const listedRequestSchema = z.omit(storedRequestSchema, { history: true });

/** A projection of `attributes`; names are placeholders (`#r0`…), as some are reserved words (`status`, `version`). */
const projectionOf = (attributes: readonly string[]): ItemProjection => ({
  expression: attributes.map((_, i) => `#r${i}`).join(', '),
  names: Object.fromEntries(attributes.map((attribute, i) => [`#r${i}`, attribute])),
});

/**
 * What a listing with histories reads of a request item (the exports, the daily digest): the
 * request's own fields and the table key — not its index attributes and audit chain, nearly half
 * of an item's bytes, which no reader of a listing uses.
 */
export const STORED_REQUEST_PROJECTION: ItemProjection = projectionOf([
  'PK',
  'SK',
  ...Object.keys(storedRequestSchema.shape),
]);

/** What every other listing reads: the same without the history, a third of the rest. */
export const LISTED_REQUEST_PROJECTION: ItemProjection = projectionOf([
  'PK',
  'SK',
  ...Object.keys(listedRequestSchema.shape),
]);

/** A request item read back, validated once at the edge: a malformed item throws, naming where. */
export const requestOfItem = (item: Record<string, unknown>): AccessRequest =>
  parsedItem(storedRequestSchema, item);

/** A request item read without its history (LISTED_REQUEST_PROJECTION). */
export const listedRequestOfItem = (item: Record<string, unknown>): ListedRequest =>
  parsedItem(listedRequestSchema, item);

function parsedItem<T>(schema: z.ZodMiniType<T>, item: Record<string, unknown>): T {
  const parsed = schema.safeParse(item);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw new Error(`Stored access request ${String(item['PK'])} is malformed at: ${where}`);
  }
  return parsed.data;
}
