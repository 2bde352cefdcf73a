import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { LogLevel } from '../config';
import { createJsonLogger } from '../logger';
import type { Logger } from '../logger';
import { createPowertoolsMetrics, noMetrics } from '../observability/operational-metrics';
import type { OperationalMetrics } from '../observability/operational-metrics';
import { startTracing } from '../observability/tracing';
import { openStore } from './store';
import type { Store } from './store';

/** What every Lambda function builds once per container, before its own ports. */
export interface FunctionRoot {
  readonly logger: Logger;
  readonly metrics: OperationalMetrics;
  readonly tracer: Tracer;
  readonly store: Store;
}

/**
 * The start of every function's composition but the authorizer's (API, federate, notifier,
 * sweeper, revoker): its JSON logger, its EMF metrics (none for a function that counts nothing), X-Ray
 * tracing of every AWS SDK client built after it, and the one store client its adapters share.
 */
export function functionRoot(
  config: {
    logLevel: LogLevel;
    dynamodb: { endpoint: string | undefined; tableName: string };
  },
  options: { metrics: boolean } = { metrics: true },
): FunctionRoot {
  // First: the adapters' clients are traced only if they are built after this.
  const tracer = startTracing();
  return {
    tracer,
    logger: createJsonLogger({ level: config.logLevel }),
    metrics: options.metrics ? createPowertoolsMetrics() : noMetrics,
    store: openStore(config.dynamodb),
  };
}
