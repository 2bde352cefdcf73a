import { join, resolve } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDbAuditChainReader,
  DynamoDbChainDayIndex,
  FileDigestStore,
  KmsDigestSigner,
  LocalDigestSigner,
  S3DigestStore,
} from '@elevate/adapters';
import type { DigestSigner, DigestStore } from '@elevate/adapters';
import * as z from 'zod/mini';
import { openStore } from '../composition/store';
import { loadStoreConfig, optionalSetting as optional } from '../config';
import type { AuditIntegrityDeps } from './audit-integrity-deps';

const repoRoot = resolve(import.meta.dirname, '../../../..');

const envSchema = z.object({
  /** AWS: the Object Lock bucket digests go to, and the KMS key (id, ARN or alias) that signs them. */
  ELEVATE_AUDIT_DIGEST_BUCKET: optional(z.string().check(z.regex(/^[a-z0-9.-]{3,63}$/))),
  ELEVATE_AUDIT_SIGNING_KEY_ID: optional(z.string().check(z.minLength(1))),
  /** Local: where digests and the dev signing key live (default `<ELEVATE_DATA_DIR or .data>/audit`). */
  ELEVATE_AUDIT_DIR: optional(z.string().check(z.minLength(1))),
  ELEVATE_DATA_DIR: optional(z.string().check(z.minLength(1))),
  ELEVATE_DYNAMODB_ENDPOINT: optional(z.string().check(z.minLength(1))),
});

export type AuditIntegrityConfig =
  | { readonly kind: 'aws'; readonly bucket: string; readonly keyId: string }
  | { readonly kind: 'local'; readonly directory: string };

/**
 * Where digests are kept and who signs them. A bucket needs a KMS key. Without either, a local
 * stack (a DynamoDB endpoint, or ELEVATE_AUDIT_DIR) keeps them under `.data/audit/`; otherwise
 * verification is not configured and the endpoint answers 503.
 */
export function loadAuditIntegrityConfig(
  env: NodeJS.ProcessEnv = process.env,
): AuditIntegrityConfig | undefined {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `Invalid audit integrity configuration: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`,
    );
  }
  const e = parsed.data;
  if (e.ELEVATE_AUDIT_DIGEST_BUCKET !== undefined) {
    if (e.ELEVATE_AUDIT_SIGNING_KEY_ID === undefined)
      throw new Error('ELEVATE_AUDIT_DIGEST_BUCKET needs ELEVATE_AUDIT_SIGNING_KEY_ID (a KMS key)');
    return {
      kind: 'aws',
      bucket: e.ELEVATE_AUDIT_DIGEST_BUCKET,
      keyId: e.ELEVATE_AUDIT_SIGNING_KEY_ID,
    };
  }
  if (e.ELEVATE_AUDIT_DIR !== undefined) return { kind: 'local', directory: e.ELEVATE_AUDIT_DIR };
  if (e.ELEVATE_DYNAMODB_ENDPOINT !== undefined)
    return {
      kind: 'local',
      // Relative to the repository, as the dev stack resolves it (the API may run elsewhere).
      directory: join(resolve(repoRoot, e.ELEVATE_DATA_DIR ?? '.data'), 'audit'),
    };
  return undefined;
}

/**
 * The S3 store, its client made on the first read or write: only GET /audit/integrity and the
 * sweeper's daily digest touch it, so no cold start of the API pays for building an S3 client.
 */
function s3DigestStoreOnFirstUse(bucket: string): DigestStore {
  let store: S3DigestStore | undefined;
  const storeOf = (): S3DigestStore => (store ??= new S3DigestStore({ bucket }));
  return {
    put: (signed) => storeOf().put(signed),
    get: (day) => storeOf().get(day),
  };
}

/** The reader, store and key for the configuration over `table`; S3 and KMS clients on first use. */
export function composeAuditIntegrity(
  config: AuditIntegrityConfig,
  table: { client: DynamoDBClient; tableName: string },
): AuditIntegrityDeps {
  let signer: DigestSigner | undefined;
  const signerOf = (): DigestSigner =>
    (signer ??=
      config.kind === 'aws'
        ? new KmsDigestSigner({ keyId: config.keyId })
        : new LocalDigestSigner(join(config.directory, 'signing-key.pem')));
  return {
    reader: new DynamoDbAuditChainReader(table),
    changedOn: new DynamoDbChainDayIndex(table),
    store:
      config.kind === 'aws'
        ? s3DigestStoreOnFirstUse(config.bucket)
        : new FileDigestStore(config.directory),
    get signer() {
      return signerOf();
    },
    trustedPublicKey: () => signerOf().publicKey(),
  };
}

/**
 * The digests and the table for an operator's command (`pnpm audit:digest`, `pnpm audit:verify`),
 * from the environment; throws naming what to set. `close` lets the process exit.
 */
export function openAuditIntegrityForCommand(): { audit: AuditIntegrityDeps; close: () => void } {
  const { dynamodb } = loadStoreConfig();
  const config = loadAuditIntegrityConfig();
  if (config === undefined)
    throw new Error(
      'Set ELEVATE_AUDIT_DIGEST_BUCKET and ELEVATE_AUDIT_SIGNING_KEY_ID (AWS) or ELEVATE_AUDIT_DIR (local)',
    );
  const store = openStore(dynamodb);
  return { audit: composeAuditIntegrity(config, store), close: () => store.close() };
}
