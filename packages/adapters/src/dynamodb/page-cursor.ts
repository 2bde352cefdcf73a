import * as z from 'zod/mini';
import { InvalidCursorError } from './repository-error';
import type { ListedRequest } from '@elevate/domain';
import { canonicalInstant, isCanonicalInstant } from './request-item';

/** The listings; a cursor from one is refused by another. */
const LISTINGS = [
  'requester',
  'review',
  'reviewNewest',
  'breakGlass',
  'audit',
  'auditOldest',
  'decided',
  'expired',
] as const;
export type Listing = (typeof LISTINGS)[number];

/**
 * Where a page ended, in the listing's sort order: after (or before, for newest-first listings)
 * `<createdAt>#<id>`, and for the sweeper's listing within `routingKey`. A position, not a
 * DynamoDB LastEvaluatedKey: listings that merge several partitions (routing keys, audit months)
 * need one position for all of them, and a position never echoes table key names to a client.
 * An empty `id` means "every request created before `createdAt`" (an audit page that ended
 * between two months).
 */
export interface Position {
  readonly createdAt: string;
  readonly id: string;
  readonly routingKey?: string;
}

const MAX_CURSOR_LENGTH = 4096;

const cursorSchema = z.strictObject({
  v: z.literal(1),
  l: z.enum(LISTINGS),
  c: z.string().check(z.refine(isCanonicalInstant)),
  i: z.string().check(z.maxLength(256)),
  r: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
});

export const encodeCursor = (listing: Listing, position: Position): string =>
  Buffer.from(
    JSON.stringify({
      v: 1,
      l: listing,
      c: position.createdAt,
      i: position.id,
      ...(position.routingKey === undefined ? {} : { r: position.routingKey }),
    }),
    'utf8',
  ).toString('base64url');

/**
 * Reads a cursor back. Anything that is not exactly what `encodeCursor` wrote for this listing
 * throws InvalidCursorError (INVALID_CURSOR). A well-formed but edited position is harmless: it only moves the start within
 * partitions the query already chose, and is used as a comparison value, never as a key.
 */
export const decodeCursor = (
  listing: Listing,
  cursor: string | undefined,
): Position | undefined => {
  if (cursor === undefined) return undefined;
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor))
    throw new InvalidCursorError();
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  const parsed = cursorSchema.safeParse(data);
  if (!parsed.success || parsed.data.l !== listing) throw new InvalidCursorError();
  // Only the sweeper's listing is ordered by routing key first.
  if ((listing === 'expired') !== (parsed.data.r !== undefined)) throw new InvalidCursorError();
  const { c, i, r } = parsed.data;
  return r === undefined ? { createdAt: c, id: i } : { createdAt: c, id: i, routingKey: r };
};

/** `<createdAt>#<id>`, comparable with the index sort keys. */
export const positionKey = (position: Position): string => `${position.createdAt}#${position.id}`;

/** The sweeper listing's sort key: `<routingKey>#<createdAt>#<id>`. */
export const queueKey = (position: Position): string =>
  `${position.routingKey ?? ''}#${positionKey(position)}`;

/** Where `request` sits in `listing`'s order. */
export const positionOf = (request: ListedRequest, listing: Listing): Position => ({
  createdAt: canonicalInstant(request.createdAt),
  id: request.id,
  ...(listing === 'expired' ? { routingKey: request.routing.routingKey } : {}),
});
