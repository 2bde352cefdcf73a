// Test support: notifier deps on in-memory parts, a settable clock and channels that record.
import { InMemoryDeliveryLedger } from '@elevate/adapters';
import type { NotificationChannel, NotificationMessage } from '@elevate/domain';
import { examplePolicy } from '../../../../../packages/domain/src/testing/fixtures';
import type { LogFields } from '../../logger';
import { createJsonLogger } from '../../logger';
import type { NotifierDeps } from '../notifier-deps';

export interface RecordingChannel extends NotificationChannel {
  readonly messages: NotificationMessage[];
  /** Throw on the next `n` deliveries. */
  failNext(n: number): void;
}

const recordingChannel = (
  name = 'sns',
  scope: 'audience' | 'event' = 'audience',
): RecordingChannel => {
  const messages: NotificationMessage[] = [];
  let failures = 0;
  return {
    name,
    scope,
    messages,
    failNext: (n) => {
      failures = n;
    },
    deliver: async (message) => {
      if (failures > 0) {
        failures -= 1;
        throw new Error('channel unavailable');
      }
      messages.push(message);
    },
  };
};

export const notifierWorld = (start = '2025-03-03T09:00:00.000Z') => {
  let now = start;
  const lines: LogFields[] = [];
  const sns = recordingChannel('sns');
  const slack = recordingChannel('slack', 'event');
  const ledger = new InMemoryDeliveryLedger();
  const deps: NotifierDeps = {
    policy: examplePolicy,
    clock: { now: () => now },
    ledger,
    channels: [{ channel: sns }, { channel: slack, bestEffort: true }],
    appUrl: 'https://elevate.example.com',
    logger: createJsonLogger({
      level: 'debug',
      write: (line) => lines.push(JSON.parse(line) as LogFields),
    }),
  };
  return {
    deps,
    sns,
    slack,
    ledger,
    lines,
    setNow: (iso: string) => {
      now = iso;
    },
  };
};
