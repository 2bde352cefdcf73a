import type { LogLevel } from '../config';
import { createJsonLogger } from '../logger';
import type { Logger } from '../logger';
import { createPowertoolsMetrics, noMetrics } from '../observability/operational-metrics';
import type { OperationalMetrics } from '../observability/operational-metrics';
import { openStore } from './store';
import type { Store } from './store';

/** What every Lambda function builds once per container, before its own ports. */
export interface FunctionRoot {
  readonly logger: Logger;
  readonly metrics: OperationalMetrics;
  readonly store: Store;
}

/**
 * The start of every function's composition (API, federate, notifier, sweeper, revoker): its JSON
 * logger, its EMF metrics (none for a function that counts nothing) and the one store client the
 * composition's adapters share.
 */
export function functionRoot(
  config: {
    logLevel: LogLevel;
    dynamodb: { endpoint: string | undefined; tableName: string };
  },
  options: { metrics: boolean } = { metrics: true },
): FunctionRoot {
  return {
    logger: createJsonLogger({ level: config.logLevel }),
    metrics: options.metrics ? createPowertoolsMetrics() : noMetrics,
    store: openStore(config.dynamodb),
  };
}
