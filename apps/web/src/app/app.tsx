// The console: everything a signed-in person uses, loaded by the front door (main.tsx) on demand.
import '@cloudscape-design/global-styles/index.css';
import { useMemo, type ReactNode } from 'react';
import { RouterProvider } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider } from '@cloudscape-design/components/i18n';
import englishMessages from '@cloudscape-design/components/i18n/messages/all.en';
import { useAuth } from '../auth/auth-context';
import type { RuntimeConfig } from '../config/runtime-config';
import { createApiClient } from '../lib/api-client';
import { ApiClientContext } from '../lib/api-client-context';
import { createQueryClient } from '../lib/query-client';
import { createAppRouter } from './router';
import { AnnouncerProvider } from '../components/ui/announcer';
import { applyAppearance, loadAppearance } from '../lib/appearance';

// Before the first paint of the console: no light flash for someone who chose (or runs) dark.
applyAppearance(loadAppearance());

function ApiClientProvider({ apiUrl, children }: { apiUrl: string; children: ReactNode }) {
  const { getTokens, handleSessionRejected } = useAuth();
  const client = useMemo(
    () => createApiClient({ baseUrl: apiUrl, getTokens, onUnauthorized: handleSessionRejected }),
    [apiUrl, getTokens, handleSessionRejected],
  );
  return <ApiClientContext.Provider value={client}>{children}</ApiClientContext.Provider>;
}

// Created once per page, outside React, so StrictMode's double render cannot duplicate them.
const created = new WeakMap<RuntimeConfig, ReturnType<typeof createInstances>>();
const createInstances = (config: RuntimeConfig) => ({
  queryClient: createQueryClient(),
  router: createAppRouter(config),
});
const instancesFor = (config: RuntimeConfig) => {
  const existing = created.get(config);
  if (existing) return existing;
  const instances = createInstances(config);
  created.set(config, instances);
  return instances;
};

export interface AppProps {
  config: RuntimeConfig;
}

/** The console inside the front door's AuthProvider: API client, query cache, router. */
export function App({ config }: AppProps) {
  const { queryClient, router } = instancesFor(config);
  // Cloudscape's own English strings name the controls we do not label ourselves (clear-filter
  // buttons, tab scroll arrows, calendar navigation…); without them those buttons have no name.
  return (
    <I18nProvider locale="en" messages={[englishMessages]}>
      <ApiClientProvider apiUrl={config.apiUrl}>
        <QueryClientProvider client={queryClient}>
          <AnnouncerProvider>
            <RouterProvider router={router} />
          </AnnouncerProvider>
        </QueryClientProvider>
      </ApiClientProvider>
    </I18nProvider>
  );
}
