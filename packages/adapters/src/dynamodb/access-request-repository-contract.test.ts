import { readRequestChange } from '../notifications/stream-record';
import { ChangeFeed } from './change-feed';
import { DynamoDbDecisionReadModel } from './decider-read-model';
import { DynamoDbAccessRequestRepository } from './dynamodb-access-request-repository';
import { InMemoryAccessRequestRepository } from './in-memory-access-request-repository';
import { describeAccessRequestRepositoryContract } from './testing/access-request-repository-contract';
import { useDynalite } from './testing/use-dynalite';

describeAccessRequestRepositoryContract('in-memory', async () => ({
  repository: new InMemoryAccessRequestRepository(),
}));

const dynalite = useDynalite();

// A table per test, so the shared partitions (pending, break-glass, audit months) start empty. The
// decider read model is fed by the change feed, as the notifier feeds it from the stream in AWS.
describeAccessRequestRepositoryContract('DynamoDB (dynalite)', async () => {
  const tableName = await dynalite.freshTable();
  const readModel = new DynamoDbDecisionReadModel({ client: dynalite.client, tableName });
  const feed = new ChangeFeed({
    onError: (error) => {
      throw error;
    },
  });
  feed.subscribe(async (records) => {
    for (const record of records) {
      const change = readRequestChange(record);
      if (change.kind === 'request') await readModel.record(change.after);
    }
  });
  return {
    repository: new DynamoDbAccessRequestRepository({
      client: dynalite.client,
      tableName,
      onChange: feed.publish,
    }),
    settle: () => feed.drained(),
  };
});
