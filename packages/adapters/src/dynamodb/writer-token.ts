import type { UpdateCommandInput } from '@aws-sdk/lib-dynamodb';

/**
 * Every write's token is added to the item's `writers` string set, so whether a write happened
 * can be answered later by reading the item: the SDK retrying a conditional write whose first
 * attempt was applied, or a client retrying with the same Idempotency-Key, learns the truth
 * instead of "already exists" or "changed concurrently". A request sees a handful of writes.
 */
const WRITERS_ATTRIBUTE = 'writers';

type Item = Record<string, unknown>;

export const withWriter = (item: Item, writerToken: string | undefined): Item =>
  writerToken === undefined ? item : { ...item, [WRITERS_ATTRIBUTE]: new Set([writerToken]) };

export const withWriterUpdate = (
  input: UpdateCommandInput,
  writerToken: string | undefined,
): UpdateCommandInput =>
  writerToken === undefined
    ? input
    : {
        ...input,
        UpdateExpression: `${input.UpdateExpression ?? ''} ADD #writers :writer`,
        ExpressionAttributeNames: {
          ...input.ExpressionAttributeNames,
          '#writers': WRITERS_ATTRIBUTE,
        },
        ExpressionAttributeValues: {
          ...input.ExpressionAttributeValues,
          ':writer': new Set([writerToken]),
        },
      };

export const wasWrittenBy = (item: Item, writerToken: string): boolean => {
  const writers = item[WRITERS_ATTRIBUTE];
  return writers instanceof Set && writers.has(writerToken);
};
