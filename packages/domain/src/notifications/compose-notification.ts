import { approvalsOf } from '../access-request';
import type { PersonRef } from '../actor';
import { windowOf } from '../window';
import type { Audience } from './audience';
import { isUrgent } from './audience';
import type { NotificationEvent, NotificationEventType } from './notification-event';
import { asciiSubject, plainText } from './plain-text';

/** Bounds on user text in a message, far below SNS's 256 KiB whatever a policy allows. */
export const NOTIFICATION_TEXT_LIMITS = {
  name: 100,
  email: 254,
  justification: 1000,
  comment: 500,
  ticket: 100,
} as const;
export const SUBJECT_MAX_CHARS = 100;

/** The catalog entry of the request's account, if the policy still names it. */
export interface NotifiedAccount {
  readonly name: string;
  readonly tags: Readonly<Record<string, string>>;
}

export interface NotificationContext {
  /** The SPA's base URL, e.g. https://elevate.example.com — deep links start here. */
  readonly appUrl: string;
  readonly account?: NotifiedAccount;
}

/** Machine-readable facts of a message, user text already sanitised and bounded. */
export interface NotificationFacts {
  readonly requestId: string;
  readonly version: number;
  readonly eventType: NotificationEventType;
  readonly occurredAt: string;
  readonly accountId: string;
  readonly accountName?: string;
  readonly environment?: string;
  readonly roleName: string;
  readonly requester: PersonRef;
  /** Who caused the event (the requester, a reviewer, an admin or the system). */
  readonly actor: PersonRef;
  readonly justification: string;
  readonly ticket?: string;
  readonly comment?: string;
  readonly breakGlass: boolean;
  readonly durationMinutes: number;
  readonly window?: { readonly startsAt: string; readonly endsAt: string };
  readonly scheduledStart?: string;
  readonly approvals: { readonly count: number; readonly required: number };
  readonly reviewerGroups: readonly string[];
  readonly createdAt: string;
  readonly pendingExpiresAt?: string;
  /** The policy rules that matched at creation (chat channels may be chosen per rule). */
  readonly ruleIds: readonly string[];
}

/** One message to one audience, in a channel-neutral form; channels render and escape it. */
export interface NotificationMessage {
  readonly eventType: NotificationEventType;
  readonly audience: Audience;
  readonly urgent: boolean;
  /** Printable ASCII, one line, ≤ 100 characters (SNS e-mail subjects). */
  readonly subject: string;
  /** One plain line for chat and consoles (not escaped). */
  readonly summary: string;
  /** The plain-text e-mail body. */
  readonly text: string;
  /** The headline alone (plain, not escaped), for rich renderings (HTML, Block Kit, cards). */
  readonly headline: string;
  /** The labelled details in order (plain, not escaped), for rich renderings. */
  readonly details: readonly (readonly [string, string])[];
  /** The label of the one button/link (e.g. "Review it in Elevate"). */
  readonly action: string;
  /** The exact request page; with `?decide=1` when the reader is asked to decide. */
  readonly link: string;
  readonly facts: NotificationFacts;
}

const person = (who: PersonRef): PersonRef => ({
  sub: plainText(who.sub, NOTIFICATION_TEXT_LIMITS.email),
  email: plainText(who.email, NOTIFICATION_TEXT_LIMITS.email),
  name: plainText(who.name, NOTIFICATION_TEXT_LIMITS.name),
});

