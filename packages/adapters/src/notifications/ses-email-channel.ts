import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type {
  DigestChannel,
  NotificationChannel,
  NotificationMessage,
  PersonRef,
  SelfServiceDigest,
  SuppressionList,
} from '@elevate/domain';
import type { RenderedEmail } from '@elevate/domain';
import { renderEmail, SELF_SERVICE_DIGEST } from '@elevate/domain';
import { awsClientConfig, traced } from '../outbound';

export interface SesEmailOptions {
  /** The verified sender, e.g. `Elevate <elevate@example.com>` (an identity in the SES account). */
  readonly from: string;
  /** The configuration set whose event destination reports bounces and complaints. */
  readonly configurationSet?: string;
  readonly suppressions: SuppressionList;
  readonly client?: SESv2Client;
  /** Told of each address skipped because it bounced or complained (by reason, never content). */
  readonly onSuppressed?: (recipient: PersonRef) => void;
  /**
   * At most this many `SendEmail` calls per second from this process (SES's maximum send rate is
   * per account: sandbox 1, production as granted). Default 1.
   */
  readonly maxSendRatePerSecond?: number;
  /** Waits `ms` (tests pass a fake clock). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Milliseconds since the epoch (tests pass a fake clock). */
  readonly nowMs?: () => number;
}

/** SES's answers when a send rate or quota is exceeded: wait and try again, never drop the mail. */
const THROTTLING_ERRORS = new Set([
  'TooManyRequestsException',
  'Throttling',
  'ThrottlingException',
  'LimitExceededException',
]);
/** Backoff after a throttled send: 1 s, then 2 s, then the delivery fails and is retried later. */
const SES_THROTTLE_BACKOFF_MS = [1_000, 2_000] as const;

const isThrottling = (error: unknown): boolean =>
  error instanceof Error && THROTTLING_ERRORS.has(error.name);

/**
 * Personal e-mail through Amazon SES v2: one message per person, HTML and text from the same
 * rendering the dev mailbox shows. An address on the suppression list (it bounced or complained)
 * is skipped — counted as delivered, since retrying would never reach it. Sends are paced to
 * `maxSendRatePerSecond`; a throttled send (SES's rate or daily quota) waits and tries again twice,
 * then throws like any SES error, so the ledger releases the delivery and the stream (or the
 * sweeper's retry) sends it later — throttling delays mail, it never loses it. The SDK client
 * carries the SES deadlines.
 */
export class SesEmailChannel implements NotificationChannel, DigestChannel {
  readonly name = 'ses';
  readonly scope = 'person';
  readonly #client: SESv2Client;
  readonly #options: SesEmailOptions;
  readonly #intervalMs: number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #nowMs: () => number;
  /** The earliest time the next send may start (pacing). */
  #nextSlotMs = 0;

  constructor(options: SesEmailOptions) {
    this.#options = options;
    this.#client = options.client ?? traced(new SESv2Client(awsClientConfig('ses')));
    const rate = options.maxSendRatePerSecond ?? 1;
    if (!(rate > 0)) throw new RangeError('maxSendRatePerSecond must be positive');
    this.#intervalMs = 1000 / rate;
    this.#sleep =
      options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()));
    this.#nowMs = options.nowMs ?? Date.now;
  }

  /** Waits for this process's next send slot, so sends never exceed the configured rate. */
  async #paced(): Promise<void> {
    const now = this.#nowMs();
    const slot = Math.max(now, this.#nextSlotMs);
    this.#nextSlotMs = slot + this.#intervalMs;
    if (slot > now) await this.#sleep(slot - now);
  }

  async #send(command: SendEmailCommand): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      await this.#paced();
      try {
        await this.#client.send(command);
        return;
      } catch (error) {
        const backoff = SES_THROTTLE_BACKOFF_MS[attempt];
        if (!isThrottling(error) || backoff === undefined) throw error;
        await this.#sleep(backoff);
      }
    }
  }

  async deliver(message: NotificationMessage, recipient?: PersonRef): Promise<void> {
    if (recipient === undefined) throw new Error('SES delivers to one person at a time.');
    await this.#mail(renderEmail(message), recipient, [
      { Name: 'eventType', Value: message.eventType },
      { Name: 'audience', Value: message.audience.kind },
    ]);
  }

  /** The daily self-service digest to one reviewer. */
  async deliverDigest(digest: SelfServiceDigest, recipient: PersonRef): Promise<void> {
    await this.#mail(digest, recipient, [
      { Name: 'eventType', Value: SELF_SERVICE_DIGEST },
      { Name: 'audience', Value: 'reviewers' },
    ]);
  }

  async #mail(
    email: RenderedEmail,
    recipient: PersonRef,
    tags: { Name: string; Value: string }[],
  ): Promise<void> {
    if (await this.#options.suppressions.isSuppressed(recipient.email)) {
      this.#options.onSuppressed?.(recipient);
      return;
    }
    await this.#send(
      new SendEmailCommand({
        FromEmailAddress: this.#options.from,
        Destination: { ToAddresses: [recipient.email] },
        ...(this.#options.configurationSet === undefined
          ? {}
          : { ConfigurationSetName: this.#options.configurationSet }),
        Content: {
          Simple: {
            Subject: { Data: email.subject, Charset: 'UTF-8' },
            Body: {
              Html: { Data: email.html, Charset: 'UTF-8' },
              Text: { Data: email.text, Charset: 'UTF-8' },
            },
          },
        },
        // Tags let the configuration set's events name what was sent, never who or why.
        EmailTags: tags,
      }),
    );
  }
}
