import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StsPrincipal } from '../../config/dev-config';
import { startStsEmulator, type StsEmulator } from '../index';
import { broker, targetRoles } from '../testing/fixtures';

const AWS_CLI = '/usr/bin/aws';
const run = promisify(execFile);

const revoker: StsPrincipal = {
  name: 'revoker',
  arn: 'arn:aws:sts::999999999999:assumed-role/elevate-revoker-fn/elevate-local',
  roleArn: 'arn:aws:iam::999999999999:role/elevate-revoker-fn',
  accessKeyId: 'AKIDTESTREVOKER00001',
  secretAccessKey: 'test-revoker-secret-for-unit-tests',
};

// What Elevate writes (packages/domain revocationPolicyOf), for request REQ1 until 2099.
const REVOCATION = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'RevokedREQ1',
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: {
        StringEquals: { 'aws:PrincipalTag/elevate:request-id': 'REQ1' },
        DateLessThan: { 'aws:CurrentTime': '2099-01-01T00:00:00Z' },
      },
    },
  ],
});
// What Elevate's session policy says when the rule does not allow role chaining.
const NO_CHAINING = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'WithinTheRole', Effect: 'Allow', Action: '*', Resource: '*' },
    {
      Sid: 'NoSessionsOutOfElevateSessions',
      Effect: 'Deny',
      Action: ['sts:AssumeRole*', 'sts:GetFederationToken'],
      Resource: '*',
    },
  ],
});

interface Keys {
  AWS_ACCESS_KEY_ID: string;
  AWS_SECRET_ACCESS_KEY: string;
  AWS_SESSION_TOKEN?: string;
}
interface Assumed {
  Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
}

let emulator: StsEmulator;
let home: string;

async function aws(args: string[], keys: Keys): Promise<unknown> {
  const { stdout } = await run(
    AWS_CLI,
    [
      ...args,
      '--endpoint-url',
      emulator.endpoints['eu-west-1'] ?? '',
      '--region',
      'eu-west-1',
      '--output',
      'json',
    ],
    {
      timeout: 30_000,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: home,
        AWS_CONFIG_FILE: join(home, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_PAGER: '',
        ...keys,
      },
    },
  );
  return stdout.trim() === '' ? {} : (JSON.parse(stdout) as unknown);
}

const keysOf = (assumed: Assumed): Keys => ({
  AWS_ACCESS_KEY_ID: assumed.Credentials.AccessKeyId,
  AWS_SECRET_ACCESS_KEY: assumed.Credentials.SecretAccessKey,
  AWS_SESSION_TOKEN: assumed.Credentials.SessionToken,
});
const principalKeys = (p: StsPrincipal): Keys => ({
  AWS_ACCESS_KEY_ID: p.accessKeyId,
  AWS_SECRET_ACCESS_KEY: p.secretAccessKey,
});

/** A brokered session for a request, as the federate function asks for it. */
const brokered = async (requestId: string, policy?: string): Promise<Assumed> =>
  (await aws(
    [
      'sts',
      'assume-role',
      '--role-arn',
      'arn:aws:iam::111111111111:role/ReadOnly',
      '--role-session-name',
      'alice@example.com-ReadOnly',
      '--source-identity',
      'alice@example.com',
      '--tags',
      `Key=elevate:request-id,Value=${requestId}`,
      ...(policy === undefined ? [] : ['--policy', policy]),
    ],
    principalKeys(broker),
  )) as Assumed;

