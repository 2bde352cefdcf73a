import { randomUUID } from 'node:crypto';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoDbAccessRequestRepository } from './dynamodb-access-request-repository';
import { DynamoDbSessionRecordRepository } from './dynamodb-session-record-repository';
import { sessionRecord } from './testing/session-record-repository-contract';
import { useDynalite } from './testing/use-dynalite';

const dynalite = useDynalite();

const newTable = async () => {
  const tableName = await dynalite.freshTable();
  const client = dynalite.client;
  return {
    tableName,
    sessions: new DynamoDbSessionRecordRepository({ client, tableName }),
    documents: DynamoDBDocumentClient.from(client),
  };
};

describe('DynamoDbSessionRecordRepository', () => {
  it('writes the session next to its request, keyed by issue time, with no index attributes', async () => {
    const { tableName, sessions, documents } = await newTable();
    await sessions.record(sessionRecord({ issuedAt: '2030-01-01T09:00:00Z' }));
    const { Items } = await documents.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': 'REQUEST#req-0001' },
      }),
    );
    expect(Items).toHaveLength(1);
    const item = Items?.[0] ?? {};
    expect(item).toMatchObject({
      PK: 'REQUEST#req-0001',
      SK: 'SESSION#2030-01-01T09:00:00.000Z#ses-0001',
      entity: 'SESSION',
    });
    expect(Object.keys(item).filter((key) => key.startsWith('GSI'))).toEqual([]);
  });

  it('stores only the record’s fields: never a secret key, session token, sign-in token or URL', async () => {
    const { tableName, sessions, documents } = await newTable();
    const secret = ['wJalr', 'XUtnF', 'EMI-K7MDENG', randomUUID()].join('/');
    const token = ['IQoJb3JpZ2luX2Vj', randomUUID()].join('');
    await sessions.record({
      ...sessionRecord(),
      // What a careless caller might spread in from the issued credentials and the sign-in URL.
      ...({
        secretAccessKey: secret,
        sessionToken: token,
        signinToken: token,
        url: `https://signin.aws.amazon.com/federation?Action=login&SigninToken=${token}`,
      } as object),
    });
    const { Items } = await documents.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': 'REQUEST#req-0001' },
      }),
    );
    const raw = JSON.stringify(Items);
    expect(raw).not.toContain(secret);
    expect(raw).not.toContain(token);
    expect(Object.keys(Items?.[0] ?? {}).sort()).toEqual(
      [
        'PK',
        'SK',
        'entity',
        'id',
        'requestId',
        'kind',
        'issuedBy',
        'roleArn',
        'accountId',
        'accessKeyId',
        'roleSessionName',
        'sourceIdentity',
        'expiresAt',
        'region',
        'sourceIp',
        'userAgent',
        'issuedAt',
        // The audit chain's link (hashes, never secrets).
        'chainPrev',
        'chainHash',
      ].sort(),
    );
  });

  it('lives beside the request without disturbing it', async () => {
    const { tableName, sessions } = await newTable();
    const requests = new DynamoDbAccessRequestRepository({ client: dynalite.client, tableName });
    await sessions.record(sessionRecord());
    expect(await requests.get('req-0001')).toBeUndefined();
    expect(await sessions.listForRequest('req-0001')).toHaveLength(1);
  });

  it('refuses to read back a tampered item, naming the field, not its value', async () => {
    const { tableName, sessions, documents } = await newTable();
    await documents.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...sessionRecord(),
          PK: 'REQUEST#req-0001',
          SK: 'SESSION#2030-01-01T09:00:00.000Z#x',
          roleArn: 'tampered-value',
        },
      }),
    );
    const failure = sessions.listForRequest('req-0001');
    await expect(failure).rejects.toThrow(/malformed at: roleArn/);
    await expect(sessions.listForRequest('req-0001')).rejects.not.toThrow(/tampered-value/);
  });

  it('links a prepared write to the session that was latest when it was prepared, like record', async () => {
    const { tableName, sessions, documents } = await newTable();
    await sessions.record(sessionRecord({ id: 'ses-1', issuedAt: '2030-01-01T09:00:00Z' }));
    const write = sessions.prepare('req-0001');
    expect(
      await write(sessionRecord({ id: 'ses-2', issuedAt: '2030-01-01T09:05:00Z' })),
    ).toMatchObject({ ok: true });
    const { Items = [] } = await documents.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': 'REQUEST#req-0001' },
      }),
    );
    expect(Items.map((item) => item['id'])).toEqual(['ses-1', 'ses-2']);
    expect(Items[1]?.['chainPrev']).toBe(Items[0]?.['chainHash']);
  });

  it('refuses to write a session of another request through a prepared write, writing nothing', async () => {
    const { sessions } = await newTable();
    const write = sessions.prepare('req-0001');
    await expect(write(sessionRecord({ requestId: 'req-0002' }))).rejects.toThrow(
      /its own request only/,
    );
    expect(await sessions.listForRequest('req-0002')).toEqual([]);
  });

  it('reports a failed read of the chain head at the write, and nowhere if nothing is written', async () => {
    const sessions = new DynamoDbSessionRecordRepository({
      client: dynalite.client,
      tableName: `missing-${randomUUID()}`,
    });
    // Prepared and abandoned (the caller was refused): no unhandled rejection fails this run.
    sessions.prepare('req-0001');
    const write = sessions.prepare('req-0001');
    await expect(write(sessionRecord())).rejects.toThrow(/non-existent table|not found/i);
  });
});
