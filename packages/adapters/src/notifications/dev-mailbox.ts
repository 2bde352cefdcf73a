import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Audience, NotificationChannel, NotificationMessage } from '@elevate/domain';
import { NOTIFICATION_EVENT_TYPES } from '@elevate/domain';
import * as z from 'zod';

/** Who is behind each audience on a laptop: group → persona e-mails, and the security audience. */
export interface MailboxDirectory {
  readonly groups: Readonly<Record<string, readonly string[]>>;
  readonly security: readonly string[];
}

export const mailboxEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  /** The people it reached (e-mail addresses) and the audience it was for (`group:<name>`, `requester`, `security`). */
  to: z.array(z.string()),
  audience: z.string(),
  eventType: z.enum(NOTIFICATION_EVENT_TYPES),
  urgent: z.boolean(),
  requestId: z.string(),
  subject: z.string(),
  text: z.string(),
  link: z.string(),
});
export type MailboxEntry = z.infer<typeof mailboxEntrySchema>;

const audienceLabels = (audience: Audience): string[] => {
  switch (audience.kind) {
    case 'reviewers':
      return audience.groups.map((group) => `group:${group}`);
    case 'requester':
      return ['requester'];
    case 'security':
      return ['security'];
  }
};

/**
 * The local stand-in for SNS e-mail: each message is printed as one line and kept — appended to a
 * JSON-lines file when one is given, so it survives a restart — for the dev mailbox pages.
 */
export class DevMailbox implements NotificationChannel {
  readonly name = 'mailbox';
  readonly scope = 'audience';
  readonly #entries: MailboxEntry[] = [];
  readonly #directory: MailboxDirectory;
  readonly #file: string | undefined;
  readonly #log: (line: string) => void;
  readonly #now: () => string;

  constructor(options: {
    readonly directory: MailboxDirectory;
    readonly file?: string;
    readonly log?: (line: string) => void;
    readonly now?: () => string;
  }) {
    this.#directory = options.directory;
    this.#file = options.file;
    this.#log = options.log ?? (() => undefined);
    this.#now = options.now ?? (() => new Date().toISOString());
    if (this.#file !== undefined && existsSync(this.#file)) {
      for (const line of readFileSync(this.#file, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        // A line from an older format (or a torn write) is skipped, not fatal: it is a dev inbox.
        const parsed = mailboxEntrySchema.safeParse(safeJson(line));
        if (parsed.success) this.#entries.push(parsed.data);
      }
    }
  }

  async deliver(message: NotificationMessage): Promise<void> {
    const entry: MailboxEntry = {
      id: randomUUID(),
      at: this.#now(),
      to: this.recipientsOf(message.audience),
      audience: audienceLabels(message.audience).join(' '),
      eventType: message.eventType,
      urgent: message.urgent,
      requestId: message.facts.requestId,
      subject: message.subject,
      text: message.text,
      link: message.link,
    };
    if (this.#file !== undefined) {
      mkdirSync(dirname(this.#file), { recursive: true });
      appendFileSync(this.#file, `${JSON.stringify(entry)}\n`);
    }
    this.#entries.push(entry);
    this.#log(
      `mail to ${entry.to.length === 0 ? `(nobody in ${entry.audience})` : entry.to.join(', ')}: ${entry.subject}`,
    );
  }

  /** The persona e-mails behind an audience. */
  recipientsOf(audience: Audience): string[] {
    switch (audience.kind) {
      case 'reviewers':
        return [
          ...new Set(audience.groups.flatMap((group) => this.#directory.groups[group] ?? [])),
        ].sort();
      case 'requester':
        return [audience.person.email];
      case 'security':
        return [...this.#directory.security];
    }
  }

  /** Newest first: what one person received (by e-mail) or one audience was sent (`group:<name>`, `security`). */
  messagesFor(mailbox: string): MailboxEntry[] {
    const wanted = mailbox.toLowerCase();
    return this.#entries
      .filter(
        (entry) =>
          entry.to.some((to) => to.toLowerCase() === wanted) ||
          entry.audience.split(' ').includes(mailbox),
      )
      .reverse();
  }

  all(): readonly MailboxEntry[] {
    return [...this.#entries];
  }
}

const safeJson = (line: string): unknown => {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
};
