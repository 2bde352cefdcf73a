import type { NoticeCheck, NoticeCheckPage, NoticeSchedule } from '@elevate/domain';
import { canonicalInstant } from '../dynamodb/request-item';
import { lastKeyDueAt, noticeCheckKeyOf, noticeCheckOfKey } from './notice-schedule-key';

/** The schedule in memory (tests): same key order as the table; counts the entries it reads. */
export class InMemoryNoticeSchedule implements NoticeSchedule {
  readonly #keys = new Set<string>();
  #watermark: string | undefined;
  /** Entries returned by `due` so far: what a sweep read. */
  entriesRead = 0;

  constructor(options: { readonly watermark?: string } = {}) {
    this.#watermark = options.watermark;
  }

  async add(checks: readonly NoticeCheck[]): Promise<void> {
    for (const check of checks) this.#keys.add(noticeCheckKeyOf(check));
  }

  async due(query: {
    readonly at: string;
    readonly from?: string;
    readonly limit: number;
    readonly cursor?: string;
  }): Promise<NoticeCheckPage> {
    const lower = query.cursor ?? (query.from === undefined ? '' : canonicalInstant(query.from));
    const upper = lastKeyDueAt(query.at);
    const keys = [...this.#keys]
      .filter((key) => (query.cursor === undefined ? key >= lower : key > lower) && key <= upper)
      .sort();
    const page = keys.slice(0, query.limit);
    this.entriesRead += page.length;
    const last = page.at(-1);
    return {
      checks: page.map(noticeCheckOfKey),
      ...(keys.length > query.limit && last !== undefined ? { nextCursor: last } : {}),
    };
  }

  async watermark(): Promise<string | undefined> {
    return this.#watermark;
  }

  async advanceWatermark(position: string): Promise<void> {
    const next = position.includes('#') ? position : canonicalInstant(position);
    if (this.#watermark === undefined || this.#watermark < next) this.#watermark = next;
  }

  /** Every entry, oldest first (tests). */
  entries(): NoticeCheck[] {
    return [...this.#keys].sort().map(noticeCheckOfKey);
  }
}
