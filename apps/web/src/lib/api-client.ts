import type { z } from 'zod';
import { ID_TOKEN_HEADER } from '@elevate/contracts';
import { ApiProblem, CLIENT_PROBLEM_CODES, problemFromResponse } from './api-problem';

export interface ApiTokens {
  accessToken: string;
  idToken: string;
}

export interface ApiClientOptions {
  /** The API's base URL, from the runtime config. */
  baseUrl: string;
  /** Current tokens, renewed if needed; null when nobody is signed in. */
  getTokens: () => Promise<ApiTokens | null>;
  /** Called when the API says the session is no longer valid (HTTP 401). */
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
}

export interface ApiClient {
  request<S extends z.ZodType>(path: string, request: ApiRequest<S>): Promise<z.infer<S>>;
}

/** The one way the SPA talks to the API: both tokens attached, bodies checked, failures as ApiProblem. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const fetchFn = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  async function request<S extends z.ZodType>(path: string, req: ApiRequest<S>): Promise<z.infer<S>> {
    const tokens = await options.getTokens();
    if (!tokens) {
      options.onUnauthorized?.();
      throw new ApiProblem({
        status: 401,
        code: CLIENT_PROBLEM_CODES.notSignedIn,
        title: 'You are not signed in',
        detail: 'Sign in to continue.',
      });
    }
    const headers: Record<string, string> = {
      accept: 'application/json, application/problem+json',
      authorization: `Bearer ${tokens.accessToken}`,
      [ID_TOKEN_HEADER]: tokens.idToken,
    };
    if (req.body !== undefined) headers['content-type'] = 'application/json';

    let response: Response;
    try {
      response = await fetchFn(`${baseUrl}${path}`, {
        method: req.method ?? 'GET',
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: req.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiProblem({
        status: 0,
        code: CLIENT_PROBLEM_CODES.network,
        title: 'Cannot reach the Elevate service',
        detail: 'Check your network connection and try again.',
      });
    }

    if (!response.ok) {
      const problem = await problemFromResponse(response);
      if (response.status === 401) options.onUnauthorized?.();
      throw problem;
    }

    const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
    const parsed = req.schema.safeParse(body);
    if (!parsed.success) {
      throw new ApiProblem({
        status: response.status,
        code: CLIENT_PROBLEM_CODES.invalidResponse,
        title: 'The Elevate service sent an answer this page does not understand',
        detail: 'Reload the page; if it keeps happening, the app and the service may be on different versions.',
      });
    }
    return parsed.data;
  }

  return { request };
}
