import { describe, expect, it } from 'vitest';
import { alice, pendingSandbox } from '../testing/fixtures';
import type { Audience } from './audience';
import { audiencesFor } from './audience';
import { composeNotification } from './compose-notification';
import { deriveNotificationEvents } from './derive-notification-events';
import { lifecycleScenarios } from './testing/lifecycle-scenarios';

const context = {
  appUrl: 'https://elevate.example.com/',
  account: { name: 'sandbox', tags: { environment: 'dev' } },
};
const reviewers: Audience = { kind: 'reviewers', groups: ['reviewers'] };

// Creation refuses control characters, but the notifier reads whatever the store holds.
const createdEvent = (justification = 'Debug the failing deploy pipeline') => {
  const event = deriveNotificationEvents(undefined, { ...pendingSandbox(alice), justification })[0];
  if (event === undefined) throw new Error('no event');
  return event;
};

describe('composeNotification', () => {
  it('tells reviewers who wants which role where, why, for how long, and links to the review queue', () => {
    const message = composeNotification(createdEvent(), reviewers, context);
    expect(message.subject).toBe(
      '[Elevate] Review: Alice Requester requests PowerUser in sandbox (111111111111)',
    );
    expect(message.link).toBe('https://elevate.example.com/requests/req-1?decide=1');
    expect(message.text).toContain('Alice Requester <alice@example.com>');
    expect(message.text).toContain('sandbox (111111111111), environment dev');
    expect(message.text).toContain('Debug the failing deploy pipeline');
    expect(message.text).toContain('120 minutes, starting when approved');
    expect(message.text).toContain(
      'Review it in Elevate: https://elevate.example.com/requests/req-1?decide=1',
    );
    expect(message.facts).toMatchObject({
      environment: 'dev',
      accountName: 'sandbox',
      reviewerGroups: ['reviewers'],
      version: 1,
    });
  });

  it('links the requester to their request page and shows the window once approved', () => {
    const scenario = lifecycleScenarios().find(
      (candidate) => candidate.expected === 'REQUEST_APPROVED',
    );
    const event = scenario && deriveNotificationEvents(scenario.before, scenario.after)[0];
    if (event === undefined) throw new Error('no event');
    const [audience] = audiencesFor(event);
    if (audience === undefined) throw new Error('no audience');
    const message = composeNotification(event, audience, context);
    expect(message.link).toBe(`https://elevate.example.com/requests/${event.request.id}`);
    expect(message.subject).toBe('[Elevate] Approved: PowerUser in sandbox (111111111111)');
    expect(message.text).toMatch(
      /Window: +2025-03-03T09:05:00.000Z to 2025-03-03T11:05:00.000Z \(UTC\)/u,
    );
    expect(message.text).toContain('Rita Reviewer <rita@example.com>');
    expect(message.text).toContain('Comment:       ok');
  });

  it('falls back to the account id when the policy no longer names the account', () => {
    const message = composeNotification(createdEvent(), reviewers, { appUrl: 'https://e.example' });
    expect(message.subject).toContain('PowerUser in 111111111111');
    expect(message.facts.environment).toBeUndefined();
  });

  it('gives every event a one-line printable-ASCII subject of at most 100 characters', () => {
    for (const scenario of lifecycleScenarios()) {
      for (const event of deriveNotificationEvents(scenario.before, scenario.after)) {
        for (const audience of audiencesFor(event)) {
          const message = composeNotification(event, audience, {
            ...context,
            account: { name: 'ü'.repeat(200), tags: {} },
          });
          expect(message.subject.length).toBeLessThanOrEqual(100);
          expect(message.subject).toMatch(/^[\x20-\x7E]+$/u);
        }
      }
    }
  });

  it('keeps hostile justification text on one bounded line without controls', () => {
    const hostile = `Fix\r\nBcc: evil@example.com\u202Egnp.exe <script>alert(1)</script>${'A'.repeat(5000)}`;
    const message = composeNotification(createdEvent(hostile), reviewers, context);
    const line = message.text
      .split('\n')
      .find((candidate) => candidate.startsWith('Justification:'));
    expect(line).toContain('Fix Bcc: evil@example.com gnp.exe');
    expect(message.text).not.toMatch(/^Bcc:/mu);
    expect(message.text).not.toMatch(/[\u202E\r]/u);
    expect(message.facts.justification.length).toBeLessThanOrEqual(1000);
  });

  it('marks break-glass urgent in the subject', () => {
    const scenario = lifecycleScenarios().find(
      (candidate) => candidate.expected === 'BREAK_GLASS_USED',
    );
    const event = scenario && deriveNotificationEvents(scenario.before, scenario.after)[0];
    if (event === undefined) throw new Error('no event');
    const message = composeNotification(event, { kind: 'security' }, context);
    expect(message.urgent).toBe(true);
    expect(message.subject).toMatch(/^\[Elevate\] URGENT break-glass by Alice Requester/u);
    expect(message.link).toBe('https://elevate.example.com/requests/req-bg');
  });
});
