import * as z from 'zod/mini';
import { requestStatusSchema } from './enums';
import { accountIdSchema, instantSchema, roleNameSchema, ticketSchema } from './text';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
/** The widest audit range one query may ask for. */
export const MAX_AUDIT_RANGE_DAYS = 366;
/** `GET /reviews/decided` without `from`: the decisions on requests created in the last 90 days. */
export const DEFAULT_DECIDED_RANGE_DAYS = 90;

/** Opaque page token from the previous response's `nextCursor`. */
export const cursorSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{1,2048}$/, 'must be a cursor from a previous page'));

// Query strings arrive as strings; `limit` is coerced. Unknown parameters are refused.
const page = {
  cursor: z.optional(cursorSchema),
  limit: z._default(
    z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PAGE_SIZE)),
    DEFAULT_PAGE_SIZE,
  ),
};

/** `GET /requests` (mine, newest first); `q` finds text in account, role, justification or ticket. */
export const myRequestsQuerySchema = z.strictObject({
  ...page,
  status: z.optional(requestStatusSchema),
  q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
});
export type MyRequestsQuery = z.infer<typeof myRequestsQuerySchema>;

/** `GET /reviews/pending`: oldest first, or newest first with `order=newest`. */
export const pendingReviewsQuerySchema = z.strictObject({
  ...page,
  order: z._default(z.enum(['oldest', 'newest']), 'oldest'),
});
export type PendingReviewsQuery = z.infer<typeof pendingReviewsQuerySchema>;

/** `GET /reviews/break-glass` (awaiting post-access review, oldest first). */
export const breakGlassReviewsQuerySchema = z.strictObject(page);
export type BreakGlassReviewsQuery = z.infer<typeof breakGlassReviewsQuerySchema>;

/** `requester` of the audit: at most this many people may match a partial name or e-mail. */
export const MAX_AUDIT_REQUESTER_MATCHES = 10;

const auditFilters = {
  from: instantSchema,
  to: instantSchema,
  /**
   * A requester: a whole e-mail address (any case), a `sub`, or part of a name or e-mail ("bob"
   * finds Bob Builder and bob@example.com) — the server resolves the part against the people record,
   * and refuses (`REQUESTER_AMBIGUOUS`) when more than `MAX_AUDIT_REQUESTER_MATCHES` people match.
   */
  requester: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(256))),
  accountId: z.optional(accountIdSchema),
  roleName: z.optional(roleNameSchema),
  status: z.optional(requestStatusSchema),
  /** A ticket reference, matched ignoring case. */
  ticket: z.optional(ticketSchema),
  /** Tickets starting with this, ignoring case (`INC-12` finds INC-12 and INC-123): a bounded search. */
  ticketPrefix: z.optional(ticketSchema),
  /** Text in the account id, role, justification or ticket, ignoring case: a bounded search. */
  q: z.optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(100))),
  /** By creation: newest first (the default) or oldest first. */
  order: z._default(z.enum(['newest', 'oldest']), 'newest'),
};

const checkRange = (query: { from: string; to: string }, ctx: z.core.$RefinementCtx) => {
  const span = Date.parse(query.to) - Date.parse(query.from);
  if (span <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
  else if (span > MAX_AUDIT_RANGE_DAYS * 24 * 3600 * 1000)
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `range must be at most ${MAX_AUDIT_RANGE_DAYS} days`,
    });
};

/**
 * `GET /reviews/decided` (my past decisions, newest first by creation): requests created in
 * [from, to); `to` defaults to now, `from` to `DEFAULT_DECIDED_RANGE_DAYS` before `to`. The range
 * is at most `MAX_AUDIT_RANGE_DAYS` (the server checks it again once the defaults are filled in).
 */
export const decidedReviewsQuerySchema = z
  .strictObject({ ...page, from: z.optional(instantSchema), to: z.optional(instantSchema) })
  .check(
    z.superRefine((query, ctx) => {
      if (query.from !== undefined && query.to !== undefined)
        checkRange({ from: query.from, to: query.to }, ctx);
    }),
  );
export type DecidedReviewsQuery = z.infer<typeof decidedReviewsQuerySchema>;

/** `GET /audit/requests`: created in [from, to), newest first. */
export const auditQuerySchema = z
  .strictObject({ ...page, ...auditFilters })
  .check(z.superRefine(checkRange));
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** `GET /audit/requests.csv`: the same filters, every page streamed. */
export const auditExportQuerySchema = z.strictObject(auditFilters).check(z.superRefine(checkRange));
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;
