import { describe, expect, it } from 'vitest';
import { createPowertoolsMetrics, METRIC, METRICS_NAMESPACE } from './operational-metrics';

interface Emf {
  _aws: {
    CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[];
  };
  [key: string]: unknown;
}

function capture() {
  const lines: string[] = [];
  const metrics = createPowertoolsMetrics({ write: (line) => lines.push(line) });
  return { metrics, emf: () => lines.map((line) => JSON.parse(line) as Emf) };
}

describe('operational metrics (EMF)', () => {
  it('writes the service-wide totals once per invocation, in the Elevate namespace', () => {
    const { metrics, emf } = capture();
    metrics.count(METRIC.requestsCreated);
    metrics.count(METRIC.requestsCreated);
    metrics.count(METRIC.breakGlassRequests);
    expect(emf()).toEqual([]);
    metrics.flush();
    const [doc] = emf();
    expect(doc?._aws.CloudWatchMetrics[0]?.Namespace).toBe(METRICS_NAMESPACE);
    expect(doc?._aws.CloudWatchMetrics[0]?.Dimensions).toEqual([['service']]);
    // EMF lists each count; CloudWatch sums them.
    expect(doc).toMatchObject({
      service: 'elevate',
      RequestsCreated: [1, 1],
      BreakGlassRequests: 1,
    });
  });

  it('writes a dimensioned count as a document of its own, and adds it to the total', () => {
    const { metrics, emf } = capture();
    metrics.count(METRIC.refusals, { name: 'code', value: 'NOT_ELIGIBLE' });
    metrics.flush();
    const docs = emf();
    const byCode = docs.find((doc) => doc['code'] === 'NOT_ELIGIBLE');
    expect(byCode?._aws.CloudWatchMetrics[0]?.Dimensions[0]).toEqual(['service', 'code']);
    expect(byCode).toMatchObject({ Refusals: 1 });
    const total = docs.find((doc) => doc['code'] === undefined);
    expect(total).toMatchObject({ Refusals: 1 });
  });

  it('writes nothing for an invocation that counted nothing (no warning either)', () => {
    const { metrics, emf } = capture();
    metrics.flush();
    expect(emf()).toEqual([]);
  });
});
