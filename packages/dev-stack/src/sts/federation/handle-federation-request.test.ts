import { AssumeRoleCommand, STSClient, type AssumeRoleCommandInput } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStsEmulator, type StsEmulator } from '../index';
import { admin, broker, targetRoles } from '../testing/fixtures';

let emulator: StsEmulator;
let offsetMs = 0;
const logs: string[] = [];
const secrets: string[] = [];

interface SessionKeys {
  sessionId: string;
  sessionKey: string;
  sessionToken: string;
}

async function assume(
  principal: typeof broker,
  input: Partial<AssumeRoleCommandInput> = {},
): Promise<SessionKeys> {
  const sts = new STSClient({
    region: 'eu-west-1',
    endpoint: emulator.endpoints['eu-west-1'],
    credentials: principal,
    maxAttempts: 1,
    systemClockOffset: offsetMs,
  });
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({
      RoleArn: 'arn:aws:iam::111111111111:role/ReadOnly',
      RoleSessionName: 'alice@example.com-ReadOnly',
      ...input,
    }),
  );
  const keys = {
    sessionId: Credentials?.AccessKeyId ?? '',
    sessionKey: Credentials?.SecretAccessKey ?? '',
    sessionToken: Credentials?.SessionToken ?? '',
  };
  secrets.push(keys.sessionId, keys.sessionKey, keys.sessionToken);
  return keys;
}

async function getSigninToken(session: unknown, extra = ''): Promise<Response> {
  const url = `${emulator.federationEndpoint}?Action=getSigninToken${extra}&Session=${encodeURIComponent(JSON.stringify(session))}`;
  return fetch(url);
}

async function signinToken(session: SessionKeys): Promise<string> {
  const response = await getSigninToken(session);
  expect(response.status).toBe(200);
  const { SigninToken } = (await response.json()) as { SigninToken: string };
  secrets.push(SigninToken);
  return SigninToken;
}

function login(
  token: string,
  destination = 'https://console.aws.amazon.com/s3/home',
  issuer = 'http://127.0.0.1:5173/requests/r-1',
): Promise<Response> {
  const query = new URLSearchParams({
    Action: 'login',
    Issuer: issuer,
    Destination: destination,
    SigninToken: token,
  });
  return fetch(`${emulator.federationEndpoint}?${query.toString()}`, { redirect: 'manual' });
}

async function errorCode(response: Response): Promise<string | undefined> {
  const body = (await response.json()) as { Error?: { Code?: string } };
  return body.Error?.Code;
}

/** The value cell of a row on the console page, found the way a screen reader finds it. */
function field(html: string, label: string): string | undefined {
  const id = /<th scope="row" id="([^"]+)">([^<]+)<\/th>/g;
  for (const m of html.matchAll(id)) {
    if (m[2] === label)
      return new RegExp(`<td aria-labelledby="${m[1]}">([^<]*)</td>`).exec(html)?.[1];
  }
  return undefined;
}

beforeAll(async () => {
  emulator = await startStsEmulator({
    host: '127.0.0.1',
    basePort: 0,
    regions: ['eu-west-1', 'eu-central-1'],
    principals: [broker, admin],
    targetRoles,
    clock: () => new Date(Date.now() + offsetMs),
    log: (line) => logs.push(line),
  });
});

afterAll(async () => {
  await emulator.close();
});

describe('the federation endpoint', () => {
  it('takes getSigninToken as a POSTed form (as AWS does) as well as a GET', async () => {
    const session = await assume(broker);
    const posted = await fetch(emulator.federationEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        Action: 'getSigninToken',
        Session: JSON.stringify(session),
      }).toString(),
    });
    expect(posted.status).toBe(200);
    const { SigninToken } = (await posted.json()) as { SigninToken: string };
    secrets.push(SigninToken);
    expect((await login(SigninToken)).status).toBe(302);
    expect((await getSigninToken(session)).status).toBe(200);
  });

  it('serves getSigninToken on the first region only', async () => {
    expect(emulator.federationEndpoint).toBe(`${emulator.endpoints['eu-west-1']}/federation`);
    const elsewhere = await fetch(
      `${emulator.endpoints['eu-central-1']}/federation?Action=getSigninToken`,
    );
    expect(elsewhere.status).toBe(404);
  });

  it("refuses SessionDuration for the broker's role-chained credentials, and issues a token without it", async () => {
    const session = await assume(broker);
    const refused = await getSigninToken(session, '&SessionDuration=3600');
    expect(refused.status).toBe(400);
    expect(await errorCode(refused)).toBe('SessionDurationNotAllowed');
    expect(await signinToken(session)).toMatch(/^[A-Za-z0-9_-]{100,}$/);
  });

  it('accepts SessionDuration 900–43200 for credentials that are not role-chained', async () => {
    const session = await assume(admin);
    expect((await getSigninToken(session, '&SessionDuration=43200')).status).toBe(200);
    const tooShort = await getSigninToken(session, '&SessionDuration=600');
    expect(tooShort.status).toBe(400);
    expect(await errorCode(tooShort)).toBe('InvalidSessionDuration');
  });

  it('refuses a Session missing a field, with unknown or mismatched credentials, or with expired ones', async () => {
    const session = await assume(broker, { DurationSeconds: 900 });
    expect(
      await errorCode(
        await getSigninToken({ sessionId: session.sessionId, sessionKey: session.sessionKey }),
      ),
    ).toBe('InvalidSession');
    expect(await errorCode(await getSigninToken({ ...session, sessionKey: 'x'.repeat(40) }))).toBe(
      'InvalidCredentials',
    );
    expect(
      await errorCode(await getSigninToken({ ...session, sessionId: 'ASIA' + 'X'.repeat(16) })),
    ).toBe('InvalidCredentials');
    const start = offsetMs;
    offsetMs = start + 901_000;
    try {
      expect(await errorCode(await getSigninToken(session))).toBe('ExpiredCredentials');
    } finally {
      offsetMs = start;
    }
  });
});

