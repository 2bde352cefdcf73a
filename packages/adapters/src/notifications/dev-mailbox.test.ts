import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccessRequest, PersonRecord } from '@elevate/domain';
import {
  audiencesFor,
  composeNotification,
  deriveNotificationEvents,
  recipientsOf,
} from '@elevate/domain';
import { describe, expect, it } from 'vitest';
import {
  adam,
  alice,
  audrey,
  examplePolicy,
  NOW,
  pendingSandbox,
  ravi,
  rita,
  lifecycleScenarios,
} from '@elevate/domain/testing';
import { DevMailbox } from './dev-mailbox';

const people: PersonRecord[] = [alice, rita, ravi, audrey, adam].map((actor) => ({
  sub: actor.sub,
  email: actor.email,
  name: actor.name,
  groups: actor.groups,
  lastSignInAt: NOW,
}));

const deliverAll = async (
  mailbox: DevMailbox,
  before: AccessRequest | undefined,
  after: AccessRequest,
) => {
  for (const event of deriveNotificationEvents(before, after)) {
    for (const audience of audiencesFor(event)) {
      const message = composeNotification(event, audience, { appUrl: 'http://127.0.0.1:5173' });
      for (const person of recipientsOf(event, audience, people, {
        policy: examplePolicy,
        now: NOW,
        activeWithinDays: 30,
      }))
        await mailbox.deliver(message, person);
    }
  }
};

describe('DevMailbox', () => {
  it('puts a new request in each reviewer persona mailbox with the rendered HTML, printing one line each', async () => {
    const lines: string[] = [];
    const mailbox = new DevMailbox({ log: (line) => lines.push(line) });
    const request = pendingSandbox();
    await deliverAll(mailbox, undefined, request);
    const [toRita] = mailbox.messagesFor('rita@example.com');
    expect(toRita?.link).toBe(`http://127.0.0.1:5173/requests/${request.id}?decide=1`);
    expect(toRita?.html).toContain(
      `<a href="http://127.0.0.1:5173/requests/${request.id}?decide=1"`,
    );
    expect(toRita?.html).toContain('Review it in Elevate');
    expect(mailbox.messagesFor('Ravi@Example.com')).toHaveLength(1);
    expect(mailbox.messagesFor('group:reviewers')).toHaveLength(3);
    expect(mailbox.messagesFor('alice@example.com')).toHaveLength(0);
    expect(lines.sort()).toEqual(
      ['adam', 'ravi', 'rita'].map(
        (name) =>
          `mail to ${name}@example.com: [Elevate] Review: Alice Requester requests PowerUser in 111111111111`,
      ),
    );
  });

  it('sends decisions to the requester and break-glass to the security personas', async () => {
    const mailbox = new DevMailbox({});
    for (const scenario of lifecycleScenarios())
      await deliverAll(mailbox, scenario.before, scenario.after);
    expect(mailbox.messagesFor('alice@example.com').map((entry) => entry.eventType)).toContain(
      'REQUEST_APPROVED',
    );
    expect(
      mailbox
        .messagesFor('audrey@example.com')
        .map((entry) => entry.eventType)
        .sort(),
    ).toEqual(['BREAK_GLASS_REVIEWED', 'BREAK_GLASS_USED']);
  });

  it('refuses a message without a recipient', async () => {
    const mailbox = new DevMailbox({});
    const request = pendingSandbox();
    const [event] = deriveNotificationEvents(undefined, request);
    if (event === undefined) throw new Error('no event');
    const [audience] = audiencesFor(event);
    if (audience === undefined) throw new Error('no audience');
    await expect(
      mailbox.deliver(composeNotification(event, audience, { appUrl: 'http://x.test' })),
    ).rejects.toThrow(/one person/u);
  });

  it('keeps messages in a JSON-lines file that a new mailbox reads back', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mailbox-')), 'nested', 'mailbox.jsonl');
    await deliverAll(new DevMailbox({ file }), undefined, pendingSandbox());
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(3);
    expect(new DevMailbox({ file }).messagesFor('rita@example.com')).toHaveLength(1);
  });
});
