import { useMutation } from '@tanstack/react-query';
import type { CliSessionResponse, ConsoleSessionResponse, SessionKind } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';
import { ApiProblem, CLIENT_PROBLEM_CODES } from '../../../lib/api-problem';

/** The API answers the kind that was asked for; anything else is a contract breach. */
function wrongKind(kind: SessionKind): ApiProblem {
  return new ApiProblem({
    status: 201,
    code: CLIENT_PROBLEM_CODES.invalidResponse,
    title: 'The Elevate service sent an answer this page does not understand',
    detail: `It did not answer with a ${kind} session. Reload the page and try again.`,
  });
}

async function startConsoleSession(api: ApiClient, id: string): Promise<ConsoleSessionResponse> {
  const session = await api.call('startSession', { id, body: { kind: 'console' } });
  if (session.kind !== 'console') throw wrongKind('console');
  return session;
}

async function startCliSession(api: ApiClient, id: string): Promise<CliSessionResponse> {
  const session = await api.call('startSession', { id, body: { kind: 'cli' } });
  if (session.kind !== 'cli') throw wrongKind('cli');
  return session;
}

/**
 * Opens the console in a new tab. The sign-in URL is a secret valid for one use: it goes straight to
 * `window.open` and is neither returned, cached nor logged.
 */
export function useOpenConsole() {
  const api = useApiClient();
  return useMutation({
    gcTime: 0,
    mutationFn: async (id: string) => {
      const session = await startConsoleSession(api, id);
      window.open(session.url, '_blank', 'noopener');
      return { expiresAt: session.expiresAt };
    },
  });
}

/** CLI credentials for the dialog; `gcTime: 0` so they leave the cache as soon as the dialog resets. */
export function useCliCredentials() {
  const api = useApiClient();
  return useMutation({ gcTime: 0, mutationFn: (id: string) => startCliSession(api, id) });
}
