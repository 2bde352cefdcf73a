import { Tracer } from '@aws-lambda-powertools/tracer';
import { traceAwsClientsWith } from '@elevate/adapters';
import { SERVICE_NAME } from '../logger';

/**
 * X-Ray for a Lambda function (Powertools Tracer): every AWS SDK client the adapters build becomes
 * traced (each call a subsegment: service, operation, region, retries, its time), and `observed`
 * wraps each invocation in a `## handler` subsegment annotated with the cold start and service.
 * Outside Lambda the Tracer turns itself off, so the local stack and tests trace nothing.
 *
 * Plain HTTP calls are not patched (`captureHTTPsRequests: false`): X-Ray would keep each call's
 * URL, and an incoming-webhook URL's path is its secret (Slack's). Nor are responses or inputs
 * recorded: a federate answer holds credentials.
 */
export function startTracing(): Tracer {
  const tracer = new Tracer({ serviceName: SERVICE_NAME, captureHTTPsRequests: false });
  traceAwsClientsWith((client) => tracer.captureAWSv3Client(client));
  return tracer;
}
