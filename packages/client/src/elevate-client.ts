import { API_OPERATIONS } from '@elevate/contracts';
import type { ApiOperation, ApiOperations, OperationId } from '@elevate/contracts';
import type * as z from 'zod';
import { ApiProblem, CLIENT_PROBLEM_CODES } from './api-problem';
import { sendApiRequest, type ApiTokens } from './send-api-request';

/** What an operation takes: the request id for `{id}` paths, its query, its body. */
export type OperationInput<K extends OperationId> =
  (ApiOperations[K]['path'] extends `${string}{id}${string}` ? { id: string } : unknown) &
    (ApiOperations[K] extends { query: infer Q extends z.ZodType }
      ? { query?: z.input<Q> }
      : unknown) &
    (ApiOperations[K] extends { body: infer B extends z.ZodType }
      ? { body: z.input<B> }
      : unknown) & {
      signal?: AbortSignal | undefined;
    };

/** What an operation answers: the parsed JSON body, or the text of a file (the audit CSV). */
export type OperationOutput<K extends OperationId> = ApiOperations[K]['response'] extends z.ZodType
  ? z.output<ApiOperations[K]['response']>
  : string;

export interface ElevateClientOptions {
  /** The API's base URL (`apiUrl` of the deployment's config.json). */
  baseUrl: string;
  /** Current tokens, renewed if needed; null when nobody is signed in. */
  getTokens: () => Promise<ApiTokens | null>;
  /** Called when the API says the session is no longer valid (401, or API Gateway's bare 403). */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
  /** Extra headers on every call, e.g. the CLI's `user-agent`. */
  headers?: Record<string, string>;
}

export interface ElevateClient {
  /** Calls one operation of the API by its `operationId` (see `/openapi.json`). */
  call<K extends OperationId>(operation: K, input: OperationInput<K>): Promise<OperationOutput<K>>;
}

function urlOf(baseUrl: string, operation: ApiOperation, input: Record<string, unknown>): string {
  const path = operation.path.replace('{id}', () => encodeURIComponent(String(input.id ?? '')));
  const query = new URLSearchParams();
  const values = (input.query ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null) query.set(name, String(value));
  }
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return `${baseUrl}${path}${search}`;
}

/**
 * The one typed client of the Elevate API, for the SPA and the CLI: the operations table of
 * `@elevate/contracts` (the same one `/openapi.json` is generated from) gives each call its path,
 * method, input and answer; answers are checked against their schema; failures are `ApiProblem`s.
 */
export function createElevateClient(options: ElevateClientOptions): ElevateClient {
  const transport = {
    getTokens: options.getTokens,
    onUnauthorized: options.onUnauthorized,
    fetch: options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init)),
    headers: options.headers,
  };
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  async function call<K extends OperationId>(
    operationId: K,
    input: OperationInput<K>,
  ): Promise<OperationOutput<K>> {
    const operation: ApiOperation = API_OPERATIONS[operationId];
    const fields = input as Record<string, unknown> & { signal?: AbortSignal };
    const isFile = 'mediaType' in operation.response;
    const response = await sendApiRequest(transport, urlOf(baseUrl, operation, fields), {
      method: operation.method.toUpperCase(),
      accept: `${isFile ? (operation.response as { mediaType: string }).mediaType : 'application/json'}, application/problem+json`,
      // POST bodies are JSON; the API wants `{}` where there is nothing to say.
      body: operation.method === 'post' ? JSON.stringify(fields.body ?? {}) : undefined,
      signal: fields.signal,
      public: operation.public,
    });
    if (isFile) return (await response.text()) as OperationOutput<K>;

    const json: unknown = await response.json().catch(() => undefined);
    const parsed = (operation.response as z.ZodType).safeParse(json);
    if (!parsed.success) {
      throw new ApiProblem({
        status: response.status,
        code: CLIENT_PROBLEM_CODES.invalidResponse,
        title: 'The Elevate service sent an answer this client does not understand',
        detail: 'The client and the service may be on different versions; update the client.',
      });
    }
    return parsed.data as OperationOutput<K>;
  }

  return { call };
}
