import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { REQUEST_PREFIX, REQUEST_SK, SESSION_SK_PREFIX } from './request-item';

/**
 * The request id of a stream record on a request's partition (the request item or one of its
 * sessions); undefined for any other item or a record without keys.
 */
export const requestIdOfStreamRecord = (raw: unknown): string | undefined => {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const keys = (raw as { dynamodb?: { Keys?: unknown } }).dynamodb?.Keys;
  if (typeof keys !== 'object' || keys === null) return undefined;
  let key: Record<string, unknown>;
  try {
    key = unmarshall(keys as Record<string, AttributeValue>);
  } catch {
    return undefined;
  }
  const { PK: pk, SK: sk } = key;
  // Delivery markers, chat posts and the like share the partition but feed no projection: in AWS
  // each of their writes is a stream record too, and must not cost a read of the partition.
  const projected =
    sk === REQUEST_SK || (typeof sk === 'string' && sk.startsWith(SESSION_SK_PREFIX));
  return typeof pk === 'string' && pk.startsWith(REQUEST_PREFIX) && projected
    ? pk.slice(REQUEST_PREFIX.length)
    : undefined;
};
