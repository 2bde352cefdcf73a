import type { IssuedCredentials } from '@elevate/domain';
import {
  ConsoleSignInError,
  roleSessionNameFor,
  sessionTagsFor,
  sourceIdentityFor,
} from '@elevate/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StsCredentialIssuer } from '../sts/sts-credential-issuer';
import {
  devSts,
  principalKeys,
  startLocalSts,
  startSilentEndpoint,
} from '../sts/testing/local-sts';
import { AwsFederationSignIn } from './aws-federation-sign-in';

const ISSUER = 'http://127.0.0.1:5173/';
const alice = { email: 'alice@example.com' };
const [PRIMARY = 'eu-west-1', SECONDARY = 'eu-central-1'] = devSts().regions;

const signInError = async (promise: Promise<unknown>): Promise<ConsoleSignInError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConsoleSignInError) return error;
    throw error;
  }
  throw new Error('expected a ConsoleSignInError');
};

describe('AwsFederationSignIn against the emulator’s federation endpoint', () => {
  const logLines: string[] = [];
  let emulator: Awaited<ReturnType<typeof startLocalSts>>;
  let issued: IssuedCredentials;
  const requested: string[] = [];
  const requests: { url: string; method: string; contentType: string; body: string }[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    requested.push(String(input));
    requests.push({
      url: String(input),
      method: init?.method ?? 'GET',
      contentType: new Headers(init?.headers).get('content-type') ?? '',
      body: typeof init?.body === 'string' ? init.body : '',
    });
    return fetch(input, init);
  };

  beforeAll(async () => {
    emulator = await startLocalSts((line) => logLines.push(line));
    const issuer = new StsCredentialIssuer({
      regions: [PRIMARY, SECONDARY],
      endpoints: emulator.endpoints,
      credentials: principalKeys('broker'),
    });
    issued = await issuer.issue({
      roleArn: 'arn:aws:iam::333333333333:role/Administrator',
      roleSessionName: roleSessionNameFor(alice, 'Administrator'),
      sourceIdentity: sourceIdentityFor(alice),
      tags: sessionTagsFor({ id: 'req-42', ticket: 'OPS-1234' }, alice),
      durationSeconds: 900,
    });
    issuer.destroy();
  });
  afterAll(async () => {
    await emulator.close();
  });

  const signIn = () =>
    new AwsFederationSignIn({
      issuer: ISSUER,
      federationEndpoint: emulator.federationEndpoint,
      fetch: recordingFetch,
    });

  it('builds a login URL that lands on the console as the person, with source identity and request tag', async () => {
    const url = await signIn().signInUrl({ credentials: issued, region: 'eu-central-1' });
    const login = new URL(url);
    expect(`${login.origin}${login.pathname}`).toBe(emulator.federationEndpoint);
    expect(login.searchParams.get('Action')).toBe('login');
    expect(login.searchParams.get('Issuer')).toBe(ISSUER);
    expect(login.searchParams.get('Destination')).toBe(
      'https://eu-central-1.console.aws.amazon.com/console/home?region=eu-central-1',
    );

    const redirect = await fetch(url, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get('location') ?? '';
    expect(location.startsWith(emulator.consoleUrl)).toBe(true);
    const page = await (await fetch(location)).text();
    expect(page).toContain('alice@example.com-Administrator');
    expect(page).toContain(
      'arn:aws:sts::333333333333:assumed-role/Administrator/alice@example.com-Administrator',
    );
    expect(page).toMatch(/Source identity<\/th><td[^>]*>alice@example\.com</);
    expect(page).toMatch(/elevate:request-id<\/td><td>req-42</);
    expect(page).toMatch(/elevate:ticket<\/td><td>OPS-1234</);
  });

  it('opens a validated deep link', async () => {
    const url = await signIn().signInUrl({
      credentials: issued,
      region: 'eu-west-1',
      destination: '/s3/home?region=eu-west-1',
    });
    expect(new URL(url).searchParams.get('Destination')).toBe(
      'https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1',
    );
  });

  it('POSTs the session as a form, never in the URL, and without SessionDuration (role-chained)', async () => {
    requests.length = 0;
    await signIn().signInUrl({ credentials: issued, region: 'eu-west-1' });
    const [call] = requests;
    expect(call?.method).toBe('POST');
    expect(call?.url).toBe(emulator.federationEndpoint);
    for (const secret of [issued.accessKeyId, issued.secretAccessKey, issued.sessionToken])
      expect(call?.url).not.toContain(encodeURIComponent(secret));
    expect(call?.contentType).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(call?.body);
    expect(form.get('Action')).toBe('getSigninToken');
    expect(form.has('SessionDuration')).toBe(false);
    expect(JSON.parse(form.get('Session') ?? '{}')).toEqual({
      sessionId: issued.accessKeyId,
      sessionKey: issued.secretAccessKey,
      sessionToken: issued.sessionToken,
    });
  });

  it('reports refused credentials without repeating them', async () => {
    const forged = { ...issued, secretAccessKey: `${issued.secretAccessKey}x` };
    const error = await signInError(
      signIn().signInUrl({ credentials: forged, region: 'eu-west-1' }),
    );
    expect(error.failure).toBe('refused');
    expect(error.message).toContain('InvalidCredentials');
    expect(`${error.message}${JSON.stringify(error)}`).not.toContain(issued.sessionToken);
  });

  it('refuses a destination off the AWS console before calling the endpoint', async () => {
    requested.length = 0;
    const error = await signInError(
      signIn().signInUrl({
        credentials: issued,
        region: 'eu-west-1',
        destination: 'https://evil.example/',
      }),
    );
    expect(error.failure).toBe('refused');
    expect(requested).toHaveLength(0);
  });

  it('gives up on an endpoint that does not answer, within its timeout', async () => {
    const silent = await startSilentEndpoint();
    const started = performance.now();
    const error = await signInError(
      new AwsFederationSignIn({
        issuer: ISSUER,
        federationEndpoint: `${silent.url}/federation`,
        timeoutMs: 300,
      }).signInUrl({ credentials: issued, region: 'eu-west-1' }),
    );
    await silent.close();
    expect(error.failure).toBe('unavailable');
    expect(performance.now() - started).toBeLessThan(1500);
    expect(error.message).not.toContain(issued.sessionToken);
  });

  it('never lets a secret, sign-in token or login URL reach the emulator’s log', async () => {
    const url = await signIn().signInUrl({ credentials: issued, region: 'eu-west-1' });
    await fetch(url, { redirect: 'manual' });
    const token = new URL(url).searchParams.get('SigninToken') ?? '';
    const log = logLines.join('\n');
    expect(token.length).toBeGreaterThan(10);
    for (const secret of [issued.secretAccessKey, issued.sessionToken, token, url])
      expect(log).not.toContain(secret);
  });
});
