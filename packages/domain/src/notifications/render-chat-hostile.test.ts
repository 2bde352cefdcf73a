import { describe, expect, it } from 'vitest';
import { alice, pendingSandbox } from '../testing/fixtures';
import { audiencesFor } from './audience';
import { composeNotification } from './compose-notification';
import type { NotificationEvent } from './notification-event';
import { NOTIFICATION_EVENT_TYPES } from './notification-event';
import { outcomeOf, renderSlackMessage, renderTeamsCard } from './render-chat';

// Everything a requester controls, written to format, link, mention or template its way out.
const HOSTILE = {
  justification:
    '<!channel> <!here> <@U123> <https://evil.example|Approve now> [Approve](https://evil.example) **bold** _it_ https://evil.example {{DATE(2017-02-14T06:08:00Z, SHORT)}} & done',
  ticket: '<https://evil.example|INC-1> [INC](https://evil.example)',
  name: 'Mallory <!channel> [x](https://evil.example) **Admin**',
};

const hostileRequest = () => {
  const created = pendingSandbox(alice, {
    justification: HOSTILE.justification,
    ticket: HOSTILE.ticket,
  });
  return { ...created, requester: { ...created.requester, name: HOSTILE.name } };
};

const messages = () => {
  const request = hostileRequest();
  return NOTIFICATION_EVENT_TYPES.flatMap((type) => {
    const cause = request.history.at(-1);
    if (cause === undefined) throw new Error('no history');
    const event: NotificationEvent = { type, request, cause, version: request.version };
    return audiencesFor(event).map((audience) =>
      composeNotification(event, audience, { appUrl: 'https://elevate.example.com' }),
    );
  });
};

const createdMessage = () => {
  const created = messages().find((message) => message.eventType === 'REQUEST_CREATED');
  if (created === undefined) throw new Error('no REQUEST_CREATED message');
  return created;
};

/** Visits every object anywhere in a JSON tree. */
const walk = (tree: unknown, visit: (node: Record<string, unknown>) => void): void => {
  if (Array.isArray(tree)) for (const item of tree) walk(item, visit);
  else if (typeof tree === 'object' && tree !== null) {
    visit(tree as Record<string, unknown>);
    for (const value of Object.values(tree)) walk(value, visit);
  }
};

describe('chat renderings of hostile request text', () => {
  it('leaves no Slack link, mention or broadcast that the request text made', () => {
    for (const message of messages()) {
      for (const payload of [
        renderSlackMessage(message),
        renderSlackMessage(message, outcomeOf(message)),
      ]) {
        const texts: string[] = [payload.text];
        walk(payload.blocks, (node) => {
          if (node['type'] === 'mrkdwn') {
            // Slack auto-links bare URLs and names unless the text object is verbatim.
            expect(node['verbatim']).toBe(true);
            texts.push(String(node['text']));
          }
        });
        for (const text of texts) {
          expect(text).not.toMatch(/[<>]/u);
          expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/u);
        }
        const all = texts.join('\n');
        if (all.includes('Mallory')) expect(all).toContain('Mallory &lt;!channel&gt;');
      }
    }
    const json = JSON.stringify(renderSlackMessage(createdMessage()).blocks);
    expect(json).toContain('&lt;!here&gt; &lt;@U123&gt; &lt;https://evil.example|Approve now&gt;');
    // The only URLs Slack may open are the buttons', and they lead to the request page.
    const urls: string[] = [];
    walk(renderSlackMessage(createdMessage()).blocks, (node) => {
      if (typeof node['url'] === 'string') urls.push(node['url']);
    });
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^https:\/\/elevate\.example\.com\/requests\//u);
  });

  it('puts request text on a Teams card only in TextRuns, which no host reads as markdown', () => {
    for (const message of messages()) {
      const card = renderTeamsCard(message);
      const runs: string[] = [];
      walk(card, (node) => {
        // TextBlock and FactSet are markdown in Teams: only fixed labels may use them.
        if (node['type'] === 'TextBlock') expect(node['text']).toBe('Urgent');
        expect(node['type']).not.toBe('FactSet');
        if (node['type'] === 'TextRun') runs.push(String(node['text']));
        if (typeof node['url'] === 'string')
          expect(node['url']).toMatch(/^https:\/\/elevate\.example\.com\/requests\/req-1/u);
      });
      const text = runs.join('\n');
      expect(text).toContain(HOSTILE.name);
      // Adaptive Cards' DATE()/TIME() functions start with `{{`: kept literal.
      expect(text).not.toContain('{{');
    }
    const runs: string[] = [];
    walk(renderTeamsCard(createdMessage()), (node) => {
      if (node['type'] === 'TextRun') runs.push(String(node['text']));
    });
    expect(runs[runs.indexOf('Justification: ') + 1]).toContain(
      '<https://evil.example|Approve now> [Approve](https://evil.example) **bold** _it_',
    );
    expect(runs[runs.indexOf('Ticket: ') + 1]).toBe(HOSTILE.ticket);
  });
});