describe('Action=login and the console page', () => {
  it('redirects to the console page, which shows the session as the console would', async () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }],
    };
    const session = await assume(broker, {
      SourceIdentity: 'alice@example.com',
      Tags: [
        { Key: 'elevate:request', Value: 'r-42' },
        { Key: 'elevate:requester', Value: 'alice@example.com' },
      ],
      TransitiveTagKeys: ['elevate:request'],
      Policy: JSON.stringify(policy),
    });
    const redirect = await login(await signinToken(session));
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get('location') ?? '';
    expect(location.startsWith(`${emulator.consoleUrl}?session=`)).toBe(true);

    const page = await fetch(location);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<title>AWS console (Elevate emulator)</title>');
    expect(field(html, 'Account')).toBe('111111111111');
    expect(field(html, 'Role')).toBe('ReadOnly');
    expect(field(html, 'Assumed-role ARN')).toBe(
      'arn:aws:sts::111111111111:assumed-role/ReadOnly/alice@example.com-ReadOnly',
    );
    expect(field(html, 'Session name')).toBe('alice@example.com-ReadOnly');
    expect(field(html, 'Source identity')).toBe('alice@example.com');
    expect(field(html, 'Credential expiry')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(field(html, 'Destination')).toBe('https://console.aws.amazon.com/s3/home');
    expect(field(html, 'Issuer')).toBe('http://127.0.0.1:5173/requests/r-1');
    expect(html).toContain('<h2 id="tags-heading">Session tags</h2>');
    expect(html).toContain('<tr><td>elevate:request</td><td>r-42</td><td>yes</td></tr>');
    expect(html).toContain(
      '<tr><td>elevate:requester</td><td>alice@example.com</td><td>no</td></tr>',
    );
    expect(html).toContain(
      `<pre aria-labelledby="policy-heading">${JSON.stringify(policy, null, 2).replace(/"/g, '&quot;')}</pre>`,
    );
  });

  it('accepts a sign-in token once: a replay gets an error page', async () => {
    const token = await signinToken(await assume(broker));
    expect((await login(token)).status).toBe(302);
    const replay = await login(token);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('This sign-in link has already been used.');
  });

  it('accepts a sign-in token for 15 minutes and refuses it after', async () => {
    const session = await assume(broker);
    const fresh = await signinToken(session);
    const stale = await signinToken(session);
    const start = offsetMs;
    try {
      offsetMs = start + 14 * 60_000;
      expect((await login(fresh)).status).toBe(302);
      offsetMs = start + 15 * 60_000 + 1000;
      const expired = await login(stale);
      expect(expired.status).toBe(400);
      expect(await expired.text()).toContain('This sign-in link has expired');
    } finally {
      offsetMs = start;
    }
  });

  it('refuses an unknown token and a Destination that is not an http(s) URL', async () => {
    const unknown = await login('not-a-token');
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('The sign-in token is not valid.');
    expect(
      (await login(await signinToken(await assume(broker)), 'javascript:alert(1)')).status,
    ).toBe(400);
  });

  it('escapes what the caller sent before showing it', async () => {
    const token = await signinToken(await assume(broker));
    const location =
      (
        await login(token, 'https://console.aws.amazon.com/?q=<script>alert(1)</script>')
      ).headers.get('location') ?? '';
    const html = await (await fetch(location)).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('answers an unknown console session with 404', async () => {
    expect((await fetch(`${emulator.consoleUrl}?session=nope`)).status).toBe(404);
  });

  it('never logs credentials, sign-in tokens or the URLs carrying them', () => {
    expect(
      logs.some((l) => l.startsWith('federation action=login') && l.includes('outcome=ok')),
    ).toBe(true);
    expect(logs).toContain(
      'federation action=getSigninToken caller=arn:aws:sts::111111111111:assumed-role/ReadOnly/alice@example.com-ReadOnly outcome=refused code=SessionDurationNotAllowed',
    );
    expect(secrets.length).toBeGreaterThan(10);
    for (const secret of secrets.filter((s) => s.length > 0)) {
      expect(logs.filter((line) => line.includes(secret))).toEqual([]);
    }
    expect(logs.filter((line) => /SigninToken=|session=|Session=/.test(line))).toEqual([]);
  });
});
