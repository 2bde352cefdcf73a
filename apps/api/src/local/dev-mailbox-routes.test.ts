import { DevMailbox } from '@elevate/adapters';
import { audiencesFor, composeNotification, deriveNotificationEvents } from '@elevate/domain';
import { describe, expect, it } from 'vitest';
import { alice, pendingSandbox, rita } from '@elevate/testing';
import { devMailboxRoutes } from './dev-mailbox-routes';

const owners = [
  {
    address: 'rita@example.com',
    label: 'Rita Reviewer <rita@example.com>',
    description: 'reviewer',
  },
  { address: 'group:reviewers', label: 'group reviewers', description: 'the group' },
];

const mailboxWithNewRequest = async (name = alice.name) => {
  const mailbox = new DevMailbox({});
  const request = { ...pendingSandbox(), requester: { ...alice, name } };
  for (const event of deriveNotificationEvents(undefined, request)) {
    for (const audience of audiencesFor(event))
      await mailbox.deliver(
        composeNotification(event, audience, { appUrl: 'http://127.0.0.1:5173' }),
        { sub: rita.sub, email: rita.email, name: rita.name },
      );
  }
  return mailbox;
};

describe('dev mailbox pages', () => {
  it('lists the mailboxes with their message counts', async () => {
    const app = devMailboxRoutes(await mailboxWithNewRequest(), owners);
    const body = await (await app.request('/')).text();
    expect(body).toContain('<h1>Dev mailbox</h1>');
    expect(body).toMatch(
      /<a href="\/dev\/mailbox\/rita%40example.com">Rita Reviewer &lt;rita@example.com&gt;<\/a> —\s*reviewer \(1\)/u,
    );
  });

  it('shows a reviewer persona the new request as the rendered e-mail, linking to its decision dialog', async () => {
    const app = devMailboxRoutes(await mailboxWithNewRequest(), owners);
    const response = await app.request('/rita%40example.com');
    expect(response.headers.get('content-type')).toContain('text/html');
    const body = await response.text();
    expect(body).toContain('<h1>Mailbox of Rita Reviewer &lt;rita@example.com&gt;</h1>');
    expect(body).toMatch(
      /<h2 id="m-[\w-]+">\[Elevate\] Review: Alice Requester requests PowerUser in 111111111111<\/h2>/u,
    );
    expect(body).toContain(
      '<a href="http://127.0.0.1:5173/requests/req-1?decide=1">Open in Elevate</a>',
    );
    // The e-mail's HTML, escaped into a sandboxed frame's srcdoc, its button targeting the whole tab.
    expect(body).toMatch(/<iframe[^>]+sandbox="allow-top-navigation-by-user-activation"/u);
    expect(body).toContain('&lt;base target=&quot;_top&quot;&gt;');
    expect(body).toContain('href=&quot;http://127.0.0.1:5173/requests/req-1?decide=1&quot;');
  });

  it('escapes what people typed', async () => {
    const app = devMailboxRoutes(
      await mailboxWithNewRequest('<img src=x onerror=alert(1)>'),
      owners,
    );
    const body = await (await app.request('/group:reviewers')).text();
    expect(body).not.toContain('<img');
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