const factsOf = (event: NotificationEvent, context: NotificationContext): NotificationFacts => {
  const { request, cause } = event;
  const window = windowOf(request);
  const environment = context.account?.tags['environment'];
  const comment =
    cause.comment === undefined
      ? undefined
      : plainText(cause.comment, NOTIFICATION_TEXT_LIMITS.comment);
  return {
    requestId: request.id,
    version: event.version,
    eventType: event.type,
    occurredAt: cause.at,
    accountId: request.accountId,
    ...(context.account === undefined
      ? {}
      : { accountName: plainText(context.account.name, NOTIFICATION_TEXT_LIMITS.name) }),
    ...(environment === undefined
      ? {}
      : { environment: plainText(environment, NOTIFICATION_TEXT_LIMITS.name) }),
    roleName: request.roleName,
    requester: person(request.requester),
    actor: person(cause.actor),
    justification: plainText(request.justification, NOTIFICATION_TEXT_LIMITS.justification),
    ...(request.ticket === undefined
      ? {}
      : { ticket: plainText(request.ticket, NOTIFICATION_TEXT_LIMITS.ticket) }),
    ...(comment === undefined || comment === '' ? {} : { comment }),
    breakGlass: request.breakGlass,
    durationMinutes: request.requestedDurationMinutes,
    ...(window === undefined ? {} : { window }),
    ...(request.scheduledStart === undefined ? {} : { scheduledStart: request.scheduledStart }),
    approvals: { count: approvalsOf(request).length, required: request.routing.approvalsRequired },
    reviewerGroups: request.routing.approverGroups,
    createdAt: request.createdAt,
    ruleIds: request.routing.ruleIds,
    ...(request.pendingExpiresAt === undefined
      ? {}
      : { pendingExpiresAt: request.pendingExpiresAt }),
  };
};

const accountLabel = (facts: NotificationFacts): string =>
  facts.accountName === undefined ? facts.accountId : `${facts.accountName} (${facts.accountId})`;

/** "<verb> <role> in <account>": the part every subject and headline ends with. */
const what = (facts: NotificationFacts): string => `${facts.roleName} in ${accountLabel(facts)}`;

const subjectOf = (facts: NotificationFacts): string => {
  const requester = facts.requester.name;
  switch (facts.eventType) {
    case 'REQUEST_CREATED':
      return `Review: ${requester} requests ${what(facts)}`;
    case 'PENDING_REMINDER':
      return `Reminder, still waiting: ${requester} requests ${what(facts)}`;
    case 'APPROVAL_RECORDED':
      return `${facts.approvals.count} of ${facts.approvals.required} approvals: ${what(facts)}`;
    case 'REQUEST_APPROVED':
      return `Approved: ${what(facts)}`;
    case 'REQUEST_REJECTED':
      return `Rejected: ${what(facts)}`;
    case 'REQUEST_CANCELLED':
      return `Cancelled by ${requester}: ${what(facts)}`;
    case 'REQUEST_EXPIRED':
      return `Expired without a decision: ${what(facts)}`;
    case 'ACCESS_REVOKED':
      return `URGENT access revoked: ${what(facts)}`;
    case 'ACCESS_ENDED_EARLY':
      return `Ended early by ${requester}: ${what(facts)}`;
    case 'BREAK_GLASS_USED':
      return `URGENT break-glass by ${requester}: ${what(facts)}`;
    case 'BREAK_GLASS_REVIEWED':
      return `Break-glass reviewed: ${what(facts)}`;
    case 'SELF_SERVICE_APPROVED':
      return `Self-service: ${requester} has ${what(facts)}`;
    case 'EXTENSION_REQUESTED':
      return `Review extension: ${requester} asks for more time on ${what(facts)}`;
    case 'EXTENSION_GRANTED':
      return `Extended: ${what(facts)}`;
    case 'EXTENSION_REFUSED':
      return `Extension refused: ${what(facts)}`;
    case 'REMINDER_ESCALATED':
      return `Escalated, no reviewer acted: ${requester} requests ${what(facts)}`;
    case 'PENDING_EXPIRY_WARNING':
      return `Still undecided, expires soon: ${what(facts)}`;
    case 'WINDOW_OPENED':
      return `Your access window is open: ${what(facts)}`;
    case 'WINDOW_ENDING':
      return `Ends in 10 minutes: ${what(facts)}`;
    case 'INVITATION_SENT':
      return `Invitation from ${facts.actor.name}: ${what(facts)}`;
    case 'INVITATION_ACCEPTED':
      return `Invitation accepted by ${requester}: ${what(facts)}`;
    case 'INVITATION_DECLINED':
      return `Invitation declined by ${facts.actor.name}: ${what(facts)}`;
  }
};

