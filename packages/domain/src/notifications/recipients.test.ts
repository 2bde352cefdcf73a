import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { canSee } from '../policy/request-visibility';
import { addMinutes } from '../time';
import {
  ada,
  adam,
  alice,
  audrey,
  examplePolicy,
  NOW,
  nina,
  pendingSandbox,
  ravi,
  rita,
} from '../testing/fixtures';
import { audiencesFor } from './audience';
import type { AudienceKind } from './audience';
import { composeNotification } from './compose-notification';
import type { NotificationEvent, NotificationEventType } from './notification-event';
import { NOTIFICATION_EVENT_TYPES } from './notification-event';
import type { PersonRecord } from './people';
import { recipientsOf } from './recipients';

const APP = 'https://elevate.example.com';
const record = (actor: Actor, lastSignInAt = NOW): PersonRecord => ({
  sub: actor.sub,
  email: actor.email,
  name: actor.name,
  groups: actor.groups,
  lastSignInAt,
});
const stale: PersonRecord = {
  ...record(
    { ...rita, sub: 'stale-reviewer', email: 'stale@example.com', name: 'Stale Reviewer' },
    addMinutes(NOW, -31 * 24 * 60),
  ),
};
/** Everyone the directory knows, including people who must never receive anything about the request. */
const people: PersonRecord[] = [alice, rita, ravi, audrey, adam, ada, nina].map((actor) =>
  record(actor),
);
people.push(stale);
const rules = { policy: examplePolicy, now: NOW, activeWithinDays: 30 };

const request = pendingSandbox(alice);
const eventOf = (type: NotificationEventType): NotificationEvent => {
  const cause = request.history.at(-1);
  if (cause === undefined) throw new Error('no history');
  return { type, request, cause, version: request.version };
};

const base = `${APP}/requests/${request.id}`;
const REVIEWERS = ['adam@example.com', 'ravi@example.com', 'rita@example.com'];
const SECURITY = ['ada@example.com', 'adam@example.com', 'audrey@example.com'];
const ADMINS = ['ada@example.com', 'adam@example.com'];
const REQUESTER = ['alice@example.com'];

/** Every event × audience: who receives it personally, and the one link they get. */
const TABLE: Record<NotificationEventType, Partial<Record<AudienceKind, [string[], string]>>> = {
  REQUEST_CREATED: { reviewers: [REVIEWERS, `${base}?decide=1`] },
  PENDING_REMINDER: { reviewers: [REVIEWERS, `${base}?decide=1`] },
  REMINDER_ESCALATED: { admins: [ADMINS, `${base}?decide=1`] },
  APPROVAL_RECORDED: { requester: [REQUESTER, base] },
  REQUEST_APPROVED: { requester: [REQUESTER, base] },
  REQUEST_REJECTED: { requester: [REQUESTER, base] },
  REQUEST_CANCELLED: { reviewers: [REVIEWERS, base] },
  REQUEST_EXPIRED: { requester: [REQUESTER, base] },
  ACCESS_REVOKED: { requester: [REQUESTER, base] },
  ACCESS_ENDED_EARLY: { reviewers: [REVIEWERS, base] },
  BREAK_GLASS_USED: { reviewers: [REVIEWERS, base], security: [SECURITY, base] },
  BREAK_GLASS_REVIEWED: { requester: [REQUESTER, base], security: [SECURITY, base] },
  SELF_SERVICE_APPROVED: { reviewers: [REVIEWERS, base], requester: [REQUESTER, base] },
  EXTENSION_REQUESTED: { reviewers: [REVIEWERS, base] },
  EXTENSION_GRANTED: { reviewers: [REVIEWERS, base], requester: [REQUESTER, base] },
  EXTENSION_REFUSED: { requester: [REQUESTER, base] },
  PENDING_EXPIRY_WARNING: { requester: [REQUESTER, base] },
  WINDOW_OPENED: { requester: [REQUESTER, base] },
  WINDOW_ENDING: { requester: [REQUESTER, base] },
  INVITATION_SENT: { requester: [REQUESTER, base], reviewers: [REVIEWERS, base] },
  // The cause here leaves the request PENDING: the acceptance did not open a window yet.
  INVITATION_ACCEPTED: { reviewers: [REVIEWERS, base] },
  INVITATION_DECLINED: { reviewers: [REVIEWERS, base] },
};

describe('recipients of every event × audience', () => {
  it.each(NOTIFICATION_EVENT_TYPES.map((type) => [type]))('%s', (type) => {
    const event = eventOf(type);
    const audiences = audiencesFor(event);
    expect(audiences.map((audience) => audience.kind).sort()).toEqual(
      Object.keys(TABLE[type]).sort(),
    );
    for (const audience of audiences) {
      const [emails, link] = TABLE[type][audience.kind] ?? [[], ''];
      const recipients = recipientsOf(event, audience, people, rules);
      expect(recipients.map((person) => person.email)).toEqual(emails);
      expect(composeNotification(event, audience, { appUrl: `${APP}/` }).link).toBe(link);
      // Nobody who may not see the request, whatever the directory returned.
      for (const recipient of recipients) {
        const actor = people.find((person) => person.sub === recipient.sub);
        expect(actor).toBeDefined();
        if (actor !== undefined)
          expect(canSee(examplePolicy, { ...actor, amr: [] }, request).allowed).toBe(true);
      }
    }
  });

  it('never tells the requester about their own request as one of its reviewers', () => {
    const own = pendingSandbox(rita);
    const cause = own.history.at(-1);
    if (cause === undefined) throw new Error('no history');
    const event: NotificationEvent = { type: 'REQUEST_CREATED', request: own, cause, version: 1 };
    const [reviewers] = audiencesFor(event);
    if (reviewers === undefined) throw new Error('no audience');
    expect(recipientsOf(event, reviewers, people, rules).map((p) => p.email)).toEqual([
      'adam@example.com',
      'ravi@example.com',
    ]);
  });

  it('skips people who have not signed in within the configured period', () => {
    const event = eventOf('REQUEST_CREATED');
    const [reviewers] = audiencesFor(event);
    if (reviewers === undefined) throw new Error('no audience');
    const emails = (days: number) =>
      recipientsOf(event, reviewers, people, { ...rules, activeWithinDays: days }).map(
        (person) => person.email,
      );
    expect(emails(30)).not.toContain('stale@example.com');
    expect(emails(60)).toContain('stale@example.com');
  });

  it('does not address a member of an unrelated group even if the directory lists them', () => {
    const event = eventOf('REQUEST_CREATED');
    const [reviewers] = audiencesFor(event);
    if (reviewers === undefined) throw new Error('no audience');
    const outsider = record({ ...nina, groups: ['contractors'] });
    expect(recipientsOf(event, reviewers, [outsider], rules)).toEqual([]);
  });
});
