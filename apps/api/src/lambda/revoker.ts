import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { loadRevokerConfig } from '../config';
import { createJsonLogger } from '../logger';
import { composeRevoker } from '../revocation/compose-revoker';
import { handleRevocationBatch } from '../revocation/handle-revocation-batch';

// Built once per container: a revoker function without its role name is a deployment error.
const config = loadRevokerConfig();
if (config === undefined)
  throw new Error('ELEVATE_REVOKER_ROLE_NAME is not set (see docs/federation.md).');
const deps = composeRevoker(config, createJsonLogger({ level: config.logLevel }));

/** The table stream's second consumer: a revoke or an early end writes the deny on the target role. */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> =>
  handleRevocationBatch(event.Records, deps);
