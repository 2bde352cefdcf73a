import { describe, expect, it } from 'vitest';
import { alice } from '../testing/fixtures';
import { personOf } from '../actor';
import { audiencesFor, isUrgent } from './audience';
import { deriveNotificationEvents } from './derive-notification-events';
import type { NotificationEventType } from './notification-event';
import { reminderEventOf } from './pending-reminder';
import { lifecycleScenarios } from './testing/lifecycle-scenarios';
import { pendingSandbox } from '../testing/fixtures';

const kindsFor = (type: NotificationEventType): string[] => {
  const scenario = lifecycleScenarios().find((candidate) => candidate.expected === type);
  const event =
    scenario === undefined
      ? reminderEventOf(pendingSandbox())
      : deriveNotificationEvents(scenario.before, scenario.after)[0];
  if (event === undefined) throw new Error(`no event for ${type}`);
  return audiencesFor(event).map((audience) => audience.kind);
};

describe('audiencesFor', () => {
  it.each([
    ['REQUEST_CREATED', ['reviewers']],
    ['PENDING_REMINDER', ['reviewers']],
    ['APPROVAL_RECORDED', ['requester']],
    ['REQUEST_APPROVED', ['requester']],
    ['REQUEST_REJECTED', ['requester']],
    ['REQUEST_CANCELLED', ['reviewers']],
    ['REQUEST_EXPIRED', ['requester']],
    ['ACCESS_REVOKED', ['requester']],
    ['ACCESS_ENDED_EARLY', ['reviewers']],
    ['BREAK_GLASS_USED', ['reviewers', 'security']],
    ['BREAK_GLASS_REVIEWED', ['requester', 'security']],
  ] as const)('sends %s to %j', (type, kinds) => {
    expect(kindsFor(type)).toEqual(kinds);
  });

  it('names the groups the request was routed to and the requester as a person', () => {
    const event = deriveNotificationEvents(undefined, pendingSandbox())[0];
    expect(event && audiencesFor(event)).toEqual([{ kind: 'reviewers', groups: ['reviewers'] }]);
    const expired = lifecycleScenarios().find(
      (scenario) => scenario.expected === 'REQUEST_EXPIRED',
    );
    const expiry = expired && deriveNotificationEvents(expired.before, expired.after)[0];
    expect(expiry && audiencesFor(expiry)).toEqual([
      { kind: 'requester', person: personOf(alice) },
    ]);
  });

  it('marks only break-glass use and revocation urgent', () => {
    expect(
      ['BREAK_GLASS_USED', 'ACCESS_REVOKED', 'REQUEST_CREATED', 'REQUEST_APPROVED'].map((type) =>
        isUrgent(type as NotificationEventType),
      ),
    ).toEqual([true, true, false, false]);
  });
});
