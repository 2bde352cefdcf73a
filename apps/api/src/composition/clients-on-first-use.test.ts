import { traceAwsClientsWith } from '@elevate/adapters';
import { EXAMPLE_COMPILED_POLICY_FILE } from '@elevate/testing';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { composeAuditIntegrity } from '../audit-integrity/audit-integrity-config';
import { loadConfig } from '../config';
import { createJsonLogger } from '../logger';
import { composeApiApp } from './compose-app';

// Every AWS SDK client the adapters build passes through the tracing hook (traced), so the hook
// sees which clients a composition builds and when; here it also stubs their calls.
const built: string[] = [];
const noAws = new Error('no AWS in this test');

beforeEach(() => {
  built.length = 0;
  traceAwsClientsWith((client) => {
    built.push((client as object).constructor.name);
    return Object.assign(client as object, { send: () => Promise.reject(noAws) }) as typeof client;
  });
});

afterEach(() => {
  traceAwsClientsWith((client) => client);
  vi.unstubAllEnvs();
});

// Built here, not by an adapter: the hook does not see it.
const table = { client: new DynamoDBClient({ region: 'eu-west-1' }), tableName: 'elevate' };

describe('clients few routes use are made on first use, not at cold start', () => {
  it('audit digests in AWS: the S3 client on the first digest read, the KMS client on the first key read', async () => {
    const audit = composeAuditIntegrity(
      { kind: 'aws', bucket: 'elevate-audit-digests', keyId: 'alias/elevate-audit' },
      table,
    );
    expect(built).toEqual([]);

    // A failure reaches the caller as before (the route maps it to its problem code).
    await expect(audit.store.get('2026-12-01')).rejects.toBe(noAws);
    await expect(audit.store.get('2026-12-02')).rejects.toBe(noAws);
    expect(built).toEqual(['S3Client']);

    await expect(audit.trustedPublicKey()).rejects.toBe(noAws);
    await expect(audit.trustedPublicKey()).rejects.toBe(noAws);
    expect(built).toEqual(['S3Client', 'KMSClient']);
  });

  it('the API function builds neither S3, KMS nor Secrets Manager clients when it is composed', async () => {
    vi.stubEnv('ELEVATE_AUDIT_DIGEST_BUCKET', 'elevate-audit-digests');
    vi.stubEnv('ELEVATE_AUDIT_SIGNING_KEY_ID', 'alias/elevate-audit');
    const config = loadConfig({
      ELEVATE_IDP_ISSUER: 'http://127.0.0.1:9',
      ELEVATE_API_AUDIENCE: 'urn:elevate:api',
      ELEVATE_CLIENT_ID: 'elevate-web',
      ELEVATE_POLICY_FILE: EXAMPLE_COMPILED_POLICY_FILE,
      ELEVATE_SLACK_SECRET_ID: 'elevate/slack',
    });
    const { deps } = composeApiApp(config, { logger: createJsonLogger({ level: 'silent' }) });
    expect(built.filter((name) => name !== 'DynamoDBClient')).toEqual([]);

    await expect(deps.slackInteractions?.signingSecret()).rejects.toBe(noAws);
    await expect(deps.auditIntegrity?.store.get('2026-12-01')).rejects.toBe(noAws);
    expect(built.filter((name) => name !== 'DynamoDBClient')).toEqual([
      'SecretsManagerClient',
      'S3Client',
    ]);
  });
});
