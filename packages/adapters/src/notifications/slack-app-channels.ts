import type { NotificationChannel, NotificationMessage, PersonRef } from '@elevate/domain';
import {
  outcomeOf,
  renderSlackMessage,
  ROOM_OUTCOME_EVENTS,
  ROOM_POST_EVENTS,
} from '@elevate/domain';
import type { ChatPostStore } from './chat-post-store';
import type { SlackApi } from './slack-api';

/** Which Slack channel (id) a request's room posts go to: by account, then by rule, then default. */
export interface SlackChannelRoutes {
  readonly byAccount?: Readonly<Record<string, string>>;
  readonly byRule?: Readonly<Record<string, string>>;
  readonly default?: string;
}

export const slackChannelOf = (
  message: NotificationMessage,
  routes: SlackChannelRoutes,
): string | undefined =>
  routes.byAccount?.[message.facts.accountId] ??
  message.facts.ruleIds.map((rule) => routes.byRule?.[rule]).find((id) => id !== undefined) ??
  routes.default;

/**
 * The Elevate Slack app in a shared channel: a new request (or break-glass, self-service,
 * extension, escalation) is posted once with Block Kit and buttons that open the request page in
 * Elevate; when it is decided, that post is updated in place to say who decided and when
 * (chat.update), so the channel does not act on a settled request. Other events are not posted.
 */
export class SlackRoomChannel implements NotificationChannel {
  readonly name = 'slack-room';
  readonly scope = 'event';
  readonly #api: SlackApi;
  readonly #routes: SlackChannelRoutes;
  readonly #posts: ChatPostStore;

  constructor(options: {
    readonly api: SlackApi;
    readonly routes: SlackChannelRoutes;
    readonly posts: ChatPostStore;
  }) {
    this.#api = options.api;
    this.#routes = options.routes;
    this.#posts = options.posts;
  }

  async deliver(message: NotificationMessage): Promise<void> {
    const requestId = message.facts.requestId;
    if (ROOM_OUTCOME_EVENTS.includes(message.eventType)) {
      const post = await this.#posts.find(requestId);
      if (post === undefined) return;
      await this.#api.call('chat.update', {
        channel: post.channel,
        ts: post.ts,
        ...renderSlackMessage(message, outcomeOf(message)),
      });
      return;
    }
    if (!ROOM_POST_EVENTS.includes(message.eventType)) return;
    const channel = slackChannelOf(message, this.#routes);
    if (channel === undefined) return;
    const answer = await this.#api.call('chat.postMessage', {
      channel,
      ...renderSlackMessage(message),
      unfurl_links: false,
      unfurl_media: false,
    });
    if (typeof answer['ts'] === 'string' && typeof answer['channel'] === 'string')
      await this.#posts.remember(requestId, { channel: answer['channel'], ts: answer['ts'] });
  }
}

/**
 * The Elevate Slack app's direct messages: each person concerned gets the message as a DM, found
 * by their e-mail (users.lookupByEmail). Someone without a Slack account (`users_not_found`) is
 * skipped — they still get the e-mail.
 */
export class SlackDirectChannel implements NotificationChannel {
  readonly name = 'slack-dm';
  readonly scope = 'person';
  readonly #api: SlackApi;

  constructor(options: { readonly api: SlackApi }) {
    this.#api = options.api;
  }

  async deliver(message: NotificationMessage, recipient?: PersonRef): Promise<void> {
    if (recipient === undefined) throw new Error('Slack DMs go to one person at a time.');
    let userId: string | undefined;
    try {
      const answer = await this.#api.call('users.lookupByEmail', { email: recipient.email });
      const user = answer['user'] as { id?: unknown } | undefined;
      userId = typeof user?.id === 'string' ? user.id : undefined;
    } catch (error) {
      if (error instanceof Error && error.message.endsWith('users_not_found')) return;
      throw error;
    }
    if (userId === undefined) return;
    await this.#api.call('chat.postMessage', {
      channel: userId,
      ...renderSlackMessage(message),
      unfurl_links: false,
      unfurl_media: false,
    });
  }
}
