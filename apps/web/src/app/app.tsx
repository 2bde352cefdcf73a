import { useMemo, type ReactNode } from 'react';
import { RouterProvider } from 'react-router';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { I18nProvider } from '@cloudscape-design/components/i18n';
import englishMessages from '@cloudscape-design/components/i18n/messages/all.en';
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
  // Cloudscape's own English strings name the controls we do not label ourselves (clear-filter
  // buttons, tab scroll arrows, calendar navigation…); without them those buttons have no name.
  return (
    <I18nProvider locale="en" messages={[englishMessages]}>
      <AuthProvider userManager={userManager}>
        <ApiClientProvider apiUrl={apiUrl}>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </ApiClientProvider>
      </AuthProvider>
    </I18nProvider>
  );
}
