import { EXAMPLE_COMPILED_POLICY_FILE } from '@elevate/testing';
import { vi } from 'vitest';
import { loadConfig } from '../config';
import type { ApiConfig } from '../config';

/**
 * The API's configuration for a suite on a real local table (dynalite, or a fault proxy in front of
 * it): the table at `endpoint`, the compiled example policy, and an IdP nobody calls (the suites
 * verify tokens with the personas' verifier). `extra` adds what a suite needs (STS, the revoker).
 */
export function storeBackedConfig(
  endpoint: string,
  tableName: string,
  extra: Record<string, string> = {},
): ApiConfig {
  return loadConfig(storeBackedEnv(endpoint, tableName, extra));
}

/** The environment behind storeBackedConfig, for suites that also load another function's config. */
export function storeBackedEnv(
  endpoint: string,
  tableName: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    ELEVATE_IDP_ISSUER: 'http://127.0.0.1:9',
    ELEVATE_API_AUDIENCE: 'urn:elevate:api',
    ELEVATE_CLIENT_ID: 'elevate-web',
    ELEVATE_DYNAMODB_ENDPOINT: endpoint,
    ELEVATE_TABLE_NAME: tableName,
    ELEVATE_POLICY_FILE: EXAMPLE_COMPILED_POLICY_FILE,
    ...extra,
  };
}

/** The credentials and region the SDK's default chain reads (dynalite and the emulator take any). */
export function stubAwsCredentials(
  credentials: { accessKeyId: string; secretAccessKey: string } = {
    accessKeyId: 'local',
    secretAccessKey: 'local',
  },
  region = 'eu-west-1',
): void {
  vi.stubEnv('AWS_ACCESS_KEY_ID', credentials.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey);
  vi.stubEnv('AWS_REGION', region);
}
