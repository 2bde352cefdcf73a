import {
  createStoreClient,
  DynamoDbSessionRecordRepository,
  IamRevocationPolicyStore,
  revokerIamClients,
  systemClock,
} from '@elevate/adapters';
import type { RevokerConfig } from '../config';
import type { Logger } from '../logger';
import type { RevokerDeps } from './handle-revocation-batch';

/** The revoker's adapters from its configuration: IAM through each account's revoker role. */
export function composeRevoker(config: RevokerConfig, logger: Logger): RevokerDeps {
  const client = createStoreClient(config.dynamodb.endpoint);
  return {
    store: new IamRevocationPolicyStore(
      revokerIamClients({
        revokerRoleName: config.revokerRoleName,
        region: config.region,
        ...(config.stsEndpoint === undefined ? {} : { stsEndpoint: config.stsEndpoint }),
        ...(config.iamEndpoint === undefined ? {} : { iamEndpoint: config.iamEndpoint }),
        ...(config.credentials === undefined ? {} : { credentials: config.credentials }),
      }),
    ),
    sessions: new DynamoDbSessionRecordRepository({ client, tableName: config.dynamodb.tableName }),
    clock: systemClock,
    logger,
  };
}
