import type { LambdaContextFields, Logger } from '../logger';
import type { OperationalMetrics } from './operational-metrics';

/**
 * Every Lambda entry point: the invocation's context on every log line (function, request id,
 * cold start, X-Ray trace id), and the metrics counted during it written once at its end, whether
 * it succeeded or threw.
 */
export function observed<E, C extends LambdaContextFields, R>(
  handler: (event: E, context: C) => Promise<R>,
  deps: { logger: Logger; metrics: OperationalMetrics },
): (event: E, context: C) => Promise<R> {
  return async (event, context) => {
    deps.logger.addLambdaContext(context);
    try {
      return await handler(event, context);
    } finally {
      deps.metrics.flush();
    }
  };
}
