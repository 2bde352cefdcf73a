import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type {
  NotificationChannel,
  NotificationMessage,
  PersonRef,
  SuppressionList,
} from '@elevate/domain';
import { renderEmail } from '@elevate/domain';
import { awsClientConfig } from '../outbound';

export interface SesEmailOptions {
  /** The verified sender, e.g. `Elevate <elevate@example.com>` (an identity in the SES account). */
  readonly from: string;
  /** The configuration set whose event destination reports bounces and complaints. */
  readonly configurationSet?: string;
  readonly suppressions: SuppressionList;
  readonly client?: SESv2Client;
  /** Told of each address skipped because it bounced or complained (by reason, never content). */
  readonly onSuppressed?: (recipient: PersonRef) => void;
}

/**
 * Personal e-mail through Amazon SES v2: one message per person, HTML and text from the same
 * rendering the dev mailbox shows. An address on the suppression list (it bounced or complained)
 * is skipped — counted as delivered, since retrying would never reach it. SES errors throw, so the
 * delivery is released and retried; the SDK client carries the SES deadlines.
 */
export class SesEmailChannel implements NotificationChannel {
  readonly name = 'ses';
  readonly scope = 'person';
  readonly #client: SESv2Client;
  readonly #options: SesEmailOptions;

  constructor(options: SesEmailOptions) {
    this.#options = options;
    this.#client = options.client ?? new SESv2Client(awsClientConfig('ses'));
  }

  async deliver(message: NotificationMessage, recipient?: PersonRef): Promise<void> {
    if (recipient === undefined) throw new Error('SES delivers to one person at a time.');
    if (await this.#options.suppressions.isSuppressed(recipient.email)) {
      this.#options.onSuppressed?.(recipient);
      return;
    }
    const email = renderEmail(message);
    await this.#client.send(
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
        EmailTags: [
          { Name: 'eventType', Value: message.eventType },
          { Name: 'audience', Value: message.audience.kind },
        ],
      }),
    );
  }
}
