import type { NoticeCheck, NoticeCheckReason } from '@elevate/domain';
import { canonicalInstant } from '../dynamodb/request-item';

/** `<dueAt>#<requestId>#<reason>`: string order is due order, and a check written twice is one key. */
export const noticeCheckKeyOf = (check: NoticeCheck): string =>
  `${canonicalInstant(check.dueAt)}#${check.requestId}#${check.reason}`;

/** The last key due at `at` (inclusive): `#` sorts below every character after it. */
export const lastKeyDueAt = (at: string): string => `${canonicalInstant(at)}#\u{10FFFF}`;

export const noticeCheckOfKey = (key: string): NoticeCheck => {
  const [dueAt = '', requestId = '', reason = ''] = key.split('#');
  return { dueAt, requestId, reason: reason as NoticeCheckReason };
};
