import { DynamoDbAccessRequestRepository } from './dynamodb-access-request-repository';
import { InMemoryAccessRequestRepository } from './in-memory-access-request-repository';
import { describeAccessRequestRepositoryContract } from './testing/access-request-repository-contract';
import { useDynalite } from './testing/use-dynalite';

describeAccessRequestRepositoryContract('in-memory', async () => ({
  repository: new InMemoryAccessRequestRepository(),
}));

const dynalite = useDynalite();

// A table per test, so the shared partitions (pending, break-glass, audit months) start empty.
describeAccessRequestRepositoryContract('DynamoDB (dynalite)', async () => ({
  repository: new DynamoDbAccessRequestRepository({
    client: dynalite.client,
    tableName: await dynalite.freshTable(),
  }),
}));
