import { useMutation } from '@tanstack/react-query';
import {
  cliSessionResponseSchema,
  consoleSessionResponseSchema,
  type CliSessionResponse,
  type ConsoleSessionResponse,
} from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';

const path = (id: string) => `/requests/${encodeURIComponent(id)}/sessions`;

export function startConsoleSession(api: ApiClient, id: string): Promise<ConsoleSessionResponse> {
  return api.request(path(id), {
    method: 'POST',
    body: { kind: 'console' },
    schema: consoleSessionResponseSchema,
  });
}

export function startCliSession(api: ApiClient, id: string): Promise<CliSessionResponse> {
  return api.request(path(id), {
    method: 'POST',
    body: { kind: 'cli' },
    schema: cliSessionResponseSchema,
  });
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
