import { ID_TOKEN_HEADER } from '@elevate/contracts';
import { ApiProblem, CLIENT_PROBLEM_CODES, problemFromResponse } from './api-problem';

export interface ApiTokens {
  accessToken: string;
  idToken: string;
}

/** How calls reach the API: the same for the typed client and the SPA's own requests. */
export interface ApiTransport {
  /** Current tokens, renewed if needed; null when nobody is signed in. */
  getTokens: () => Promise<ApiTokens | null>;
  /** Called when the API says the session is no longer valid (401, or API Gateway's bare 403). */
  onUnauthorized?: (() => void) | undefined;
  fetch: typeof fetch;
  /** Extra headers on every call, e.g. the CLI's `user-agent`. */
  headers?: Record<string, string> | undefined;
}

/**
 * A 401 that asks for a fresh sign-in for this one action (step-up) is not a lost session: the
 * caller decides when to send the user through the IdP.
 */
export const STEP_UP_REQUIRED = 'STEP_UP_REQUIRED';

/** In AWS the Lambda authorizer's refusal is API Gateway's 403 `{"message":"Forbidden"}`. */
function isGatewayRejection(response: Response): boolean {
  const contentType = response.headers.get('content-type') ?? '';
  return response.status === 403 && !/^application\/problem\+json\b/i.test(contentType);
}

/**
 * One call: both tokens attached (unless the operation is public), a failure to connect and every
 * non-2xx answer as an ApiProblem, a lost session reported once. Answers the 2xx response.
 */
export async function sendApiRequest(
  transport: ApiTransport,
  url: string,
  init: {
    method: string;
    accept: string;
    /** JSON text; sets `content-type`. */
    body?: string | undefined;
    headers?: Record<string, string> | undefined;
    signal?: AbortSignal | undefined;
    public?: boolean | undefined;
  },
): Promise<Response> {
  const headers: Record<string, string> = {
    ...transport.headers,
    ...init.headers,
    accept: init.accept,
  };
  if (!init.public) {
    const tokens = await transport.getTokens();
    if (!tokens) {
      transport.onUnauthorized?.();
      throw new ApiProblem({
        status: 401,
        code: CLIENT_PROBLEM_CODES.notSignedIn,
        title: 'You are not signed in',
        detail: 'Sign in to continue.',
      });
    }
    headers.authorization = `Bearer ${tokens.accessToken}`;
    headers[ID_TOKEN_HEADER] = tokens.idToken;
  }
  if (init.body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await transport.fetch(url, {
      method: init.method,
      headers,
      body: init.body,
      signal: init.signal,
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw new ApiProblem({
      status: 0,
      code: CLIENT_PROBLEM_CODES.network,
      title: 'Cannot reach the Elevate service',
      detail: 'Check your network connection and try again.',
    });
  }

  if (!response.ok) {
    const rejectedByGateway = isGatewayRejection(response);
    const problem = await problemFromResponse(response);
    if ((response.status === 401 && problem.code !== STEP_UP_REQUIRED) || rejectedByGateway)
      transport.onUnauthorized?.();
    throw problem;
  }
  return response;
}
