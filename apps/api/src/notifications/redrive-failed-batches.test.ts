import { describe, expect, it } from 'vitest';
import { lifecycleScenarios, streamRecordOf } from '@elevate/testing';
import { redriveFailedBatches } from './redrive-failed-batches';
import { notifierWorld } from './testing/notifier-world';

const [scenario] = lifecycleScenarios();
if (scenario === undefined) throw new Error('no lifecycle scenario');

const failureMessage = (messageId: string) => ({
  messageId,
  body: JSON.stringify({
    requestContext: { condition: 'RetryAttemptsExhausted' },
    DDBStreamBatchInfo: {
      shardId: 'shardId-1',
      startSequenceNumber: '100',
      endSequenceNumber: '100',
      streamArn: 'arn:aws:dynamodb:eu-west-1:123456789012:table/t/stream/x',
      batchSize: 1,
    },
  }),
});

describe('redriving the notifier failure queue', () => {
  it('reads the failed batch back from the stream and delivers it; the message is done', async () => {
    const world = notifierWorld();
    const record = streamRecordOf(scenario.before, scenario.after);
    const asked: unknown[] = [];
    const response = await redriveFailedBatches([failureMessage('m-1')], {
      ...world.deps,
      readBatch: async (batch) => {
        asked.push(batch);
        return [record];
      },
    });
    expect(response).toEqual({ batchItemFailures: [] });
    expect(asked).toEqual([
      expect.objectContaining({ shardId: 'shardId-1', startSequenceNumber: '100' }),
    ]);
    expect(world.sns.messages.length).toBeGreaterThan(0);
  });

  it('keeps the message while the channel still fails, and does not duplicate what went out', async () => {
    const world = notifierWorld();
    const record = streamRecordOf(scenario.before, scenario.after);
    world.sns.failNext(100);
    const deps = { ...world.deps, readBatch: async () => [record] };
    expect(await redriveFailedBatches([failureMessage('m-2')], deps)).toEqual({
      batchItemFailures: [{ itemIdentifier: 'm-2' }],
    });
    world.sns.failNext(0);
    expect(await redriveFailedBatches([failureMessage('m-2')], deps)).toEqual({
      batchItemFailures: [],
    });
    const sent = world.sns.messages.length;
    await redriveFailedBatches([failureMessage('m-2')], deps);
    expect(world.sns.messages.length).toBe(sent);
  });

  it('a message that is not a stream batch pointer is kept (and ends in the alarmed DLQ)', async () => {
    const world = notifierWorld();
    const response = await redriveFailedBatches([{ messageId: 'm-3', body: '{"x":1}' }], {
      ...world.deps,
      readBatch: async () => [],
    });
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-3' }] });
  });
});
