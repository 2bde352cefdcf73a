import type { ReactElement } from 'react';
import { vi } from 'vitest';
import type * as z from 'zod/mini';
import { configure, render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { API_OPERATIONS, type ApiOperation, type OperationId } from '@elevate/contracts';
import { operationPath, type ApiFile } from '@elevate/client';
import { personas, personRef } from '@elevate/testing/personas';
import { AuthContext, type AuthContextValue } from '../auth/auth-context';
import type { ApiClient } from '../lib/api-client';
import { ApiClientContext } from '../lib/api-client-context';

// findBy…/waitFor give up after 1 s by default; on a busy CI machine a Cloudscape page can take
// longer to render a page of rows. Waiting longer costs nothing when it is fast.
configure({ asyncUtilTimeout: 5_000 });

type Handler = (body: unknown, path: string) => unknown;

/**
 * A stand-in for the typed client: answers each operation by "METHOD /path" (query string included,
 * built exactly as the real client builds it), parsed through the operation's contract like the real
 * client. Files (the audit CSV) answer by path from `downloads`. Unknown calls fail the test loudly.
 */
export function fakeApi(
  handlers: Record<string, Handler>,
  downloads: Record<string, () => ApiFile> = {},
) {
  const call = vi.fn(async (operationId: OperationId, input: object): Promise<unknown> => {
    const operation: ApiOperation = API_OPERATIONS[operationId];
    const path = operationPath(operationId, input);
    if ('mediaType' in operation.response) {
      const download = downloads[path];
      if (!download) throw new Error(`No fake download for ${path}`);
      return download();
    }
    const key = `${operation.method.toUpperCase()} ${path}`;
    const handler = handlers[key];
    if (!handler) throw new Error(`No fake answer for ${key}`);
    return (operation.response as z.ZodMiniType).parse(
      await handler((input as { body?: unknown }).body, path),
    );
  });
  return { call } as unknown as ApiClient & { call: typeof call };
}

export function fakeAuth(overrides: Partial<AuthContextValue> = {}): AuthContextValue {
  return {
    status: 'signed-in',
    user: personRef(personas.alice),
    signIn: vi.fn(async () => undefined),
    stepUp: vi.fn(async () => undefined),
    signOut: vi.fn(async () => undefined),
    getTokens: vi.fn(async () => ({ accessToken: 'a', idToken: 'i' })),
    handleSessionRejected: vi.fn(),
    completeSignIn: vi.fn(async () => '/'),
    ...overrides,
  };
}

export interface RenderOptions {
  api: ApiClient;
  auth?: AuthContextValue;
  path?: string;
  /** Extra routes, e.g. where a page navigates to. */
  routes?: RouteObject[];
}

/** Renders one element at `path` with the app's providers, a fresh query cache and no retries. */
export function renderWithApp(
  element: ReactElement,
  { api, auth = fakeAuth(), path = '/', routes = [] }: RenderOptions,
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const pathname = path.split('?')[0] ?? '/';
  const router = createMemoryRouter([{ path: pathname, element }, ...routes], {
    initialEntries: [path],
  });
  const result = render(
    <AuthContext.Provider value={auth}>
      <ApiClientContext.Provider value={api}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </ApiClientContext.Provider>
    </AuthContext.Provider>,
  );
  return { ...result, router, queryClient, auth };
}
