import { createSocket } from 'node:dgram';
import type { Socket } from 'node:dgram';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { RunningDynamoDb } from '@elevate/dev-stack';
import { startDynamoDb } from '@elevate/dev-stack';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// X-Ray as a function sends it: Lambda's environment (a trace header, the task root) and a stand-in
// for the X-Ray daemon on a UDP port, which receives the documents the SDK streams as each
// subsegment closes. The modules are imported after the environment is set, as in Lambda.
interface XRayDocument {
  name: string;
  annotations?: Record<string, unknown>;
  aws?: Record<string, unknown>;
  subsegments?: XRayDocument[];
  [key: string]: unknown;
}

let daemon: Socket;
let dynamo: RunningDynamoDb;
const received: string[] = [];

const flatten = (documents: XRayDocument[]): XRayDocument[] =>
  documents.flatMap((document) => [document, ...flatten(document.subsegments ?? [])]);
const documents = (): XRayDocument[] =>
  flatten(received.map((packet) => JSON.parse(packet.split('\n')[1] ?? '{}') as XRayDocument));

beforeAll(async () => {
  daemon = createSocket('udp4');
  daemon.on('message', (message) => received.push(message.toString('utf8')));
  await new Promise<void>((bound) => daemon.bind(0, '127.0.0.1', bound));
  dynamo = await startDynamoDb({ host: '127.0.0.1', port: 0 });
  vi.stubEnv('AWS_XRAY_DAEMON_ADDRESS', `127.0.0.1:${daemon.address().port}`);
  vi.stubEnv('AWS_XRAY_CONTEXT_MISSING', 'IGNORE_ERROR');
  vi.stubEnv('AWS_XRAY_LOG_LEVEL', 'silent');
  vi.stubEnv('LAMBDA_TASK_ROOT', '/var/task');
  vi.stubEnv('AWS_EXECUTION_ENV', 'AWS_Lambda_nodejs20.x');
  vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'elevate-api');
  vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
  vi.stubEnv(
    '_X_AMZN_TRACE_ID',
    'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
  );
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDTRACINGTEST00000');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'tracing-test-secret');
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.resetModules();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  daemon.close();
  await dynamo.close();
});

describe('X-Ray tracing in a Lambda function', () => {
  it('traces the invocation and each AWS SDK call in it, and records no input or answer', async () => {
    const { startTracing } = await import('./tracing');
    const { observed } = await import('./lambda-handler');
    const { createStoreClient } = await import('@elevate/adapters');
    const { createJsonLogger } = await import('../logger');
    const tracer = startTracing();
    // Built after tracing starts, as functionRoot does: the adapters' clients are traced.
    const client = createStoreClient(dynamo.endpoint);
    const handler = observed(
      async () => {
        await client
          .send(
            new GetItemCommand({
              TableName: 'no-such-table',
              Key: { PK: { S: 'REQUEST#secret-key-value' } },
            }),
          )
          .catch(() => undefined);
        return { credentials: 'answer-credentials-value' };
      },
      {
        logger: createJsonLogger({ level: 'silent' }),
        metrics: { count: () => undefined, flush: () => undefined },
        tracer,
      },
    );
    await handler(
      { token: 'event-token-value' },
      {
        functionName: 'elevate-api',
        functionVersion: '1',
        invokedFunctionArn: 'arn:aws:lambda:us-east-1:111122223333:function:elevate-api',
        memoryLimitInMB: '512',
        awsRequestId: 'req-1',
      },
    );
    await vi.waitFor(() => expect(documents().some((d) => d.name === '## elevate-api')).toBe(true));

    const invocation = documents().find((d) => d.name === '## elevate-api');
    expect(invocation?.annotations).toMatchObject({ ColdStart: true, Service: 'elevate' });
    await vi.waitFor(() => expect(documents().some((d) => d.name === 'DynamoDB')).toBe(true));
    const call = documents().find((d) => d.name === 'DynamoDB');
    expect(call?.aws).toMatchObject({ operation: 'GetItem' });
    // Under the invocation, in the same trace.
    expect(call?.parent_id).toBe(invocation?.id);
    expect(call?.trace_id).toBe('1-5759e988-bd862e3fe1be46a994272793');
    const everything = received.join('\n');
    for (const value of ['secret-key-value', 'answer-credentials-value', 'event-token-value'])
      expect(everything).not.toContain(value);
    client.destroy();
  });
});