const headlineOf = (facts: NotificationFacts): string => {
  const requester = facts.requester.name;
  const actor = facts.actor.name;
  switch (facts.eventType) {
    case 'REQUEST_CREATED':
      return `${requester} requests ${what(facts)} and is waiting for a review.`;
    case 'PENDING_REMINDER':
      return `${requester}'s request for ${what(facts)} is still waiting for a review.`;
    case 'APPROVAL_RECORDED':
      return `${actor} approved ${requester}'s request for ${what(facts)}: ${facts.approvals.count} of ${facts.approvals.required} approvals so far.`;
    case 'REQUEST_APPROVED':
      return `${actor} approved ${requester}'s request for ${what(facts)}.`;
    case 'REQUEST_REJECTED':
      return `${actor} rejected ${requester}'s request for ${what(facts)}.`;
    case 'REQUEST_CANCELLED':
      return `${requester} cancelled their request for ${what(facts)}; nothing is left to review.`;
    case 'REQUEST_EXPIRED':
      return `${requester}'s request for ${what(facts)} expired: nobody decided it in time.`;
    case 'ACCESS_REVOKED':
      return `${actor} revoked ${requester}'s access to ${what(facts)}. Sessions already issued stop working within a minute.`;
    case 'ACCESS_ENDED_EARLY':
      return `${requester} ended their access to ${what(facts)} early.`;
    case 'BREAK_GLASS_USED':
      return `${requester} used break-glass access to ${what(facts)}. It is active now and needs a review afterwards.`;
    case 'BREAK_GLASS_REVIEWED':
      return `${actor} reviewed ${requester}'s break-glass access to ${what(facts)}.`;
    case 'SELF_SERVICE_APPROVED':
      return `${requester} has ${what(facts)}, approved by policy within its self-service conditions.`;
    case 'EXTENSION_REQUESTED':
      return `${requester} asks for more time on ${what(facts)} and is waiting for a review.`;
    case 'EXTENSION_GRANTED':
      return `${requester}'s access to ${what(facts)} was extended (${actor}).`;
    case 'EXTENSION_REFUSED':
      return `${actor} refused more time on ${requester}'s access to ${what(facts)}.`;
    case 'REMINDER_ESCALATED':
      return `${requester}'s request for ${what(facts)} has waited since ${facts.createdAt} and no reviewer has acted after a reminder. As an admin you may decide it.`;
    case 'PENDING_EXPIRY_WARNING':
      return `Your request for ${what(facts)} is still waiting for a review and expires without a decision at ${facts.pendingExpiresAt ?? 'its pending limit'} (UTC).`;
    case 'WINDOW_OPENED':
      return `Your scheduled access to ${what(facts)} has started; you can open sessions now.`;
    case 'WINDOW_ENDING':
      return `Your access to ${what(facts)} ends at ${facts.window?.endsAt ?? 'the end of its window'} (UTC), in about 10 minutes. Ask for more time in Elevate if you need it.`;
    case 'INVITATION_SENT':
      return `${actor} invites ${requester} to ${what(facts)}. Accept it in Elevate before the window can open, or decline it.`;
    case 'INVITATION_ACCEPTED':
      return `${requester} accepted the invitation to ${what(facts)}.`;
    case 'INVITATION_DECLINED':
      return `${actor} declined the invitation to ${what(facts)}; it never opens.`;
  }
};

/** Events that ask a reviewer (or, escalated, an admin) to decide the request. */
const DECIDING_EVENTS: readonly NotificationEventType[] = [
  'REQUEST_CREATED',
  'PENDING_REMINDER',
  'REMINDER_ESCALATED',
];
const ACTING_EVENTS: readonly NotificationEventType[] = [...DECIDING_EVENTS, 'BREAK_GLASS_USED'];

/** The request page's query flag that opens its decision dialog (the SPA reads it; see useDecideFlag). */
export const DECIDE_QUERY_FLAG = 'decide';

