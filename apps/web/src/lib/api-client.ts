import {
  createElevateClient,
  type ElevateClient,
  type ElevateClientOptions,
} from '@elevate/client';

/**
 * The SPA talks to the API only through the typed client of `@elevate/client`, the same one the CLI
 * uses: an operation of `/openapi.json` by its id, both tokens attached, answers checked against the
 * contract, failures as ApiProblem, writes sent once under an Idempotency-Key.
 */
export type ApiClient = ElevateClient;

export type ApiClientOptions = Pick<
  ElevateClientOptions,
  'baseUrl' | 'getTokens' | 'onUnauthorized' | 'fetch'
>;

export function createApiClient(options: ApiClientOptions): ApiClient {
  return createElevateClient(options);
}
