import type { DevChatPost, DevChatRoom } from '@elevate/adapters';
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const escapeHtml = (value: string): string =>
  value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

/** Slack mrkdwn as Slack shows it: entities decoded, then escaped for HTML; `*bold*` and line breaks. */
const mrkdwn = (text: string): Html =>
  raw(
    escapeHtml(text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'))
      .replace(/\*([^*\n]+)\*/gu, '<strong>$1</strong>')
      .replace(/:rotating_light:/gu, '🚨')
      .replaceAll('\n', '<br>'),
  );

// Only the configured app's links are followed; anything else is shown as text.
const safeHref = (url: unknown): string | undefined =>
  typeof url === 'string' && /^https?:\/\//u.test(url) ? url : undefined;

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Block Kit → HTML for the block types Elevate posts (section, fields, context, actions). */
const slackBlock = (block: Record<string, unknown>): Html => {
  switch (block['type']) {
    case 'section':
      return html`<div class="section">
        ${block['text'] === undefined ? '' : html`<p>${mrkdwn(str(record(block['text'])['text']))}</p>`}
        ${
          list(block['fields']).length === 0
            ? ''
            : html`<div class="fields">
                ${list(block['fields']).map((f) => html`<div>${mrkdwn(str(record(f)['text']))}</div>`)}
              </div>`
        }
      </div>`;
    case 'context':
      return html`<p class="context">
        ${list(block['elements']).map((e) => mrkdwn(str(record(e)['text'])))}
      </p>`;
    case 'actions':
      return html`<p class="actions">
        ${list(block['elements']).map((element) => {
          const button = record(element);
          const href = safeHref(button['url']);
          const label = str(record(button['text'])['text']);
          return href === undefined
            ? html`<span class="button">${label}</span>`
            : html`<a class="button ${str(button['style'])}" href="${href}">${label}</a>`;
        })}
      </p>`;
    default:
      return html``;
  }
};

/** Adaptive Card → HTML for the elements Elevate sends (TextBlock, RichTextBlock, Action.OpenUrl). */
const teamsCard = (card: Record<string, unknown>): Html =>
  html`${list(card['body']).map((element) => {
      const item = record(element);
      if (item['type'] === 'TextBlock')
        return html`<p
          class="${item['color'] === 'Attention' ? 'attention' : ''} ${item['weight'] === 'Bolder' ? 'bold' : ''}"
        >
          ${str(item['text'])}
        </p>`;
      if (item['type'] === 'RichTextBlock')
        return html`<p>
          ${list(item['inlines']).map((inline) => {
            const run = record(inline);
            return run['weight'] === 'Bolder'
              ? html`<strong>${str(run['text'])}</strong>`
              : html`<span>${str(run['text'])}</span>`;
          })}
        </p>`;
      return html``;
    })}
    <p class="actions">
      ${list(card['actions']).map((element) => {
        const action = record(element);
        const href = safeHref(action['url']);
        return href === undefined
          ? html`<span class="button">${str(action['title'])}</span>`
          : html`<a class="button primary" href="${href}">${str(action['title'])}</a>`;
      })}
    </p>`;

const post = (entry: DevChatPost): Html =>
  html`<article aria-label="${entry.eventType} ${entry.requestId}">
    <p class="meta">
      <time datetime="${entry.at}">${entry.at}</time> · ${entry.eventType} · request
      ${entry.requestId}${entry.updatedAt === undefined ? '' : html` · edited ${entry.updatedAt}`}
    </p>
    <div class="columns">
      <section class="slack" aria-label="Slack">
        <h2>Slack</h2>
        ${
          entry.slack === null
            ? html`<p class="context">(Slack updates the original post instead)</p>`
            : entry.slack.blocks.map(slackBlock)
        }
      </section>
      <section class="teams" aria-label="Teams">
        <h2>Teams</h2>
        ${teamsCard(entry.teams)}
      </section>
    </div>
  </article>`;

const STYLE = `body{font:14px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#16191f}
article{border:1px solid #d5dbdb;border-radius:8px;padding:0 1rem 1rem;margin:1rem 0}
.columns{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.slack{border-left:4px solid #4a154b;padding-left:.75rem}.teams{border-left:4px solid #5b5fc7;padding-left:.75rem}
h2{font-size:.9rem;color:#5f6b7a;margin:.5rem 0}.fields{display:grid;grid-template-columns:1fr 1fr;gap:.25rem 1rem}
.context,.meta{color:#5f6b7a;font-size:.85rem}.attention{color:#d91515}.bold{font-weight:bold}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{color:#5f6b7a}dd{margin:0}
.button{display:inline-block;margin-right:.5rem;padding:.3rem .8rem;border:1px solid #8c8c94;border-radius:4px;color:#16191f;text-decoration:none}
.button.primary{background:#007a5a;color:#fff;border-color:#007a5a}.button.danger{color:#e01e5a;border-color:#e01e5a}`;

/**
 * The local chat page (local server only, never on Lambda): every Slack and Teams message the
 * stack would have posted, rendered from the very Block Kit and Adaptive Card JSON, newest first.
 * Buttons are the messages' own links back to the SPA. Everything is escaped.
 */
export function devChatRoutes(chat: DevChatRoom): Hono {
  const app = new Hono();
  app.get('/', (c) => {
    const posts = chat.posts();
    return c.html(
      html`<!doctype html>
        <html lang="en">
          <head>
            <meta charset="utf-8" />
            <title>Chat · Elevate dev stack</title>
            <style>
              ${raw(STYLE)}
            </style>
          </head>
          <body>
            <main>
              <h1>Chat (Slack and Teams)</h1>
              <p>
                What the Slack app and the Teams workflow would have posted. The e-mails are in the
                <a href="/dev/mailbox">dev mailbox</a>.
              </p>
              ${posts.length === 0 ? html`<p>No messages yet.</p>` : posts.map(post)}
            </main>
          </body>
        </html>`,
    );
  });
  app.get('/posts.json', (c) => c.json(chat.posts()));
  return app;
}