const asksToDecide = (facts: NotificationFacts, audience: Audience): boolean =>
  (audience.kind === 'reviewers' || audience.kind === 'admins') &&
  DECIDING_EVENTS.includes(facts.eventType);

/**
 * Every link opens the exact request page; for a reviewer asked to decide, with the flag that opens
 * its decision dialog (the page opens it only if the reader may decide — the link grants nothing).
 */
export const requestLinkOf = (appUrl: string, requestId: string, decide: boolean): string =>
  `${appUrl.replace(/\/+$/u, '')}/requests/${encodeURIComponent(requestId)}${decide ? `?${DECIDE_QUERY_FLAG}=1` : ''}`;

const linkOf = (facts: NotificationFacts, audience: Audience, appUrl: string): string =>
  requestLinkOf(appUrl, facts.requestId, asksToDecide(facts, audience));

const windowLine = (facts: NotificationFacts): string => {
  if (facts.window !== undefined) return `${facts.window.startsAt} to ${facts.window.endsAt} (UTC)`;
  const start =
    facts.scheduledStart === undefined
      ? 'when approved'
      : `at ${facts.scheduledStart} (UTC) or when approved, whichever is later`;
  return `${facts.durationMinutes} minutes, starting ${start}`;
};

const callToAction = (facts: NotificationFacts, audience: Audience): string => {
  if (
    (audience.kind === 'reviewers' || audience.kind === 'admins') &&
    ACTING_EVENTS.includes(facts.eventType)
  ) {
    return facts.eventType === 'BREAK_GLASS_USED'
      ? 'Review it after the fact in Elevate'
      : 'Review it in Elevate';
  }
  if (audience.kind === 'requester' && facts.eventType === 'INVITATION_SENT')
    return 'Accept or decline it in Elevate';
  return audience.kind === 'requester' ? 'Your request in Elevate' : 'The request in Elevate';
};

const detailsOf = (facts: NotificationFacts): [string, string][] => {
  const rows: [string, string | undefined][] = [
    ['Requester', `${facts.requester.name} <${facts.requester.email}>`],
    [
      'Account',
      `${accountLabel(facts)}${facts.environment === undefined ? '' : `, environment ${facts.environment}`}`,
    ],
    ['Role', facts.roleName],
    ['Justification', facts.justification],
    ['Ticket', facts.ticket],
    ['Window', windowLine(facts)],
    ['Break-glass', facts.breakGlass ? 'yes' : undefined],
    ['Approvals', `${facts.approvals.count} of ${facts.approvals.required}`],
    [
      'By',
      facts.actor.sub === facts.requester.sub
        ? undefined
        : `${facts.actor.name} <${facts.actor.email}> at ${facts.occurredAt}`,
    ],
    ['Comment', facts.comment],
  ];
  return rows.flatMap(([label, value]) => (value === undefined ? [] : [[label, value]]));
};

const bodyOf = (facts: NotificationFacts, audience: Audience, link: string): string => {
  const table = detailsOf(facts).map(([label, value]) => `${`${label}:`.padEnd(15)}${value}`);
  return [
    headlineOf(facts),
    '',
    ...table,
    '',
    `${callToAction(facts, audience)}: ${link}`,
    '',
    `Request ${facts.requestId}, version ${facts.version}. Sent by Elevate.`,
  ].join('\n');
};

/** The message `audience` gets about `event`: subject, bodies, deep link and facts. Pure. */
export const composeNotification = (
  event: NotificationEvent,
  audience: Audience,
  context: NotificationContext,
): NotificationMessage => {
  const facts = factsOf(event, context);
  const urgent = isUrgent(event.type);
  const link = linkOf(facts, audience, context.appUrl);
  return {
    eventType: event.type,
    audience,
    urgent,
    subject: asciiSubject(`[Elevate] ${subjectOf(facts)}`, SUBJECT_MAX_CHARS),
    summary: plainText(headlineOf(facts), 300),
    text: bodyOf(facts, audience, link),
    headline: headlineOf(facts),
    details: detailsOf(facts),
    action: callToAction(facts, audience),
    link,
    facts,
  };
};
