import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's window for a signed request's timestamp: older (or further ahead) is refused. */
export const SLACK_SIGNATURE_WINDOW_SECONDS = 5 * 60;

/**
 * Remembers signatures already accepted, so the same signed request is never accepted twice
 * (within the window; after it the timestamp check refuses it anyway).
 */
export interface ReplayGuard {
  /** True the first time `signature` is offered; false if it was seen before. Atomic. */
  firstSeen(signature: string, expiresAtEpochSeconds: number): Promise<boolean>;
}

export type SlackVerification =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: 'missing-headers' | 'stale-timestamp' | 'bad-signature' | 'replayed';
    };

export interface SlackSignedRequest {
  /** `X-Slack-Request-Timestamp`, seconds since the epoch. */
  readonly timestamp: string | undefined;
  /** `X-Slack-Signature`, `v0=<hex>`. */
  readonly signature: string | undefined;
  /** The raw body exactly as received (form-encoded for interactions). */
  readonly body: string;
}

/** `v0=` + HMAC-SHA256 of `v0:<timestamp>:<body>` under the signing secret (Slack's scheme). */
export const slackSignatureOf = (secret: string, timestamp: string, body: string): string =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

/**
 * Verifies a request Slack signed: both headers present, the timestamp within five minutes of
 * `nowMs`, the signature equal (in constant time) to the HMAC under the signing secret, and the
 * signature never accepted before. Only then is the request from Slack, and only once.
 */
export async function verifySlackRequest(
  request: SlackSignedRequest,
  signingSecret: string,
  nowMs: number,
  replays: ReplayGuard,
): Promise<SlackVerification> {
  const { timestamp, signature, body } = request;
  if (timestamp === undefined || signature === undefined || !/^\d{1,12}$/u.test(timestamp))
    return { ok: false, reason: 'missing-headers' };
  const seconds = Number(timestamp);
  if (Math.abs(nowMs / 1000 - seconds) > SLACK_SIGNATURE_WINDOW_SECONDS)
    return { ok: false, reason: 'stale-timestamp' };
  const expected = Buffer.from(slackSignatureOf(signingSecret, timestamp, body));
  const offered = Buffer.from(signature);
  if (expected.length !== offered.length || !timingSafeEqual(expected, offered))
    return { ok: false, reason: 'bad-signature' };
  if (!(await replays.firstSeen(signature, seconds + SLACK_SIGNATURE_WINDOW_SECONDS + 60)))
    return { ok: false, reason: 'replayed' };
  return { ok: true };
}
