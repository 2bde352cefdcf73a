import type { NotificationChannel, NotificationMessage } from '@elevate/domain';
import { escapeMrkdwn } from '@elevate/domain';
import { OUTBOUND_DEADLINES } from '../outbound';

/** A link target must not close the `<url|label>` form early. */
const safeUrl = (url: string): string =>
  url.replaceAll('|', '%7C').replaceAll('>', '%3E').replaceAll('<', '%3C');

/** The one concise line posted for a message: what happened and a link — never an action button. */
export const slackTextOf = (message: NotificationMessage): string =>
  `${message.urgent ? ':rotating_light: *Urgent* ' : ''}${escapeMrkdwn(message.summary)} <${safeUrl(message.link)}|Open in Elevate>`;

/**
 * Posts to a Slack incoming webhook. Shared-room scope: each event once. Links only: deciding
 * happens in Elevate after sign-in, never from a chat button.
 */
export class SlackWebhookChannel implements NotificationChannel {
  readonly name = 'slack';
  readonly scope = 'event';
  readonly #url: string;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;

  constructor(options: {
    readonly webhookUrl: string;
    readonly fetch?: typeof fetch;
    readonly timeoutMs?: number;
  }) {
    this.#url = options.webhookUrl;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#timeoutMs = options.timeoutMs ?? OUTBOUND_DEADLINES.slack.attemptMs;
  }

  async deliver(message: NotificationMessage): Promise<void> {
    const response = await this.#fetch(this.#url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text: slackTextOf(message),
        // The same line as a verbatim block: Slack then links only the `<link|Open in Elevate>`
        // Elevate wrote, not a bare URL or a name in the request's text.
        blocks: [
          {
            type: 'section',
            text: { type: 'mrkdwn', text: slackTextOf(message), verbatim: true },
          },
        ],
        unfurl_links: false,
        unfurl_media: false,
      }),
      signal: AbortSignal.timeout(this.#timeoutMs),
    });
    // The webhook URL is a secret: the error names the status only.
    if (!response.ok) throw new Error(`Slack webhook answered ${response.status}`);
  }
}
