import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { LambdaContextFields, Logger } from '../logger';
import type { OperationalMetrics } from './operational-metrics';

/**
 * Every Lambda entry point: the invocation's context on every log line (function, request id,
 * cold start, X-Ray trace id), a `## <function>` X-Ray subsegment around it when a tracer is given,
 * and the metrics counted during it written once at its end, whether it succeeded or threw.
 */
export function observed<E, C extends LambdaContextFields, R>(
  handler: (event: E, context: C) => Promise<R>,
  deps: { logger: Logger; metrics: OperationalMetrics; tracer?: Tracer },
): (event: E, context: C) => Promise<R> {
  const { logger, metrics, tracer } = deps;
  return async (event, context) => {
    logger.addLambdaContext(context);
    const trace =
      tracer === undefined ? undefined : handlerSubsegment(tracer, context.functionName);
    try {
      return await handler(event, context);
    } catch (error) {
      trace?.failed(error);
      throw error;
    } finally {
      metrics.flush();
      trace?.close();
    }
  };
}

/**
 * The invocation's subsegment under Lambda's own segment (active tracing), annotated with the cold
 * start and the service; an error is recorded as metadata. Never the event or the answer: a
 * federate answer holds credentials. Outside Lambda, where tracing is off, it does nothing.
 */
function handlerSubsegment(tracer: Tracer, name: string) {
  const segment = tracer.isTracingEnabled() ? tracer.getSegment() : undefined;
  const subsegment = segment?.addNewSubsegment(`## ${name}`);
  if (segment === undefined || subsegment === undefined) return undefined;
  tracer.setSegment(subsegment);
  tracer.annotateColdStart();
  tracer.addServiceNameAnnotation();
  return {
    failed: (error: unknown) => {
      if (error instanceof Error) tracer.addErrorAsMetadata(error);
    },
    close: () => {
      subsegment.close();
      tracer.setSegment(segment);
    },
  };
}
