import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccessRequest } from '@elevate/domain';
import { audiencesFor, composeNotification, deriveNotificationEvents } from '@elevate/domain';
import { describe, expect, it } from 'vitest';
import { pendingSandbox } from '../../../domain/src/testing/fixtures';
import { lifecycleScenarios } from '../../../domain/src/notifications/testing/lifecycle-scenarios';
import { DevMailbox } from './dev-mailbox';

const directory = {
  groups: { reviewers: ['rita@example.com', 'ravi@example.com'] },
  security: ['audrey@example.com'],
};

const deliverAll = async (
  mailbox: DevMailbox,
  before: AccessRequest | undefined,
  after: AccessRequest,
) => {
  for (const event of deriveNotificationEvents(before, after)) {
    for (const audience of audiencesFor(event))
      await mailbox.deliver(
        composeNotification(event, audience, { appUrl: 'http://127.0.0.1:5173' }),
      );
  }
};

describe('DevMailbox', () => {
  it('puts a new request in every reviewer persona mailbox and the group mailbox, printing one line', async () => {
    const lines: string[] = [];
    const mailbox = new DevMailbox({ directory, log: (line) => lines.push(line) });
    await deliverAll(mailbox, undefined, pendingSandbox());
    expect(mailbox.messagesFor('rita@example.com').map((entry) => entry.link)).toEqual([
      'http://127.0.0.1:5173/reviews',
    ]);
    expect(mailbox.messagesFor('Ravi@Example.com')).toHaveLength(1);
    expect(mailbox.messagesFor('group:reviewers')).toHaveLength(1);
    expect(mailbox.messagesFor('alice@example.com')).toHaveLength(0);
    expect(lines).toEqual([
      'mail to ravi@example.com, rita@example.com: [Elevate] Review: Alice Requester requests PowerUser in 111111111111',
    ]);
  });

  it('sends decisions to the requester and break-glass to the security personas', async () => {
    const mailbox = new DevMailbox({ directory });
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

  it('keeps messages in a JSON-lines file that a new mailbox reads back', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mailbox-')), 'nested', 'mailbox.jsonl');
    await deliverAll(new DevMailbox({ directory, file }), undefined, pendingSandbox());
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(new DevMailbox({ directory, file }).messagesFor('rita@example.com')).toHaveLength(1);
  });
});
