import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  cliSessionResponseSchema,
  consoleSessionResponseSchema,
  defaultProfileName,
  federateBodySchema,
  federateResponseSchema,
  quoteForShell,
  renderCliCredentials,
  sessionRecordViewSchema,
} from './federation';

// Fake credentials shaped like STS's, built at runtime so no literal looks like a real key.
const fakeKeyId = ['AS', 'IA', 'FAKE', '0'.repeat(12)].join('');
const fakeSecret = ['fake', 'Secret', '/+', 'x'.repeat(30)].join('');
const fakeToken = `IQoJb3JpZ2luX2VjEFAKE${'Q'.repeat(40)}==`;
const credentials = {
  accessKeyId: fakeKeyId,
  secretAccessKey: fakeSecret,
  sessionToken: fakeToken,
  expiration: '2025-03-03T10:00:00Z',
};

describe('federateBodySchema', () => {
  const parse = (body: unknown) => federateBodySchema.safeParse(body);

  it('accepts a console or CLI session with an optional region', () => {
    expect(parse({ kind: 'cli' }).success).toBe(true);
    expect(parse({ kind: 'console', region: 'eu-central-1' }).success).toBe(true);
    expect(parse({ kind: 'console', region: 'us-gov-west-1' }).success).toBe(true);
  });

  it('refuses unknown fields, kinds and regions', () => {
    expect(parse({ kind: 'cli', durationSeconds: 43200 }).success).toBe(false);
    expect(parse({ kind: 'ssh' }).success).toBe(false);
    expect(parse({ kind: 'cli', region: 'EU-WEST-1' }).success).toBe(false);
    expect(parse({ kind: 'cli', region: 'eu-west-1; rm -rf' }).success).toBe(false);
  });

  it.each([
    '/s3/home?region=eu-west-1',
    '/cloudwatch/home?region=eu-west-1#logsV2:log-groups',
    'https://console.aws.amazon.com/ec2/home',
    'https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions',
  ])('accepts the console destination %s', (destination) => {
    expect(parse({ kind: 'console', destination }).success).toBe(true);
  });

  it.each([
    ['a protocol-relative URL', '//evil.example/path'],
    ['a backslash trick', '/\\evil.example'],
    ['another host', 'https://evil.example/console'],
    ['a look-alike host', 'https://console.aws.amazon.com.evil.example/'],
    ['credentials in the URL', 'https://user@console.aws.amazon.com/'],
    ['a host hidden behind credentials', 'https://console.aws.amazon.com@evil.example/'],
    ['plain http', 'http://console.aws.amazon.com/'],
    ['another port', 'https://console.aws.amazon.com:8443/'],
    ['a script URL', 'javascript:alert(1)'],
    ['a relative path', 's3/home'],
    ['spaces', '/s3/home?x=a b'],
    ['a newline', '/s3/home\nLocation: https://evil.example'],
    ['an overlong link', `/s3/${'a'.repeat(2048)}`],
  ])('refuses %s as a destination', (_label, destination) => {
    expect(parse({ kind: 'console', destination }).success).toBe(false);
  });

  it('refuses a destination on a CLI session', () => {
    expect(parse({ kind: 'cli', destination: '/s3/home' }).success).toBe(false);
  });
});

describe('federation responses', () => {
  it('reads console and CLI answers by kind', () => {
    const consoleAnswer = {
      kind: 'console',
      url: 'https://signin.aws.amazon.com/federation?Action=login',
      expiresAt: '2025-03-03T10:00:00Z',
    };
    const cliAnswer = {
      kind: 'cli',
      credentials,
      region: 'eu-west-1',
      expiresAt: '2025-03-03T10:00:00Z',
    };
    expect(federateResponseSchema.parse(consoleAnswer)).toEqual(
      consoleSessionResponseSchema.parse(consoleAnswer),
    );
    expect(federateResponseSchema.parse(cliAnswer)).toEqual(
      cliSessionResponseSchema.parse(cliAnswer),
    );
    expect(federateResponseSchema.safeParse({ ...cliAnswer, kind: 'console' }).success).toBe(false);
  });

  it('reads a session record for the audit timeline', () => {
    const record = {
      id: 's1',
      requestId: 'r1',
      kind: 'cli',
      roleArn: 'arn:aws:iam::111111111111:role/ReadOnly',
      accountId: '111111111111',
      accessKeyId: fakeKeyId,
      expiresAt: '2025-03-03T10:00:00Z',
      region: 'eu-central-1',
      sourceIp: '203.0.113.7',
      userAgent: 'Mozilla/5.0',
      issuedAt: '2025-03-03T09:00:00Z',
      issuedBy: { sub: 'alice', email: 'alice@example.com', name: 'Alice' },
    };
    expect(sessionRecordViewSchema.parse(record)).toEqual(record);
    expect(sessionRecordViewSchema.safeParse({ ...record, kind: 'ssh' }).success).toBe(false);
  });
});

