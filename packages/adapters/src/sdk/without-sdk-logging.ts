/** The part of an AWS SDK v3 client this needs: its middleware stack. */
interface WithMiddlewareStack {
  middlewareStack: { remove: (name: string) => boolean };
}

/**
 * Removes the SDK's logger middleware from a client. Even with no logger configured, it walks
 * every command's input and output through the sensitive-data filter on each call, only to hand
 * the result to a no-op logger: measurable CPU on the federate path. Elevate logs its own calls
 * (one line per STS attempt), never the SDK's.
 */
export function withoutSdkLogging<Client extends WithMiddlewareStack>(client: Client): Client {
  client.middlewareStack.remove('loggerMiddleware');
  return client;
}
