import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
  Audience,
  DigestChannel,
  NotificationChannel,
  NotificationMessage,
  PersonRef,
  SelfServiceDigest,
} from '@elevate/domain';
import { NOTIFICATION_EVENT_TYPES, renderEmail, SELF_SERVICE_DIGEST } from '@elevate/domain';
import * as z from 'zod/mini';
import { keepNewest } from './dev-messages-kept';

export const mailboxEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  /** The people it reached (e-mail addresses) and the audience it was for (`group:<name>`, `requester`, `security`). */
  to: z.array(z.string()),
  audience: z.string(),
  eventType: z.enum([...NOTIFICATION_EVENT_TYPES, SELF_SERVICE_DIGEST]),
  urgent: z.boolean(),
  /** The request; for a digest, the digest's name (`self-service/<day>`). */
  requestId: z.string(),
  subject: z.string(),
  text: z.string(),
  /** The same HTML as the SES e-mail (renderEmail); absent in entries written by older versions. */
  html: z.optional(z.string()),
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
    case 'admins':
      return ['admins'];
  }
};

/**
 * The local stand-in for personal e-mail (SES): each person's message is rendered exactly as SES
 * would send it (renderEmail), printed as one line and kept — appended to a JSON-lines file when
 * one is given, so it survives a restart — for the dev mailbox pages. Recipients are resolved by
 * the notifier from the people record, as in AWS. The pages show the newest `DEV_MESSAGES_KEPT`;
 * the file keeps every one (memory stays flat under `pnpm bench:load`'s tens of thousands).
 */
export class DevMailbox implements NotificationChannel, DigestChannel {
  readonly name = 'mailbox';
  readonly scope = 'person';
  readonly #entries: MailboxEntry[] = [];
  readonly #file: string | undefined;
  readonly #log: (line: string) => void;
  readonly #now: () => string;

  constructor(options: {
    readonly file?: string;
    readonly log?: (line: string) => void;
    readonly now?: () => string;
  }) {
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
      keepNewest(this.#entries);
    }
  }

  async deliver(message: NotificationMessage, recipient?: PersonRef): Promise<void> {
    if (recipient === undefined)
      throw new Error('The dev mailbox delivers to one person at a time.');
    const email = renderEmail(message);
    this.#keep({
      id: randomUUID(),
      at: this.#now(),
      to: [recipient.email],
      audience: audienceLabels(message.audience).join(' '),
      eventType: message.eventType,
      urgent: message.urgent,
      requestId: message.facts.requestId,
      subject: email.subject,
      text: email.text,
      html: email.html,
      link: message.link,
    });
  }

  /** The daily self-service digest, as SES would send it to this person. */
  async deliverDigest(digest: SelfServiceDigest, recipient: PersonRef): Promise<void> {
    this.#keep({
      id: randomUUID(),
      at: this.#now(),
      to: [recipient.email],
      audience: digest.groups.map((group) => `group:${group}`).join(' '),
      eventType: SELF_SERVICE_DIGEST,
      urgent: false,
      requestId: `self-service/${digest.day}`,
      subject: digest.subject,
      text: digest.text,
      html: digest.html,
      link: digest.link,
    });
  }

  #keep(entry: MailboxEntry): void {
    if (this.#file !== undefined) {
      mkdirSync(dirname(this.#file), { recursive: true });
      appendFileSync(this.#file, `${JSON.stringify(entry)}\n`);
    }
    this.#entries.push(entry);
    keepNewest(this.#entries);
    this.#log(`mail to ${entry.to.join(', ')}: ${entry.subject}`);
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
