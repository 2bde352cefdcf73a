import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  MalformedPolicyDocumentException,
  RegionDisabledException,
  STSClient,
  STSServiceException,
  type Credentials,
} from '@aws-sdk/client-sts';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStsEmulator, type StsEmulator } from './index';
import { admin, broker, outsider, targetRoles } from './testing/fixtures';

const readOnly = 'arn:aws:iam::111111111111:role/ReadOnly';
let emulator: StsEmulator;
let offsetMs = 0;
const logs: string[] = [];
const secrets: string[] = [
  broker.secretAccessKey,
  outsider.secretAccessKey,
  broker.accessKeyId,
  outsider.accessKeyId,
];

function client(
  region: string,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
): STSClient {
  return new STSClient({
    region,
    endpoint: emulator.endpoints[region],
    credentials,
    maxAttempts: 1,
    // Sign with the emulator's clock, as a well-synchronised client would.
    systemClockOffset: offsetMs,
  });
}

function keysOf(credentials: Credentials | undefined): {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
} {
  const { AccessKeyId, SecretAccessKey, SessionToken } = credentials ?? {};
  if (!AccessKeyId || !SecretAccessKey || !SessionToken)
    throw new Error('AssumeRole returned no credentials');
  secrets.push(AccessKeyId, SecretAccessKey, SessionToken);
  return { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: SessionToken };
}

async function refusal(promise: Promise<unknown>): Promise<STSServiceException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof STSServiceException) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}

const brokerClient = () => client('eu-west-1', broker);
const assumeReadOnly = (extra: Partial<ConstructorParameters<typeof AssumeRoleCommand>[0]> = {}) =>
  brokerClient().send(
    new AssumeRoleCommand({
      RoleArn: readOnly,
      RoleSessionName: 'alice@example.com-ReadOnly',
      ...extra,
    }),
  );

beforeAll(async () => {
  emulator = await startStsEmulator({
    host: '127.0.0.1',
    basePort: 0,
    regions: ['eu-west-1', 'eu-central-1'],
    principals: [broker, outsider, admin],
    targetRoles,
    clock: () => new Date(Date.now() + offsetMs),
    log: (line) => logs.push(line),
  });
});

afterAll(async () => {
  await emulator.close();
});

