import { DevChatRoom } from '@elevate/adapters';
import { audiencesFor, composeNotification, deriveNotificationEvents } from '@elevate/domain';
import { describe, expect, it } from 'vitest';
import { alice, pendingSandbox } from '@elevate/testing';
import { devChatRoutes } from './dev-chat-routes';

describe('local chat page', () => {
  it('shows the Teams card from its TextRuns, request text escaped, and the button back to the SPA', async () => {
    const chat = new DevChatRoom({});
    const request = {
      ...pendingSandbox(alice),
      justification: '<img src=x onerror=alert(1)> [Approve](https://evil.example)',
    };
    for (const event of deriveNotificationEvents(undefined, request)) {
      const [audience] = audiencesFor(event);
      if (audience !== undefined)
        await chat.deliver(
          composeNotification(event, audience, { appUrl: 'http://127.0.0.1:5173' }),
        );
    }
    const page = await (await devChatRoutes(chat).request('/')).text();
    const teams = page.slice(page.indexOf('aria-label="Teams"'));
    expect(teams).toContain('<strong>Justification: </strong>');
    expect(teams).toContain('&lt;img src=x onerror=alert(1)&gt; [Approve](https://evil.example)');
    expect(teams).not.toContain('<img');
    expect(teams).toContain('href="http://127.0.0.1:5173/requests/req-1?decide=1"');
  });
});
