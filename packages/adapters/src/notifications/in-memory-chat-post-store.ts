import type { ChatPost, ChatPostStore } from './chat-post-store';

/** Room posts kept by this process (tests). */
export class InMemoryChatPostStore implements ChatPostStore {
  readonly #posts = new Map<string, ChatPost>();
  async remember(requestId: string, post: ChatPost): Promise<void> {
    this.#posts.set(requestId, post);
  }
  async find(requestId: string): Promise<ChatPost | undefined> {
    return this.#posts.get(requestId);
  }
}
