import { useMemo, type ReactNode } from 'react';
import { RouterProvider } from 'react-router';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { AuthProvider, useAuth, type AuthProviderProps } from '../auth';
import { createApiClient } from '../lib/api-client';
import { ApiClientContext } from '../lib/api-client-context';
import type { createAppRouter } from './router';

function ApiClientProvider({ apiUrl, children }: { apiUrl: string; children: ReactNode }) {
  const { getTokens, handleSessionRejected } = useAuth();
  const client = useMemo(
    () => createApiClient({ baseUrl: apiUrl, getTokens, onUnauthorized: handleSessionRejected }),
    [apiUrl, getTokens, handleSessionRejected],
  );
  return <ApiClientContext.Provider value={client}>{children}</ApiClientContext.Provider>;
}

export interface AppProps {
  apiUrl: string;
  /** These three are created once, outside React, so StrictMode's double render cannot duplicate them. */
  userManager: AuthProviderProps['userManager'];
  queryClient: QueryClient;
  router: ReturnType<typeof createAppRouter>;
}

export function App({ apiUrl, userManager, queryClient, router }: AppProps) {
  return (
    <AuthProvider userManager={userManager}>
      <ApiClientProvider apiUrl={apiUrl}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </ApiClientProvider>
    </AuthProvider>
  );
}
