import type { NotificationChannel, NotificationMessage } from '@elevate/domain';
import {
  renderTeamsCard,
  ROOM_OUTCOME_EVENTS,
  ROOM_POST_EVENTS,
  teamsWebhookPayload,
} from '@elevate/domain';
import { OUTBOUND_DEADLINES } from '../outbound';

/**
 * Microsoft Teams through a workflow webhook ("When a Teams webhook request is received" → post
 * a card in a channel): an Adaptive Card with the same content and link as the e-mail. Room
 * events and their outcomes are posted (a webhook cannot edit an earlier card). The URL is a
 * secret: errors name the HTTP status only.
 */
export class TeamsWorkflowChannel implements NotificationChannel {
  readonly name = 'teams';
  readonly scope = 'event';
  readonly #url: () => Promise<string>;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;

  constructor(options: {
    readonly webhookUrl: () => Promise<string>;
    readonly fetch?: typeof fetch;
    readonly timeoutMs?: number;
  }) {
    this.#url = options.webhookUrl;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#timeoutMs = options.timeoutMs ?? OUTBOUND_DEADLINES.teams.attemptMs;
  }

  async deliver(message: NotificationMessage): Promise<void> {
    if (
      !ROOM_POST_EVENTS.includes(message.eventType) &&
      !ROOM_OUTCOME_EVENTS.includes(message.eventType)
    )
      return;
    const response = await this.#fetch(await this.#url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(teamsWebhookPayload(renderTeamsCard(message))),
      signal: AbortSignal.timeout(this.#timeoutMs),
    });
    if (!response.ok) throw new Error(`Teams workflow webhook answered ${response.status}`);
  }
}
