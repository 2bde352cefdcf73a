import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AccessRequest } from '@elevate/domain';
import * as z from 'zod/mini';
import { REQUEST_PREFIX, REQUEST_SK, storedRequestSchema } from '../dynamodb/request-item';

// Only what the notifier reads; Lambda's record carries more (eventSource, awsRegion, …).
const imageSchema = z.record(z.string(), z.looseObject({}));
const streamRecordSchema = z.looseObject({
  eventID: z.string().check(z.minLength(1)),
  eventName: z.enum(['INSERT', 'MODIFY', 'REMOVE']),
  dynamodb: z.looseObject({
    Keys: z.optional(imageSchema),
    NewImage: z.optional(imageSchema),
    OldImage: z.optional(imageSchema),
    SequenceNumber: z.optional(z.string()),
  }),
});

/** What one stream record means for notifications. */
export type RequestChange =
  | {
      readonly kind: 'request';
      readonly eventId: string;
      readonly before: AccessRequest | undefined;
      readonly after: AccessRequest;
    }
  /** Another item (a session, a delivery marker) or a removal: nothing to tell anyone. */
  | { readonly kind: 'ignored'; readonly eventId: string; readonly reason: string };

/**
 * A record that cannot be read. Its message names the record and the failing field paths, never
 * a value: images hold names, e-mail addresses and justifications.
 */
export class UnreadableStreamRecordError extends Error {
  override readonly name = 'UnreadableStreamRecordError';
  constructor(
    readonly eventId: string | undefined,
    readonly problem: string,
  ) {
    super(`Unreadable stream record ${eventId ?? '(no eventID)'}: ${problem}`);
  }
}

const pathsOf = (error: z.core.$ZodError): string =>
  error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');

// The SDK's AttributeValue is a tagged union zod cannot express cheaply; unmarshall rejects bad tags.
const itemOf = (
  eventId: string,
  image: Record<string, object>,
  which: string,
): Record<string, unknown> => {
  try {
    return unmarshall(image as Record<string, AttributeValue>);
  } catch {
    throw new UnreadableStreamRecordError(eventId, `${which} is not DynamoDB JSON`);
  }
};

const requestOf = (
  eventId: string,
  item: Record<string, unknown>,
  which: string,
): AccessRequest => {
  const parsed = storedRequestSchema.safeParse(item);
  if (!parsed.success)
    throw new UnreadableStreamRecordError(
      eventId,
      `${which} is not an access request at ${pathsOf(parsed.error)}`,
    );
  return parsed.data;
};

const isRequestItem = (keys: Record<string, unknown>): boolean =>
  typeof keys['PK'] === 'string' &&
  keys['PK'].startsWith(REQUEST_PREFIX) &&
  keys['SK'] === REQUEST_SK;

/**
 * Reads a DynamoDB Stream record (NEW_AND_OLD_IMAGES, as Lambda or the local change feed delivers
 * it): unmarshalls the images and validates them with the store's own item schema. Throws
 * `UnreadableStreamRecordError` for a record that is not what the table writes.
 */
export const readRequestChange = (raw: unknown): RequestChange => {
  const parsed = streamRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const eventId =
      typeof raw === 'object' && raw !== null && 'eventID' in raw && typeof raw.eventID === 'string'
        ? raw.eventID
        : undefined;
    throw new UnreadableStreamRecordError(
      eventId,
      `not a stream record at ${pathsOf(parsed.error)}`,
    );
  }
  const { eventID: eventId, eventName, dynamodb } = parsed.data;
  if (eventName === 'REMOVE') return { kind: 'ignored', eventId, reason: 'removal' };
  const keyImage = dynamodb.Keys ?? dynamodb.NewImage;
  if (keyImage === undefined) throw new UnreadableStreamRecordError(eventId, 'no Keys');
  if (!isRequestItem(itemOf(eventId, keyImage, 'Keys')))
    return { kind: 'ignored', eventId, reason: 'not a request item' };
  if (dynamodb.NewImage === undefined)
    throw new UnreadableStreamRecordError(
      eventId,
      'no NewImage (the stream must be NEW_AND_OLD_IMAGES)',
    );
  if (eventName === 'MODIFY' && dynamodb.OldImage === undefined) {
    throw new UnreadableStreamRecordError(
      eventId,
      'no OldImage (the stream must be NEW_AND_OLD_IMAGES)',
    );
  }
  return {
    kind: 'request',
    eventId,
    before:
      dynamodb.OldImage === undefined
        ? undefined
        : requestOf(eventId, itemOf(eventId, dynamodb.OldImage, 'OldImage'), 'OldImage'),
    after: requestOf(eventId, itemOf(eventId, dynamodb.NewImage, 'NewImage'), 'NewImage'),
  };
};
