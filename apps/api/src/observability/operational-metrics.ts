// Elevate's business and health counters, as CloudWatch metrics in Embedded Metric Format
// (Powertools Metrics): written to stdout with the invocation's logs, so CloudWatch extracts them
// without any API call on the request path. infra's operations dashboard and alarms read these
// names (infra/src/constructs/operations-monitoring.ts): change both together.
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { SERVICE_NAME } from '../logger';

/** The CloudWatch namespace of every Elevate metric. */
export const METRICS_NAMESPACE = 'Elevate';

/** Every metric Elevate emits, and the dimension each may carry. */
export const METRIC = {
  requestsCreated: 'RequestsCreated',
  breakGlassRequests: 'BreakGlassRequests',
  /** Dimension `decision`: approve | reject. */
  decisions: 'Decisions',
  /** Dimension `kind`: console | cli. */
  sessionsIssued: 'SessionsIssued',
  /** An STS region failed and the next one was tried. Dimension `region`: the one that failed. */
  stsFailovers: 'StsFailovers',
  /** Answers with an error code (4xx and 5xx). Dimension `code`. */
  refusals: 'Refusals',
  /** Dimension `channel`. */
  notificationsDelivered: 'NotificationsDelivered',
  /** Dimension `channel`. */
  notificationFailures: 'NotificationFailures',
} as const;

export type MetricName = (typeof METRIC)[keyof typeof METRIC];

export interface OperationalMetrics {
  /** Adds one to the metric, under the dimension given (none: the service-wide total). */
  count(name: MetricName, dimension?: { name: string; value: string }): void;
  /** In Lambda, at the end of each invocation: writes what was counted (one EMF line). */
  flush(): void;
}

/** Counts nothing: tests and the local server unless asked to print EMF lines. */
export const noMetrics: OperationalMetrics = { count: () => undefined, flush: () => undefined };

/**
 * Powertools Metrics. Every count adds to the service-wide total (one EMF document per invocation,
 * what the alarms read); a dimensioned count is also a document of its own (`singleMetric`), so
 * dimensions never mix between metrics and the dashboard can split by code, kind or channel.
 */
export function createPowertoolsMetrics(
  options: { write?: (line: string) => void } = {},
): OperationalMetrics {
  const powertools = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME });
  if (options.write !== undefined) redirect(powertools, options.write);
  return {
    count: (name, dimension) => {
      powertools.addMetric(name, MetricUnit.Count, 1);
      if (dimension === undefined) return;
      const single = powertools.singleMetric();
      if (options.write !== undefined) redirect(single, options.write);
      single.addDimension(dimension.name, dimension.value);
      single.addMetric(name, MetricUnit.Count, 1);
    },
    // Only when something was counted: Powertools warns on every empty flush otherwise.
    flush: () => {
      if (powertools.hasStoredMetrics()) powertools.publishStoredMetrics();
    },
  };
}

/** Powertools prints through a Console of its own on stdout; tests capture the EMF lines here. */
function redirect(metrics: Metrics, write: (line: string) => void): void {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line !== '') write(line);
      done();
    },
  });
  // `console` is Powertools' private printer; replacing it is the one way to capture its lines.
  Object.assign(metrics, { console: new Console({ stdout: sink, stderr: sink }) });
}
