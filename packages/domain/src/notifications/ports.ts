import type { PersonRef } from '../actor';
import type { NotificationMessage } from './compose-notification';

/** A channel that delivers notification messages (SNS, Slack, the dev mailbox). Throws when it could not. */
export interface NotificationChannel {
  /** Stable name, part of delivery keys: e.g. `sns`, `slack`, `mailbox`. */
  readonly name: string;
  /**
   * `audience`: one message per audience (e-mail, mailbox). `event`: a shared room (Slack) that
   * takes each event once, as composed for its first audience. `person`: one message per person
   * of each audience (SES, Slack DMs), each its own delivery — `recipient` is then set.
   */
  readonly scope: 'audience' | 'event' | 'person';
  deliver(message: NotificationMessage, recipient?: PersonRef): Promise<void>;
}

/** One delivery of one event to one audience through one channel. */
export interface DeliveryKey {
  readonly requestId: string;
  readonly version: number;
  /** The event type, or `PENDING_REMINDER` (one per request, whatever the version). */
  readonly event: string;
  readonly audience: string;
  readonly channel: string;
  /** The person's sub, for `person`-scoped channels: each recipient is its own delivery. */
  readonly recipient?: string;
  /**
   * `digest`: a delivery about many requests (the daily self-service digest); `requestId` then
   * names the digest (e.g. `self-service/2026-12-03`) and the marker has a partition of its own.
   */
  readonly kind?: 'digest';
}

/**
 * `claimed`: go ahead and deliver, then `complete` (or `release` on failure). `done`: delivered
 * before — skip. `busy`: someone else holds a fresh claim — try again later.
 */
export type ClaimOutcome = 'claimed' | 'done' | 'busy';

/**
 * Remembers deliveries so redelivered stream records and concurrent sweepers send each message
 * once: a conditional write per delivery. A claim is a lease; one that is never completed (a crash
 * mid-delivery) can be taken again after it lapses — at-least-once, never lost.
 */
export interface DeliveryLedger {
  claim(key: DeliveryKey, now: string): Promise<ClaimOutcome>;
  complete(key: DeliveryKey, now: string): Promise<void>;
  /** Gives a claim back at once after a failed delivery, so a retry need not wait for the lease. */
  release(key: DeliveryKey): Promise<void>;
}
