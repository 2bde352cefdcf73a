import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStsEmulator, type StsEmulator } from './index';
import { broker, targetRoles } from './testing/fixtures';

const AWS_CLI = '/usr/bin/aws';
const run = promisify(execFile);
let emulator: StsEmulator;
let home: string;

interface Keys {
  AWS_ACCESS_KEY_ID: string;
  AWS_SECRET_ACCESS_KEY: string;
  AWS_SESSION_TOKEN?: string;
}

/** Runs the real AWS CLI with nothing from this machine's AWS config in play. */
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
  return JSON.parse(stdout) as unknown;
}

describe.skipIf(!existsSync(AWS_CLI))(
  `the real AWS CLI v2 (${AWS_CLI}; skipped when it is not installed)`,
  () => {
    beforeAll(async () => {
      home = mkdtempSync(join(tmpdir(), 'elevate-aws-cli-'));
      emulator = await startStsEmulator({
        host: '127.0.0.1',
        basePort: 0,
        regions: ['eu-west-1'],
        principals: [broker],
        targetRoles,
      });
    });

    afterAll(async () => {
      await emulator.close();
      rmSync(home, { recursive: true, force: true });
    });

    it("assumes a role with the broker's keys, then answers get-caller-identity with the vended credentials", async () => {
      const assumed = (await aws(
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
          'Key=elevate:request,Value=r-7',
        ],
        { AWS_ACCESS_KEY_ID: broker.accessKeyId, AWS_SECRET_ACCESS_KEY: broker.secretAccessKey },
      )) as {
        Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
        AssumedRoleUser: { Arn: string };
        SourceIdentity: string;
      };
      expect(assumed.AssumedRoleUser.Arn).toBe(
        'arn:aws:sts::111111111111:assumed-role/ReadOnly/alice@example.com-ReadOnly',
      );
      expect(assumed.SourceIdentity).toBe('alice@example.com');
      expect(assumed.Credentials.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);

      const identity = await aws(['sts', 'get-caller-identity'], {
        AWS_ACCESS_KEY_ID: assumed.Credentials.AccessKeyId,
        AWS_SECRET_ACCESS_KEY: assumed.Credentials.SecretAccessKey,
        AWS_SESSION_TOKEN: assumed.Credentials.SessionToken,
      });
      expect(identity).toMatchObject({
        Arn: 'arn:aws:sts::111111111111:assumed-role/ReadOnly/alice@example.com-ReadOnly',
        Account: '111111111111',
      });
    }, 60_000);

    it('fails with the STS error code when the CLI signs with a wrong secret', async () => {
      const failure = aws(['sts', 'get-caller-identity'], {
        AWS_ACCESS_KEY_ID: broker.accessKeyId,
        AWS_SECRET_ACCESS_KEY: 'wrong-secret',
      });
      await expect(failure).rejects.toThrow(/SignatureDoesNotMatch/);
    }, 30_000);
  },
);
