import type * as z from 'zod';
import {
  createElevateClient,
  sendApiRequest,
  type ApiTokens,
  type ElevateClient,
} from '@elevate/client';
import { ApiProblem, CLIENT_PROBLEM_CODES } from './api-problem';

export type { ApiTokens };

export interface ApiClientOptions {
  /** The API's base URL, from the runtime config. */
  baseUrl: string;
  /** Current tokens, renewed if needed; null when nobody is signed in. */
  getTokens: () => Promise<ApiTokens | null>;
  /** Called when the API says the session is no longer valid (HTTP 401, or API Gateway's bare 403). */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
}

export interface ApiRequest<S extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** The contract the response body must meet. */
  schema: S;
  signal?: AbortSignal;
  /**
   * For a state-changing call: the key of the user action it performs. One is made per call when
   * absent; the client's own retries of that call reuse it, so the action happens at most once.
   */
  idempotencyKey?: string;
}

/** How often a state-changing call is sent again after a temporary failure, with the same key. */
export const MAX_WRITE_ATTEMPTS = 3;
/** Longest wait between those attempts, whatever Retry-After says. */
const MAX_RETRY_WAIT_MS = 5_000;

/** A temporary failure a call with an Idempotency-Key may safely repeat. */
function isRetryable(error: unknown): boolean {
  return (
    error instanceof ApiProblem &&
    (error.status === 503 || error.status === 0 || error.code === 'IDEMPOTENCY_IN_PROGRESS')
  );
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    });
  });
}

/** A file the API sends (e.g. the audit CSV), for saving through a Blob link. */
export interface ApiDownload {
  blob: Blob;
  /** From `Content-Disposition`, when the server named it. */
  filename: string | undefined;
}

export interface ApiClient {
  request<S extends z.ZodType>(path: string, request: ApiRequest<S>): Promise<z.infer<S>>;
  /** A GET whose answer is a file rather than JSON; same tokens, same problems. */
  download(path: string, options?: { accept?: string; signal?: AbortSignal }): Promise<ApiDownload>;
}

/** The API client plus the typed one (`@elevate/client`): an operation of `/openapi.json` by its id. */
export interface TypedApiClient extends ApiClient {
  call: ElevateClient['call'];
}

function filenameFrom(disposition: string | null): string | undefined {
  const match = disposition ? /filename="?([^";]+)"?/i.exec(disposition) : null;
  return match?.[1];
}

/** The one way the SPA talks to the API: both tokens attached, bodies checked, failures as ApiProblem. */
export function createApiClient(options: ApiClientOptions): TypedApiClient {
  const transport = {
    getTokens: options.getTokens,
    onUnauthorized: options.onUnauthorized,
    fetch: options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init)),
  };
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  async function send(
    path: string,
    init: {
      method: string;
      body?: unknown;
      accept: string;
      signal?: AbortSignal | undefined;
      idempotencyKey?: string | undefined;
    },
  ): Promise<Response> {
    return sendApiRequest(transport, `${baseUrl}${path}`, {
      method: init.method,
      accept: init.accept,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      headers:
        init.idempotencyKey === undefined ? undefined : { 'idempotency-key': init.idempotencyKey },
      signal: init.signal,
    });
  }

  async function request<S extends z.ZodType>(
    path: string,
    req: ApiRequest<S>,
  ): Promise<z.infer<S>> {
    const method = req.method ?? 'GET';
    // Reads are retried by the query cache (query-client.ts); a write is one user action, retried
    // here under one Idempotency-Key so the server applies it once whatever happens to answers.
    const idempotencyKey =
      method === 'GET' ? undefined : (req.idempotencyKey ?? crypto.randomUUID());
    let response: Response | undefined;
    for (let attempt = 1; response === undefined; attempt++) {
      try {
        response = await send(path, {
          method,
          body: req.body,
          accept: 'application/json, application/problem+json',
          signal: req.signal,
          idempotencyKey,
        });
      } catch (error) {
        if (idempotencyKey === undefined || attempt >= MAX_WRITE_ATTEMPTS || !isRetryable(error))
          throw error;
        const seconds = error instanceof ApiProblem ? (error.retryAfterSeconds ?? 1) : 1;
        await wait(Math.min(seconds * 1000, MAX_RETRY_WAIT_MS), req.signal);
      }
    }
    const body: unknown =
      response.status === 204 ? undefined : await response.json().catch(() => undefined);
    const parsed = req.schema.safeParse(body);
    if (!parsed.success) {
      throw new ApiProblem({
        status: response.status,
        code: CLIENT_PROBLEM_CODES.invalidResponse,
        title: 'The Elevate service sent an answer this page does not understand',
        detail:
          'Reload the page; if it keeps happening, the app and the service may be on different versions.',
      });
    }
    return parsed.data;
  }

  async function download(
    path: string,
    opts: { accept?: string; signal?: AbortSignal } = {},
  ): Promise<ApiDownload> {
    const response = await send(path, {
      method: 'GET',
      accept: `${opts.accept ?? 'application/octet-stream'}, application/problem+json`,
      signal: opts.signal,
    });
    return {
      blob: await response.blob(),
      filename: filenameFrom(response.headers.get('content-disposition')),
    };
  }

  // Same tokens, same lost-session hook, same problems as `request`.
  const { call } = createElevateClient({
    baseUrl,
    getTokens: options.getTokens,
    fetch: transport.fetch,
    ...(options.onUnauthorized === undefined ? {} : { onUnauthorized: options.onUnauthorized }),
  });

  return { call, request, download };
}
