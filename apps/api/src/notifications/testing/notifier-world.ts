// Test support: notifier deps on in-memory parts, a settable clock and channels that record.
import { examplePolicy, InMemoryDeliveryLedger, recordingChannel } from '@elevate/testing';
import type { LogFields } from '../../logger';
import { createJsonLogger } from '../../logger';
import type { NotifierDeps } from '../notifier-deps';

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
