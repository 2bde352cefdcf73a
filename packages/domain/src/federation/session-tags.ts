import type { AccessRequest } from '../access-request';
import type { PersonRef } from '../actor';
import { canonicalEmail } from './sts-identifier';

/** A session tag as STS takes it. Elevate never marks tags transitive. */
export interface SessionTag {
  readonly key: string;
  readonly value: string;
}

export const SESSION_TAG_KEYS = {
  requestId: 'elevate:request-id',
  requester: 'elevate:requester',
  ticket: 'elevate:ticket',
} as const;

/** STS limits on session tags. */
export const SESSION_TAG_LIMITS = { maxTags: 50, maxKeyLength: 128, maxValueLength: 256 } as const;

const ALLOWED_VALUE_CHAR = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]$/u;

/**
 * A tag value STS accepts: every code point outside `[\p{L}\p{Z}\p{N}_.:/=+\-@]` becomes `-`, then
 * cut to 256 UTF-16 units without splitting a surrogate pair.
 */
export const sanitizeTagValue = (value: string): string => {
  let out = '';
  for (const char of value.normalize('NFC')) {
    const next = ALLOWED_VALUE_CHAR.test(char) ? char : '-';
    if (out.length + next.length > SESSION_TAG_LIMITS.maxValueLength) break;
    out += next;
  }
  return out;
};

/**
 * The tags on every session: which request it serves, who asked, and the ticket when there is one,
 * so that CloudTrail and IAM conditions (`aws:PrincipalTag/elevate:request-id`) can tie actions to
 * the request. None are transitive: they describe this session, not sessions chained from it.
 */
export const sessionTagsFor = (
  request: Pick<AccessRequest, 'id' | 'ticket'>,
  actor: Pick<PersonRef, 'email'>,
): readonly SessionTag[] => [
  { key: SESSION_TAG_KEYS.requestId, value: sanitizeTagValue(request.id) },
  { key: SESSION_TAG_KEYS.requester, value: sanitizeTagValue(canonicalEmail(actor.email)) },
  ...(request.ticket === undefined || request.ticket === ''
    ? []
    : [{ key: SESSION_TAG_KEYS.ticket, value: sanitizeTagValue(request.ticket) }]),
];
