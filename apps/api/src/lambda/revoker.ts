import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { loadRevokerConfig } from '../config';
import { observed } from '../observability/lambda-handler';
import { composeRevoker } from '../composition/compose-revoker';
import { functionRoot } from '../composition/function-root';
import { handleRevocationBatch } from '../revocation/handle-revocation-batch';

// Built once per container: a revoker function without its role name is a deployment error.
const config = loadRevokerConfig();
if (config === undefined)
  throw new Error('ELEVATE_REVOKER_ROLE_NAME is not set (see docs/federation.md).');
const { logger, metrics, tracer, store } = functionRoot(config, { metrics: false });
const deps = composeRevoker(config, store, logger);

/** The table stream's second consumer: a revoke or an early end writes the deny on the target role. */
export const handler = observed(
  async (event: DynamoDBStreamEvent, _context: Context): Promise<DynamoDBBatchResponse> =>
    handleRevocationBatch(event.Records, deps),
  { logger, metrics, tracer },
);
