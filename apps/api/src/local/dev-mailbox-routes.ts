import type { DevMailbox, MailboxEntry } from '@elevate/adapters';
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** A mailbox the index lists: a persona, a reviewer group or the security audience. */
export interface MailboxOwner {
  readonly address: string;
  readonly label: string;
  readonly description: string;
}

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const page = (title: string, body: Html): Html =>
  html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${title} · Elevate dev mailbox</title>
        <style>
          body {
            font:
              15px/1.5 system-ui,
              sans-serif;
            margin: 2rem auto;
            max-width: 60rem;
            padding: 0 1rem;
            color: #16191f;
          }
          article {
            border: 1px solid #d5dbdb;
            border-radius: 8px;
            padding: 0 1rem 1rem;
            margin: 1rem 0;
          }
          article.urgent {
            border-color: #d91515;
          }
          iframe {
            width: 100%;
            height: 26rem;
            border: 1px solid #d5dbdb;
            border-radius: 4px;
          }
          pre {
            white-space: pre-wrap;
            background: #f4f4f4;
            padding: 0.75rem;
            border-radius: 4px;
          }
          .meta {
            color: #5f6b7a;
          }
        </style>
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html>`;

// Links come from the configured app URL; anything else is shown, not linked.
const safeHref = (link: string): string | undefined =>
  /^https?:\/\//u.test(link) ? link : undefined;

/**
 * The e-mail's own HTML, shown in a sandboxed frame (no scripts, no same-origin); its links open in
 * the whole tab, as a mail client opens them in a browser.
 */
const withTopTarget = (emailHtml: string): string =>
  emailHtml.replace('<head>', '<head><base target="_top">');

const message = (entry: MailboxEntry): Html => {
  const href = safeHref(entry.link);
  return html`<article class="${entry.urgent ? 'urgent' : ''}" aria-labelledby="m-${entry.id}">
    <h2 id="m-${entry.id}">${entry.subject}</h2>
    <p class="meta">
      <time datetime="${entry.at}">${entry.at}</time> · to ${entry.to.join(', ') || '(nobody)'} ·
      ${entry.eventType}${entry.urgent ? ' · urgent' : ''}
    </p>
    ${
      entry.html === undefined
        ? ''
        : html`<iframe
            title="${entry.subject}"
            sandbox="allow-top-navigation-by-user-activation"
            srcdoc="${withTopTarget(entry.html)}"
          ></iframe>`
    }
    <details>
      <summary>Plain-text part</summary>
      <pre>${entry.text}</pre>
    </details>
    <p>${href === undefined ? entry.link : html`<a href="${href}">Open in Elevate</a>`}</p>
  </article>`;
};

/**
 * The dev mailbox pages, served by the local server only (never on Lambda): an index of mailboxes
 * and one page per persona or audience with every message, newest first. Everything is escaped.
 */
export function devMailboxRoutes(mailbox: DevMailbox, owners: readonly MailboxOwner[]): Hono {
  const app = new Hono();
  app.get('/', (c) =>
    c.html(
      page(
        'Mailboxes',
        html`<h1>Dev mailbox</h1>
          <p>
            What Elevate would have sent by e-mail, per persona and audience. Messages are kept in
            the data directory.
          </p>
          <ul>
            ${owners.map(
              (owner) =>
                html`<li>
                  <a href="/dev/mailbox/${encodeURIComponent(owner.address)}">${owner.label}</a> —
                  ${owner.description} (${mailbox.messagesFor(owner.address).length})
                </li>`,
            )}
          </ul>`,
      ),
    ),
  );
  app.get('/:address', (c) => {
    const address = c.req.param('address');
    const owner = owners.find(
      (candidate) => candidate.address.toLowerCase() === address.toLowerCase(),
    );
    const entries = mailbox.messagesFor(address);
    const title = owner === undefined ? address : owner.label;
    return c.html(
      page(
        title,
        html`<p><a href="/dev/mailbox">All mailboxes</a></p>
          <h1>Mailbox of ${title}</h1>
          ${entries.length === 0 ? html`<p>No messages yet.</p>` : entries.map(message)}`,
      ),
    );
  });
  return app;
}
