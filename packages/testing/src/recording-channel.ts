import type { NotificationChannel, NotificationMessage } from '@elevate/domain';

export interface RecordingChannel extends NotificationChannel {
  readonly messages: NotificationMessage[];
  /** Throw on the next `n` deliveries. */
  failNext(n: number): void;
}

/** A channel that keeps what it was given, and can be told to fail. */
export const recordingChannel = (
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
