import { describe, expect, it } from 'vitest';
import { alice, pendingSandbox } from '../testing/fixtures';
import { audiencesFor } from './audience';
import { composeNotification } from './compose-notification';
import type { NotificationEvent } from './notification-event';
import { NOTIFICATION_EVENT_TYPES } from './notification-event';
import { renderSlackMessage, renderTeamsCard, teamsWebhookPayload } from './render-chat';
import { renderEmail } from './render-email';

/** What must never appear in a message: key ids, secrets, session tokens, JWTs, console sign-in URLs. */
const FORBIDDEN: readonly RegExp[] = [
  /\b(?:AS|AK)IA[A-Z0-9]{16}\b/u,
  /secretaccesskey|sessiontoken|aws_session_token|x-amz-security-token/iu,
  /\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/u,
  /signin\.aws\.amazon\.com|SigninToken|getSigninToken|Action=login/iu,
  /access_token|id_token|refresh_token/iu,
];

const request = pendingSandbox(alice, {
  justification: 'Investigating <b>INC-42</b> & "quotes"; see the runbook',
  ticket: 'INC-42',
});

const allRendered = (): { name: string; output: string }[] =>
  NOTIFICATION_EVENT_TYPES.flatMap((type) => {
    const cause = request.history.at(-1);
    if (cause === undefined) throw new Error('no history');
    const event: NotificationEvent = { type, request, cause, version: request.version };
    return audiencesFor(event).flatMap((audience) => {
      const message = composeNotification(event, audience, {
        appUrl: 'https://elevate.example.com',
        account: { name: 'Sandbox', tags: { environment: 'dev' } },
      });
      const email = renderEmail(message);
      const name = `${type} → ${audience.kind}`;
      return [
        { name: `${name} (subject)`, output: email.subject },
        { name: `${name} (text)`, output: email.text },
        { name: `${name} (html)`, output: email.html },
        { name: `${name} (slack)`, output: JSON.stringify(renderSlackMessage(message)) },
        {
          name: `${name} (teams)`,
          output: JSON.stringify(teamsWebhookPayload(renderTeamsCard(message))),
        },
      ];
    });
  });

describe('every rendered message', () => {
  const rendered = allRendered();

  it('covers every event type in every rendering', () => {
    expect(rendered.length).toBeGreaterThanOrEqual(NOTIFICATION_EVENT_TYPES.length * 5);
  });

  it.each(FORBIDDEN.map((pattern) => [String(pattern)]))(
    'holds no credential, token or sign-in URL matching %s',
    (source) => {
      const pattern = FORBIDDEN.find((candidate) => String(candidate) === source);
      const hits = rendered.filter(({ output }) => pattern?.test(output) === true);
      expect(hits.map(({ name }) => name)).toEqual([]);
    },
  );

  it('links only to the Elevate request page', () => {
    for (const { output } of rendered) {
      const urls = output.match(/https?:\/\/[^\s"'<>|)\\]+/gu) ?? [];
      for (const url of urls.filter((candidate) => !candidate.includes('adaptivecards.io/schemas')))
        expect(url).toMatch(
          /^https:\/\/elevate\.example\.com\/requests\/[\w-]+(?:\?decide=(?:1|reject))?$/u,
        );
    }
  });

  it('escapes request text in HTML and Slack', () => {
    const html = rendered.find(({ name }) => name.endsWith('(html)'))?.output ?? '';
    expect(html).toContain('&lt;b&gt;INC-42&lt;/b&gt; &amp; &quot;quotes&quot;');
    expect(html).not.toContain('<b>INC-42');
    const slack = rendered.find(({ name }) => name.endsWith('(slack)'))?.output ?? '';
    expect(slack).toContain('&lt;b&gt;INC-42&lt;/b&gt; &amp;');
  });
});
