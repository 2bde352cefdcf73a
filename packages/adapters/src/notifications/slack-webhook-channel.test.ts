import type { AccessRequest, NotificationMessage } from '@elevate/domain';
import { audiencesFor, composeNotification, deriveNotificationEvents } from '@elevate/domain';
import { describe, expect, it } from 'vitest';
import { pendingSandbox } from '@elevate/domain/testing';
import { SlackWebhookChannel } from './slack-webhook-channel';

const messageOf = (request: AccessRequest): NotificationMessage => {
  const event = deriveNotificationEvents(undefined, request)[0];
  const audience = event && audiencesFor(event)[0];
  if (event === undefined || audience === undefined) throw new Error('no message');
  return composeNotification(event, audience, { appUrl: 'https://elevate.example.com' });
};

const capture = (status = 200) => {
  const posts: { url: string; body: Record<string, unknown> }[] = [];
  const fetcher: typeof fetch = async (url, init) => {
    posts.push({
      url: String(url),
      body: JSON.parse(String(init?.body)) as Record<string, unknown>,
    });
    return new Response('ok', { status });
  };
  return { posts, fetcher };
};

describe('SlackWebhookChannel', () => {
  it('posts one concise line with a link to the review page and no buttons', async () => {
    const { posts, fetcher } = capture();
    await new SlackWebhookChannel({
      webhookUrl: 'https://hooks.slack.test/T/B/x',
      fetch: fetcher,
    }).deliver(messageOf(pendingSandbox()));
    expect(posts).toHaveLength(1);
    expect(Object.keys(posts[0]?.body ?? {}).sort()).toEqual([
      'blocks',
      'text',
      'unfurl_links',
      'unfurl_media',
    ]);
    // One section, no actions block: no buttons.
    expect(JSON.stringify(posts[0]?.body['blocks'])).not.toContain('button');
    expect(posts[0]?.body['text']).toBe(
      'Alice Requester requests PowerUser in 111111111111 and is waiting for a review. <https://elevate.example.com/requests/req-1?decide=1|Open in Elevate>',
    );
  });

  it('escapes mrkdwn control characters so user text cannot forge links or mentions', async () => {
    const { posts, fetcher } = capture();
    const hostile = {
      ...pendingSandbox(),
      requester: {
        sub: 's',
        email: 'e@example.com',
        name: '<!channel> & <https://evil.example|click>',
      },
    };
    await new SlackWebhookChannel({
      webhookUrl: 'https://hooks.slack.test/T/B/x',
      fetch: fetcher,
    }).deliver(messageOf(hostile));
    const text = String(posts[0]?.body['text']);
    expect(text).toContain('&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;');
    expect(text.match(/</gu)).toHaveLength(1);
    expect(posts[0]?.body['blocks']).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text, verbatim: true } },
    ]);
  });

  it('fails with the status only when the webhook refuses, never the secret URL', async () => {
    const { fetcher } = capture(500);
    const channel = new SlackWebhookChannel({
      webhookUrl: 'https://hooks.slack.test/T/B/very-secret',
      fetch: fetcher,
    });
    await expect(channel.deliver(messageOf(pendingSandbox()))).rejects.toThrow(
      /^Slack webhook answered 500$/u,
    );
  });
});
