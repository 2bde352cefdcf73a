import type { AccessRequest, HistoryEvent } from '../access-request';
import { GRANTED_BY_POLICY } from '../transitions/extension-text';
import type { NotificationEvent, NotificationEventType } from './notification-event';

const typeOf = (request: AccessRequest, event: HistoryEvent): NotificationEventType => {
  switch (event.type) {
    case 'CREATED':
      if (request.invitation !== undefined) return 'INVITATION_SENT';
      if (request.approvedByPolicy === true) return 'SELF_SERVICE_APPROVED';
      return request.breakGlass ? 'BREAK_GLASS_USED' : 'REQUEST_CREATED';
    case 'APPROVAL':
      return event.statusAfter === 'APPROVED' ? 'REQUEST_APPROVED' : 'APPROVAL_RECORDED';
    case 'REJECTION':
      return 'REQUEST_REJECTED';
    case 'CANCELLATION':
      return 'REQUEST_CANCELLED';
    case 'EXPIRY':
      return 'REQUEST_EXPIRED';
    case 'REVOCATION':
      return 'ACCESS_REVOKED';
    case 'EARLY_END':
      return 'ACCESS_ENDED_EARLY';
    case 'BREAK_GLASS_REVIEW':
      return 'BREAK_GLASS_REVIEWED';
    case 'EXTENSION_REQUEST':
      // An extension within the rule's allowance is granted in the same step.
      return event.comment?.startsWith(GRANTED_BY_POLICY) === true
        ? 'EXTENSION_GRANTED'
        : 'EXTENSION_REQUESTED';
    case 'EXTENSION_APPROVAL':
      return 'EXTENSION_REQUESTED';
    case 'EXTENSION_GRANT':
      return 'EXTENSION_GRANTED';
    case 'EXTENSION_REFUSAL':
      return 'EXTENSION_REFUSED';
    case 'INVITATION_ACCEPTANCE':
      return 'INVITATION_ACCEPTED';
    case 'INVITATION_DECLINE':
      return 'INVITATION_DECLINED';
  }
};

/**
 * What happened between two stored states of one request (`before` absent: it was created). Every
 * transition appends exactly one history line, so the lines `after` has beyond `before` are the
 * events — one per write, or several if a feed ever coalesced writes. Anything else (the same
 * version again, another request, a shorter history) is nothing to tell.
 */
export const deriveNotificationEvents = (
  before: AccessRequest | undefined,
  after: AccessRequest,
): NotificationEvent[] => {
  if (before !== undefined && (before.id !== after.id || before.version >= after.version))
    return [];
  const seen = before?.history.length ?? 0;
  const newest = after.history.length - 1;
  return after.history.slice(seen).map((cause, offset) => ({
    type: typeOf(after, cause),
    request: after,
    cause,
    // The version each line produced: the newest line is `after.version`, each older one less.
    version: after.version - (newest - (seen + offset)),
  }));
};
