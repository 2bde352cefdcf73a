import { InMemorySuppressionList } from '@elevate/testing';
import { describe, expect, it } from 'vitest';
import { createJsonLogger } from '../logger';
import { recordSesFeedback } from './record-ses-feedback';

const sns = (message: unknown) => ({
  Sns: { Message: JSON.stringify(message), Timestamp: '2025-03-03T09:00:00.000Z' },
});

describe('recordSesFeedback', () => {
  it('suppresses permanent bounces and complaints, not transient bounces or deliveries', async () => {
    const suppressions = new InMemorySuppressionList();
    const lines: string[] = [];
    const logger = createJsonLogger({ level: 'debug', write: (line) => lines.push(line) });
    const count = await recordSesFeedback(
      [
        sns({
          eventType: 'Bounce',
          bounce: {
            bounceType: 'Permanent',
            bouncedRecipients: [{ emailAddress: 'gone@example.com' }],
          },
        }),
        sns({
          eventType: 'Bounce',
          bounce: {
            bounceType: 'Transient',
            bouncedRecipients: [{ emailAddress: 'full@example.com' }],
          },
        }),
        sns({
          eventType: 'Complaint',
          complaint: { complainedRecipients: [{ emailAddress: 'Angry@Example.com' }] },
        }),
        sns({ eventType: 'Delivery' }),
        { Sns: { Message: 'not json' } },
        sns({ eventType: 'Bounce', bounce: { bounceType: 'Permanent' } }),
      ],
      { suppressions, logger, now: () => '2025-03-03T09:00:00.000Z' },
    );
    expect(count).toBe(2);
    expect(await suppressions.isSuppressed('gone@example.com')).toBe(true);
    expect(await suppressions.isSuppressed('angry@example.com')).toBe(true);
    expect(await suppressions.isSuppressed('full@example.com')).toBe(false);
    expect(lines.join('\n')).not.toContain('@example.com');
  });
});
