import { DynamoDbSessionRecordRepository } from './dynamodb-session-record-repository';
import { InMemorySessionRecordRepository } from './in-memory-session-record-repository';
import { describeSessionRecordRepositoryContract } from './testing/session-record-repository-contract';
import { useDynalite } from './testing/use-dynalite';

describeSessionRecordRepositoryContract('in-memory', async () => ({
  repository: new InMemorySessionRecordRepository(),
}));

const dynalite = useDynalite();

describeSessionRecordRepositoryContract('DynamoDB (dynalite)', async () => ({
  repository: new DynamoDbSessionRecordRepository({
    client: dynalite.client,
    tableName: await dynalite.freshTable(),
  }),
}));