describe('quoteForShell', () => {
  const nasty = `it's "$HOME" \`id\` \\ ; & | # * ~ ! % ‘x’`;

  it('quotes for POSIX shells by closing, escaping and reopening single quotes', () => {
    expect(quoteForShell('posix', "it's")).toBe(`'it'\\''s'`);
  });

  it.each(['bash', 'dash'])('round-trips every special character through %s', (shell) => {
    const out = execFileSync(shell, ['-c', `printf '%s' ${quoteForShell('posix', nasty)}`], {
      encoding: 'utf8',
    });
    expect(out).toBe(nasty);
  });

  it('escapes backslashes and single quotes for fish', () => {
    expect(quoteForShell('fish', `it's \\ $x`)).toBe(`'it\\'s \\\\ $x'`);
  });

  it('doubles straight and typographic single quotes for PowerShell', () => {
    expect(quoteForShell('powershell', "it's ‘x’ $Env:HOME")).toBe("'it''s ‘‘x’’ $Env:HOME'");
  });
});

describe('renderCliCredentials', () => {
  const formats = renderCliCredentials(credentials, 'eu-west-1', 'elevate-111111111111-ReadOnly');

  it('exports the keys, token and region for bash and zsh', () => {
    expect(formats.bash).toBe(
      `export AWS_ACCESS_KEY_ID='${fakeKeyId}'\nexport AWS_SECRET_ACCESS_KEY='${fakeSecret}'\nexport AWS_SESSION_TOKEN='${fakeToken}'\n` +
        `export AWS_REGION='eu-west-1'\nexport AWS_DEFAULT_REGION='eu-west-1'\n`,
    );
  });

  it('produces a bash snippet that sets exactly those values', () => {
    const out = execFileSync(
      'bash',
      [
        '-c',
        `${formats.bash}printf '%s\\n' "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" "$AWS_SESSION_TOKEN" "$AWS_REGION"`,
      ],
      {
        encoding: 'utf8',
        env: {},
      },
    );
    expect(out).toBe(`${fakeKeyId}\n${fakeSecret}\n${fakeToken}\neu-west-1\n`);
  });

  it('sets globally exported variables for fish', () => {
    expect(formats.fish.split('\n')[1]).toBe(`set -gx AWS_SECRET_ACCESS_KEY '${fakeSecret}'`);
  });

  it('sets $Env: variables for PowerShell', () => {
    expect(formats.powershell.split('\n')[2]).toBe(`$Env:AWS_SESSION_TOKEN = '${fakeToken}'`);
  });

  it('uses quoted set for Windows cmd, so & | < > ^ stay literal', () => {
    expect(formats.cmd.split('\n')[0]).toBe(`set "AWS_ACCESS_KEY_ID=${fakeKeyId}"`);
    const odd = renderCliCredentials(
      { ...credentials, sessionToken: 'a&b|c<d>e^f' },
      'eu-west-1',
      'p',
    );
    expect(odd.cmd.split('\n')[2]).toBe('set "AWS_SESSION_TOKEN=a&b|c<d>e^f"');
  });

  it('writes a credentials profile block and its config block', () => {
    expect(formats.credentialsFile).toBe(
      `[elevate-111111111111-ReadOnly]\naws_access_key_id = ${fakeKeyId}\naws_secret_access_key = ${fakeSecret}\naws_session_token = ${fakeToken}\n`,
    );
    expect(formats.configFile).toBe(
      '[profile elevate-111111111111-ReadOnly]\nregion = eu-west-1\n',
    );
    expect(renderCliCredentials(credentials, 'eu-west-1', 'default').configFile).toBe(
      '[default]\nregion = eu-west-1\n',
    );
  });

  it('prints credential_process JSON, Version 1', () => {
    expect(JSON.parse(formats.credentialProcess)).toEqual({
      Version: 1,
      AccessKeyId: fakeKeyId,
      SecretAccessKey: fakeSecret,
      SessionToken: fakeToken,
      Expiration: '2025-03-03T10:00:00Z',
    });
  });

  it.each([
    ['a newline in the token', { ...credentials, sessionToken: 'a\nexport X=1' }],
    ['a double quote (cmd cannot escape it)', { ...credentials, sessionToken: 'a"b' }],
    ['a percent sign (cmd expands it)', { ...credentials, sessionToken: '%PATH%' }],
    ['a leading # (an INI comment)', { ...credentials, secretAccessKey: '#secret' }],
    ['non-ASCII', { ...credentials, secretAccessKey: 'sécret' }],
  ])('refuses %s rather than render something that runs differently', (_label, odd) => {
    expect(() => renderCliCredentials(odd, 'eu-west-1', 'p')).toThrow(RangeError);
  });

  it('refuses a bad region or profile name', () => {
    expect(() => renderCliCredentials(credentials, 'eu-west-1"; rm -rf ~', 'p')).toThrow(
      RangeError,
    );
    expect(() => renderCliCredentials(credentials, 'eu-west-1', 'my profile]')).toThrow(RangeError);
  });

  it('suggests a valid profile name for any role', () => {
    expect(defaultProfileName('111111111111', 'ReadOnly')).toBe('elevate-111111111111-ReadOnly');
    expect(defaultProfileName('111111111111', 'a=b,c')).toBe('elevate-111111111111-a-b-c');
  });
});
