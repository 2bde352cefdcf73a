import { NodeHttpHandler } from '@smithy/node-http-handler';
import { withCallBudget } from './call-budget';

type HandleArguments = Parameters<NodeHttpHandler['handle']>;

/**
 * The SDK's Node handler with hard per-attempt deadlines (`throwOnRequestTimeout`: without it
 * this SDK only logs a warning when `requestTimeout` passes) that also ends each attempt when the
 * request being served runs out of budget or its caller goes away.
 */
export class DeadlineHttpHandler extends NodeHttpHandler {
  constructor(deadline: { connectMs: number; attemptMs: number }) {
    super({
      connectionTimeout: deadline.connectMs,
      requestTimeout: deadline.attemptMs,
      throwOnRequestTimeout: true,
    });
  }

  override handle(
    request: HandleArguments[0],
    options: HandleArguments[1] = {},
  ): ReturnType<NodeHttpHandler['handle']> {
    const abortSignal = withCallBudget(options.abortSignal as AbortSignal | undefined);
    return super.handle(request, abortSignal === undefined ? options : { ...options, abortSignal });
  }
}
