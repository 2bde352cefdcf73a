import type { PersonRef } from '../actor';
import type { NotificationEvent, NotificationEventType } from './notification-event';

/**
 * Who hears of an event. Reviewers are known by the IdP groups the request was routed to (the
 * channel maps groups to people); the requester by identity; `security` is the organisation's
 * security audience (a team inbox or channel), told of break-glass use and its review.
 */
export type Audience =
  | { readonly kind: 'reviewers'; readonly groups: readonly string[] }
  | { readonly kind: 'requester'; readonly person: PersonRef }
  | { readonly kind: 'security' }
  /** The policy's admins: a reminder nobody acted on escalates to them. */
  | { readonly kind: 'admins' };

export type AudienceKind = Audience['kind'];

/** Break-glass use and a revoke interrupt someone now; everything else can wait for the inbox. */
export const isUrgent = (type: NotificationEventType): boolean =>
  type === 'BREAK_GLASS_USED' || type === 'ACCESS_REVOKED';

/**
 * Who must hear of each event (docs/notifications.md has the table). Reviewers hear what they can
 * act on or what takes work off their queue; requesters hear every decision about their request,
 * including progress towards a quorum; security hears break-glass use and its review.
 */
export const audiencesFor = (event: NotificationEvent): Audience[] => {
  const reviewers: Audience = { kind: 'reviewers', groups: event.request.routing.approverGroups };
  const requester: Audience = { kind: 'requester', person: event.request.requester };
  const security: Audience = { kind: 'security' };
  const admins: Audience = { kind: 'admins' };
  switch (event.type) {
    case 'REQUEST_CREATED':
    case 'PENDING_REMINDER':
    case 'REQUEST_CANCELLED':
    case 'ACCESS_ENDED_EARLY':
    case 'EXTENSION_REQUESTED':
      return [reviewers];
    // Nobody had to act, so reviewers hear of it: it is what their recently self-approved queue shows.
    case 'SELF_SERVICE_APPROVED':
    case 'EXTENSION_GRANTED':
      return [reviewers, requester];
    case 'EXTENSION_REFUSED':
      return [requester];
    // The invitee (the requester, by the invited address) must answer; reviewers may have to approve.
    case 'INVITATION_SENT':
      return [requester, reviewers];
    // Reviewers (the inviter among them) learn the answer; an acceptance may also open the window.
    case 'INVITATION_ACCEPTED':
      return event.cause.statusAfter === 'APPROVED' ? [reviewers, requester] : [reviewers];
    case 'INVITATION_DECLINED':
      return [reviewers];
    case 'APPROVAL_RECORDED':
    case 'REQUEST_APPROVED':
    case 'REQUEST_REJECTED':
    case 'REQUEST_EXPIRED':
    case 'ACCESS_REVOKED':
      return [requester];
    case 'BREAK_GLASS_USED':
      return [reviewers, security];
    case 'BREAK_GLASS_REVIEWED':
      return [requester, security];
    case 'REMINDER_ESCALATED':
      return [admins];
    case 'PENDING_EXPIRY_WARNING':
    case 'WINDOW_OPENED':
    case 'WINDOW_ENDING':
      return [requester];
  }
};
