import { API_OPERATIONS, IDEMPOTENCY_KEY_HEADER } from '@elevate/contracts';
import type { ApiOperation, ApiOperations, OperationId } from '@elevate/contracts';
import type * as z from 'zod/mini';
import { ApiProblem, CLIENT_PROBLEM_CODES } from './api-problem';
import { sendApiRequest, type ApiTokens } from './send-api-request';
import { isRetryableWrite, MAX_WRITE_ATTEMPTS, retryWaitMs, waitFor } from './write-retry';

/** What an operation takes: the request id for `{id}` paths, its query, its body. */
export type OperationInput<K extends OperationId> =
  (ApiOperations[K]['path'] extends `${string}{id}${string}` ? { id: string } : unknown) &
    (ApiOperations[K] extends { query: infer Q extends z.ZodMiniType }
      ? { query?: z.input<Q> }
      : unknown) &
    (ApiOperations[K] extends { body: infer B extends z.ZodMiniType }
      ? { body: z.input<B> }
      : unknown) & {
      signal?: AbortSignal | undefined;
      /**
       * For a state-changing call: the key of the user action it performs. One is made per call
       * when absent; the client's own retries of that call reuse it, so the action happens once.
       */
      idempotencyKey?: string | undefined;
    };

/** A file the API sends (the audit CSV): its bytes and the name the server gave it, if any. */
export interface ApiFile {
  blob: Blob;
  /** From `Content-Disposition`. */
  filename: string | undefined;
}

/** What an operation answers: the parsed JSON body, or a file. */
export type OperationOutput<K extends OperationId> =
  ApiOperations[K]['response'] extends z.ZodMiniType
    ? z.output<ApiOperations[K]['response']>
    : ApiFile;

export interface ElevateClientOptions {
  /** The API's base URL (`apiUrl` of the deployment's config.json). */
  baseUrl: string;
  /** Current tokens, renewed if needed; null when nobody is signed in. */
  getTokens: () => Promise<ApiTokens | null>;
  /** Called when the API says the session is no longer valid (401, or API Gateway's bare 403). */
  onUnauthorized?: (() => void) | undefined;
  fetch?: typeof fetch | undefined;
  /** Extra headers on every call, e.g. the CLI's `user-agent`. */
  headers?: Record<string, string> | undefined;
}

export interface ElevateClient {
  /** Calls one operation of the API by its `operationId` (see `/openapi.json`). */
  call<K extends OperationId>(operation: K, input: OperationInput<K>): Promise<OperationOutput<K>>;
}

/**
 * The path and query string an operation is called at: `{id}` encoded, query values in the order
 * given, absent ones left out. Shared with test doubles so they answer the same URLs.
 */
export function operationPath(operationId: OperationId, input: object): string {
  const fields = input as { id?: unknown; query?: Record<string, unknown> };
  const operation: ApiOperation = API_OPERATIONS[operationId];
  const path = operation.path.replace('{id}', () => encodeURIComponent(String(fields.id ?? '')));
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(fields.query ?? {})) {
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
  }
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return `${path}${search}`;
}

function filenameFrom(disposition: string | null): string | undefined {
  const match = disposition ? /filename="?([^";]+)"?/i.exec(disposition) : null;
  return match?.[1];
}

/** Checks an answer against the operation's contract. */
export function parseOperationAnswer<K extends OperationId>(
  operationId: K,
  status: number,
  body: unknown,
): OperationOutput<K> {
  const schema = API_OPERATIONS[operationId].response as z.ZodMiniType;
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiProblem({
      status,
      code: CLIENT_PROBLEM_CODES.invalidResponse,
      title: 'The Elevate service sent an answer this client does not understand',
      detail:
        'The client and the service may be on different versions: reload the page or update the CLI.',
    });
  }
  return parsed.data as OperationOutput<K>;
}

/**
 * The one typed client of the Elevate API, for the SPA and the CLI: the operations table of
 * `@elevate/contracts` (the same one `/openapi.json` is generated from) gives each call its path,
 * method, input and answer; answers are checked against their schema; failures are `ApiProblem`s.
 * Reads are sent once (the caller's cache or loop retries them); a write is one user action, sent
 * under one Idempotency-Key and repeated after a temporary failure, so the server applies it once.
 */
export function createElevateClient(options: ElevateClientOptions): ElevateClient {
  const transport = {
    getTokens: options.getTokens,
    onUnauthorized: options.onUnauthorized,
    fetch: options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init)),
    headers: options.headers,
  };
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  async function send(operation: ApiOperation, url: string, fields: OperationInput<OperationId>) {
    const isFile = 'mediaType' in operation.response;
    const isWrite = operation.method === 'post';
    const idempotencyKey = isWrite ? (fields.idempotencyKey ?? crypto.randomUUID()) : undefined;
    const body = (fields as { body?: unknown }).body;
    for (let attempt = 1; ; attempt++) {
      try {
        return await sendApiRequest(transport, url, {
          method: operation.method.toUpperCase(),
          accept: `${isFile ? (operation.response as { mediaType: string }).mediaType : 'application/json'}, application/problem+json`,
          // POST bodies are JSON; the API wants `{}` where there is nothing to say.
          body: isWrite ? JSON.stringify(body ?? {}) : undefined,
          headers:
            idempotencyKey === undefined ? undefined : { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
          signal: fields.signal,
          public: operation.public,
        });
      } catch (error) {
        if (!isWrite || attempt >= MAX_WRITE_ATTEMPTS || !isRetryableWrite(error)) throw error;
        await waitFor(retryWaitMs(error), fields.signal);
      }
    }
  }

  async function call<K extends OperationId>(
    operationId: K,
    input: OperationInput<K>,
  ): Promise<OperationOutput<K>> {
    const operation: ApiOperation = API_OPERATIONS[operationId];
    const url = `${baseUrl}${operationPath(operationId, input)}`;
    const response = await send(operation, url, input as OperationInput<OperationId>);
    if ('mediaType' in operation.response) {
      const file: ApiFile = {
        blob: await response.blob(),
        filename: filenameFrom(response.headers.get('content-disposition')),
      };
      return file as OperationOutput<K>;
    }
    const json: unknown =
      response.status === 204 ? undefined : await response.json().catch(() => undefined);
    return parseOperationAnswer(operationId, response.status, json);
  }

  return { call };
}