describe('the STS emulator, called through @aws-sdk/client-sts', () => {
  it("vends AWS-shaped credentials to the broker's keys, expiring after DurationSeconds", async () => {
    const before = Date.now() + offsetMs;
    const result = await assumeReadOnly({
      SourceIdentity: 'alice@example.com',
      DurationSeconds: 900,
    });
    const { accessKeyId, secretAccessKey } = keysOf(result.Credentials);
    expect(accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(secretAccessKey).toHaveLength(40);
    expect(result.AssumedRoleUser?.Arn).toBe(
      'arn:aws:sts::111111111111:assumed-role/ReadOnly/alice@example.com-ReadOnly',
    );
    expect(result.AssumedRoleUser?.AssumedRoleId).toMatch(
      /^AROA[A-Z0-9]{17}:alice@example\.com-ReadOnly$/,
    );
    expect(result.SourceIdentity).toBe('alice@example.com');
    const expiresInSeconds = ((result.Credentials?.Expiration?.getTime() ?? 0) - before) / 1000;
    expect(expiresInSeconds).toBeGreaterThan(898);
    expect(expiresInSeconds).toBeLessThanOrEqual(901);
  });

  it('answers GetCallerIdentity signed with vended credentials, in another region, with the assumed-role ARN', async () => {
    const keys = keysOf((await assumeReadOnly()).Credentials);
    const identity = await client('eu-central-1', keys).send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({
      Arn: 'arn:aws:sts::111111111111:assumed-role/ReadOnly/alice@example.com-ReadOnly',
      Account: '111111111111',
    });
    expect(identity.UserId).toMatch(/^AROA[A-Z0-9]{17}:alice@example\.com-ReadOnly$/);
  });

  it('reports the packed size only when session tags or a policy were passed', async () => {
    expect((await assumeReadOnly()).PackedPolicySize).toBeUndefined();
    const tagged = await assumeReadOnly({
      Tags: [{ Key: 'elevate:request', Value: 'r-1' }],
      TransitiveTagKeys: ['elevate:request'],
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }],
      }),
      PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
    });
    expect(tagged.PackedPolicySize).toBeGreaterThan(0);
  });

  it('refuses a request whose body was changed after signing (SignatureDoesNotMatch)', async () => {
    const tampering = brokerClient();
    tampering.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { body?: unknown };
        // Same length, so Content-Length still holds and only the signature can object.
        if (typeof request.body === 'string') request.body = request.body.replace('alice', 'bobby');
        return next(args);
      },
      // Low priority in finalizeRequest runs after the SDK has signed.
      { step: 'finalizeRequest', priority: 'low', name: 'tamperAfterSigning' },
    );
    const error = await refusal(
      tampering.send(new AssumeRoleCommand({ RoleArn: readOnly, RoleSessionName: 'alice' })),
    );
    expect(error.name).toBe('SignatureDoesNotMatch');
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it('refuses a wrong secret (SignatureDoesNotMatch) and an unknown key (InvalidClientTokenId)', async () => {
    const wrongSecret = await refusal(
      client('eu-west-1', {
        accessKeyId: broker.accessKeyId,
        secretAccessKey: 'not-the-secret',
      }).send(new GetCallerIdentityCommand({})),
    );
    expect(wrongSecret.name).toBe('SignatureDoesNotMatch');
    const unknown = await refusal(
      client('eu-west-1', {
        accessKeyId: 'AKIDNOBODYKNOWSTHIS1',
        secretAccessKey: 'x'.repeat(40),
      }).send(new GetCallerIdentityCommand({})),
    );
    expect(unknown.name).toBe('InvalidClientTokenId');
    expect(unknown.message).toBe('The security token included in the request is invalid.');
    expect(unknown.$metadata.httpStatusCode).toBe(403);
  });

  it('refuses vended credentials without their session token, or with another one (InvalidClientTokenId)', async () => {
    const keys = keysOf((await assumeReadOnly()).Credentials);
    const other = keysOf((await assumeReadOnly()).Credentials);
    const missing = await refusal(
      client('eu-west-1', {
        accessKeyId: keys.accessKeyId,
        secretAccessKey: keys.secretAccessKey,
      }).send(new GetCallerIdentityCommand({})),
    );
    expect(missing.name).toBe('InvalidClientTokenId');
    const mismatched = await refusal(
      client('eu-west-1', { ...keys, sessionToken: other.sessionToken }).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    expect(mismatched.name).toBe('InvalidClientTokenId');
  });

  it('refuses vended credentials once they expire (ExpiredToken)', async () => {
    const keys = keysOf((await assumeReadOnly({ DurationSeconds: 900 })).Credentials);
    const start = offsetMs;
    try {
      offsetMs = start + 899_000;
      await expect(
        client('eu-west-1', keys).send(new GetCallerIdentityCommand({})),
      ).resolves.toBeDefined();
      offsetMs = start + 901_000;
      const error = await refusal(client('eu-west-1', keys).send(new GetCallerIdentityCommand({})));
      expect(error.name).toBe('ExpiredToken');
      expect(error.message).toBe('The security token included in the request is expired');
    } finally {
      offsetMs = start;
    }
  });

  it('refuses a request signed more than 15 minutes away from its clock', async () => {
    const skewed = new STSClient({
      region: 'eu-west-1',
      endpoint: emulator.endpoints['eu-west-1'],
      credentials: broker,
      maxAttempts: 1,
      systemClockOffset: offsetMs - 16 * 60_000,
    });
    const error = await refusal(skewed.send(new GetCallerIdentityCommand({})));
    expect(error.name).toBe('SignatureDoesNotMatch');
    expect(error.message).toMatch(/^Signature expired/);
  });

  it("refuses a request signed for another region than the listener's", async () => {
    const misdirected = new STSClient({
      region: 'eu-central-1',
      endpoint: emulator.endpoints['eu-west-1'],
      credentials: broker,
      maxAttempts: 1,
    });
    const error = await refusal(misdirected.send(new GetCallerIdentityCommand({})));
    expect(error.name).toBe('SignatureDoesNotMatch');
    expect(error.message).toContain('Credential should be scoped to a valid region');
  });

  it('refuses a principal the role does not trust (AccessDenied)', async () => {
    const error = await refusal(
      client('eu-west-1', outsider).send(
        new AssumeRoleCommand({ RoleArn: readOnly, RoleSessionName: 'outsider' }),
      ),
    );
    expect(error.name).toBe('AccessDenied');
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toBe(
      `User: ${outsider.arn} is not authorized to perform: sts:AssumeRole on resource: ${readOnly}`,
    );
  });

  it('caps role chaining at one hour: DurationSeconds 7200 from the broker is a ValidationError', async () => {
    const longRole = 'arn:aws:iam::111111111111:role/LongAdmin';
    const error = await refusal(
      brokerClient().send(
        new AssumeRoleCommand({
          RoleArn: longRole,
          RoleSessionName: 'alice',
          DurationSeconds: 7200,
        }),
      ),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
    const notChained = await client('eu-west-1', admin).send(
      new AssumeRoleCommand({ RoleArn: longRole, RoleSessionName: 'admin', DurationSeconds: 7200 }),
    );
    keysOf(notChained.Credentials);
    expect(notChained.AssumedRoleUser?.Arn).toBe(
      'arn:aws:sts::111111111111:assumed-role/LongAdmin/admin',
    );
  });

  it('parses policy errors into the typed SDK exception', async () => {
    const error = await refusal(assumeReadOnly({ Policy: '{"Statement": [' }));
    expect(error).toBeInstanceOf(MalformedPolicyDocumentException);
  });

  it('answers RegionDisabledException for a region switched off, and recovers when switched on', async () => {
    emulator.setRegionDisabled('eu-central-1', true);
    try {
      const error = await refusal(
        client('eu-central-1', broker).send(new GetCallerIdentityCommand({})),
      );
      expect(error).toBeInstanceOf(RegionDisabledException);
    } finally {
      emulator.setRegionDisabled('eu-central-1', false);
    }
    await expect(
      client('eu-central-1', broker).send(new GetCallerIdentityCommand({})),
    ).resolves.toBeDefined();
  });

  it("answers unsigned calls with AWS's XML error document", async () => {
    const endpoint = emulator.endpoints['eu-west-1'] ?? '';
    const response = await fetch(`${endpoint}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(response.status).toBe(403);
    const xml: unknown = new XMLParser().parse(await response.text());
    expect(xml).toMatchObject({
      ErrorResponse: {
        Error: {
          Type: 'Sender',
          Code: 'MissingAuthenticationToken',
          Message: 'Request is missing Authentication Token',
        },
        RequestId: response.headers.get('x-amzn-requestid'),
      },
    });
  });

  it('logs one line per call with action, caller, outcome and code, and never a key, secret or token', () => {
    expect(logs.length).toBeGreaterThan(10);
    expect(logs).toContain(
      logs.find((l) =>
        /action=AssumeRole caller=arn:aws:iam::888888888888:user\/outsider .*outcome=refused code=AccessDenied/.test(
          l,
        ),
      ),
    );
    for (const secret of secrets) {
      expect(logs.filter((line) => line.includes(secret))).toEqual([]);
    }
  });
});

describe('a regional outage', () => {
  it('stops one region while the others keep answering', async () => {
    const local = await startStsEmulator({
      host: '127.0.0.1',
      basePort: 0,
      regions: ['eu-west-1', 'eu-central-1'],
      principals: [broker],
      targetRoles,
    });
    try {
      const at = (region: string) =>
        new STSClient({
          region,
          endpoint: local.endpoints[region],
          credentials: broker,
          maxAttempts: 1,
        }).send(new GetCallerIdentityCommand({}));
      await expect(at('eu-central-1')).resolves.toBeDefined();
      await local.stopRegion('eu-central-1');
      await expect(at('eu-central-1')).rejects.toThrow(/ECONNREFUSED/);
      await expect(at('eu-west-1')).resolves.toMatchObject({ Arn: broker.arn });
    } finally {
      await local.close();
    }
  });
});
