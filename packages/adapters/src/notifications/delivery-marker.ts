import type { DeliveryKey } from '@elevate/domain';
import { REQUEST_PREFIX } from '../dynamodb/request-item';

/** Delivery markers share the request's partition (sorting before the request item): `NOTIFY#…`. */
export const DELIVERY_SK_PREFIX = 'NOTIFY#';
export const ENTITY_NOTIFICATION_DELIVERY = 'NOTIFICATION_DELIVERY';
const DIGEST_PREFIX = 'DIGEST#';

/**
 * A delivery marker lives in its request's partition: PK = REQUEST#<id>,
 * SK = NOTIFY#<version>#<event>#<audience>#<channel>[#<recipient sub>] (version zero-padded so markers sort by it).
 */
export const deliveryKeyOf = (key: DeliveryKey): { PK: string; SK: string } => ({
  // A digest's markers are in a partition of their own, never taken for a request's.
  PK:
    key.kind === 'digest'
      ? `${DIGEST_PREFIX}${key.requestId}`
      : `${REQUEST_PREFIX}${key.requestId}`,
  SK: `${DELIVERY_SK_PREFIX}${String(key.version).padStart(6, '0')}#${key.event}#${key.audience}#${key.channel}${key.recipient === undefined ? '' : `#${key.recipient}`}`,
});
