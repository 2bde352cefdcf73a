import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { NotificationChannel, NotificationMessage } from '@elevate/domain';
import {
  outcomeOf,
  renderSlackMessage,
  renderTeamsCard,
  ROOM_OUTCOME_EVENTS,
  ROOM_POST_EVENTS,
} from '@elevate/domain';
import * as z from 'zod/mini';
import { DEV_MESSAGES_KEPT } from './dev-messages-kept';

export const chatPostSchema = z.object({
  id: z.string(),
  at: z.string(),
  requestId: z.string(),
  eventType: z.string(),
  /**
   * The Block Kit payload Slack would get (updated in place after the decision, like chat.update);
   * null for an outcome, which Slack shows by updating the original post and Teams as a new card.
   */
  slack: z.nullable(
    z.object({ text: z.string(), blocks: z.array(z.record(z.string(), z.unknown())) }),
  ),
  /** The Adaptive Card Teams would get. */
  teams: z.record(z.string(), z.unknown()),
  /** Set when a later event updated the Slack post in place. */
  updatedAt: z.optional(z.string()),
});
export type ChatPost = z.infer<typeof chatPostSchema>;

/**
 * The local stand-in for the Slack room and the Teams channel: keeps the very Block Kit and
 * Adaptive Card JSON the real channels send, with the same rules (room events posted, outcomes
 * update the Slack post in place and add a Teams card), for the local chat page (`/dev/chat`).
 * Appended to a JSON-lines file when one is given; the last line of a post id wins on reload.
 * The page shows the newest `DEV_MESSAGES_KEPT` posts; the file keeps every one.
 */
export class DevChatRoom implements NotificationChannel {
  readonly name = 'chat';
  readonly scope = 'event';
  readonly #posts = new Map<string, ChatPost>();
  /** The room post (with a Slack message) of each request, for outcomes to update in place. */
  readonly #roomPostOf = new Map<string, string>();
  readonly #file: string | undefined;
  readonly #now: () => string;

  constructor(options: { readonly file?: string; readonly now?: () => string } = {}) {
    this.#file = options.file;
    this.#now = options.now ?? (() => new Date().toISOString());
    if (this.#file !== undefined && existsSync(this.#file)) {
      for (const line of readFileSync(this.#file, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        try {
          const parsed = chatPostSchema.safeParse(JSON.parse(line));
          if (parsed.success) this.#remember(parsed.data);
        } catch {
          // A torn line of a dev log: skip it.
        }
      }
    }
  }

  async deliver(message: NotificationMessage): Promise<void> {
    const requestId = message.facts.requestId;
    const teams = renderTeamsCard(message);
    if (ROOM_OUTCOME_EVENTS.includes(message.eventType)) {
      const roomPostId = this.#roomPostOf.get(requestId);
      const post = roomPostId === undefined ? undefined : this.#posts.get(roomPostId);
      if (post !== undefined) {
        this.#save({
          ...post,
          slack: renderSlackMessage(message, outcomeOf(message)) as ChatPost['slack'],
          updatedAt: this.#now(),
        });
      }
      this.#save(this.#newPost(message, teams, false));
      return;
    }
    if (ROOM_POST_EVENTS.includes(message.eventType))
      this.#save(this.#newPost(message, teams, true));
  }

  #newPost(message: NotificationMessage, teams: Record<string, unknown>, slack: boolean): ChatPost {
    return {
      id: randomUUID(),
      at: this.#now(),
      requestId: message.facts.requestId,
      eventType: message.eventType,
      slack: slack ? (renderSlackMessage(message) as ChatPost['slack']) : null,
      teams,
    };
  }

  #save(post: ChatPost): void {
    this.#remember(post);
    if (this.#file !== undefined) {
      mkdirSync(dirname(this.#file), { recursive: true });
      appendFileSync(this.#file, `${JSON.stringify(post)}\n`);
    }
  }

  #remember(post: ChatPost): void {
    // Re-inserted, so an updated post counts as new; the oldest beyond the bound are forgotten.
    this.#posts.delete(post.id);
    this.#posts.set(post.id, post);
    if (post.slack !== null && !this.#roomPostOf.has(post.requestId))
      this.#roomPostOf.set(post.requestId, post.id);
    for (const [id, old] of this.#posts) {
      if (this.#posts.size <= DEV_MESSAGES_KEPT) break;
      this.#posts.delete(id);
      if (this.#roomPostOf.get(old.requestId) === id) this.#roomPostOf.delete(old.requestId);
    }
  }

  /** Newest first. */
  posts(): ChatPost[] {
    return [...this.#posts.values()].sort((a, b) => b.at.localeCompare(a.at));
  }
}
