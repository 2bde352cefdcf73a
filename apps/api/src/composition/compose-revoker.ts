import {
  DynamoDbSessionRecordRepository,
  IamRevocationPolicyStore,
  revokerIamClients,
  systemClock,
} from '@elevate/adapters';
import type { RevokerConfig } from '../config';
import type { Logger } from '../logger';
import type { RevokerDeps } from '../revocation/handle-revocation-batch';
import type { Store } from './store';

/** The revoker's adapters from its configuration: IAM through each account's revoker role. */
export function composeRevoker(config: RevokerConfig, store: Store, logger: Logger): RevokerDeps {
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
    sessions: new DynamoDbSessionRecordRepository(store),
    clock: systemClock,
    logger,
  };
}