describe.skipIf(!existsSync(AWS_CLI))(
  `IAM in the emulator, with the real AWS CLI v2 (${AWS_CLI}; skipped when it is not installed)`,
  () => {
    beforeAll(async () => {
      home = mkdtempSync(join(tmpdir(), 'elevate-aws-cli-'));
      emulator = await startStsEmulator({
        host: '127.0.0.1',
        basePort: 0,
        regions: ['eu-west-1'],
        principals: [broker, revoker],
        targetRoles: {
          ...targetRoles,
          revoker: {
            roleName: 'elevate-revoker',
            policyName: 'elevate-revocations',
            trustedPrincipalArns: [revoker.roleArn ?? ''],
          },
        },
      });
    });

    afterAll(async () => {
      await emulator.close();
      rmSync(home, { recursive: true, force: true });
    });

    it('refuses a session issued before a revoke once the deny is on its role, and only that request’s sessions', async () => {
      const revoked = keysOf(await brokered('REQ1'));
      const other = keysOf(await brokered('REQ2'));
      await expect(
        aws(['iam', 'get-role', '--role-name', 'ReadOnly'], revoked),
      ).resolves.toMatchObject({
        Role: { RoleName: 'ReadOnly', Arn: 'arn:aws:iam::111111111111:role/ReadOnly' },
      });

      const writer = keysOf(
        (await aws(
          [
            'sts',
            'assume-role',
            '--role-arn',
            'arn:aws:iam::111111111111:role/elevate-revoker',
            '--role-session-name',
            'elevate-revoker',
          ],
          principalKeys(revoker),
        )) as Assumed,
      );
      await aws(
        [
          'iam',
          'put-role-policy',
          '--role-name',
          'ReadOnly',
          '--policy-name',
          'elevate-revocations',
          '--policy-document',
          REVOCATION,
        ],
        writer,
      );
      await expect(
        aws(
          [
            'iam',
            'get-role-policy',
            '--role-name',
            'ReadOnly',
            '--policy-name',
            'elevate-revocations',
          ],
          writer,
        ),
      ).resolves.toMatchObject({
        PolicyName: 'elevate-revocations',
        PolicyDocument: JSON.parse(REVOCATION) as unknown,
      });

      await expect(aws(['iam', 'get-role', '--role-name', 'ReadOnly'], revoked)).rejects.toThrow(
        /AccessDenied/,
      );
      await expect(
        aws(['iam', 'get-role', '--role-name', 'ReadOnly'], other),
      ).resolves.toBeDefined();

      await aws(
        [
          'iam',
          'delete-role-policy',
          '--role-name',
          'ReadOnly',
          '--policy-name',
          'elevate-revocations',
        ],
        writer,
      );
      await expect(
        aws(['iam', 'get-role', '--role-name', 'ReadOnly'], revoked),
      ).resolves.toBeDefined();
    }, 120_000);

    it('lets the revoker role write only the revocation policy, and nobody else write at all', async () => {
      const writer = keysOf(
        (await aws(
          [
            'sts',
            'assume-role',
            '--role-arn',
            'arn:aws:iam::111111111111:role/elevate-revoker',
            '--role-session-name',
            'elevate-revoker',
          ],
          principalKeys(revoker),
        )) as Assumed,
      );
      await expect(
        aws(
          [
            'iam',
            'put-role-policy',
            '--role-name',
            'ReadOnly',
            '--policy-name',
            'something-else',
            '--policy-document',
            REVOCATION,
          ],
          writer,
        ),
      ).rejects.toThrow(/AccessDenied/);
      const session = keysOf(await brokered('REQ3'));
      await expect(
        aws(
          [
            'iam',
            'put-role-policy',
            '--role-name',
            'ReadOnly',
            '--policy-name',
            'elevate-revocations',
            '--policy-document',
            '{"Version":"2012-10-17","Statement":[]}',
          ],
          session,
        ),
      ).rejects.toThrow(/AccessDenied/);
      // The broker cannot assume the revoker role: it trusts only the revoker.
      await expect(
        aws(
          [
            'sts',
            'assume-role',
            '--role-arn',
            'arn:aws:iam::111111111111:role/elevate-revoker',
            '--role-session-name',
            'not-the-revoker',
          ],
          principalKeys(broker),
        ),
      ).rejects.toThrow(/AccessDenied/);
    }, 120_000);

    it('denies chained AssumeRole out of a session whose policy denies it, while other calls still work', async () => {
      const chain = (keys: Keys) =>
        aws(
          [
            'sts',
            'assume-role',
            '--role-arn',
            'arn:aws:iam::222222222222:role/ReadOnly',
            '--role-session-name',
            'chained',
          ],
          keys,
        );
      const locked = keysOf(await brokered('REQ4', NO_CHAINING));
      await expect(chain(locked)).rejects.toThrow(/AccessDenied/);
      await expect(
        aws(['iam', 'get-role', '--role-name', 'ReadOnly'], locked),
      ).resolves.toBeDefined();
    }, 120_000);
  },
);
