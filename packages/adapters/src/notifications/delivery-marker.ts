import type { DeliveryKey } from '@elevate/domain';
import { REQUEST_PREFIX } from '../dynamodb/request-item';

/** Delivery markers sort after the request item and its sessions: `NOTIFY#…`. */
export const DELIVERY_SK_PREFIX = 'NOTIFY#';
export const ENTITY_NOTIFICATION_DELIVERY = 'NOTIFICATION_DELIVERY';

/**
 * A delivery marker lives in its request's partition: PK = REQUEST#<id>,
 * SK = NOTIFY#<version>#<event>#<audience>#<channel>[#<recipient sub>] (version zero-padded so markers sort by it).
 */
export const deliveryKeyOf = (key: DeliveryKey): { PK: string; SK: string } => ({
  PK: `${REQUEST_PREFIX}${key.requestId}`,
  SK: `${DELIVERY_SK_PREFIX}${String(key.version).padStart(6, '0')}#${key.event}#${key.audience}#${key.channel}${key.recipient === undefined ? '' : `#${key.recipient}`}`,
});
