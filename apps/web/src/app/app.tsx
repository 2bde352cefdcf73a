// The console: everything a signed-in person uses, loaded by the front door (main.tsx) on demand.
import '@cloudscape-design/global-styles/index.css';
import { useEffect, useMemo, useState } from 'react';
import { RouterProvider } from 'react-router';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { I18nProvider, type I18nProviderProps } from '@cloudscape-design/components/i18n';
import { useAuth } from '../auth/auth-context';
import type { RuntimeConfig } from '../config/runtime-config';
import { createApiClient, type ApiClient } from '../lib/api-client';
import { ApiClientContext } from '../lib/api-client-context';
import { createQueryClient } from '../lib/query-client';
import { createAppRouter } from './router';
import { createLoaderContext } from './route-loaders';
import { AnnouncerProvider } from '../components/ui/announcer';
import { applyAppearance, loadAppearance } from '../lib/appearance';

// Before the first paint of the console: no light flash for someone who chose (or runs) dark.
applyAppearance(loadAppearance());

// Cloudscape's own English strings name the controls we do not label ourselves (clear-filter
// buttons, tab scroll arrows, calendar navigation…); without them those buttons have no name. They
// weigh ~9 KiB (gzip) and no page waits for them: requested as the console starts, beside the
// page's code and data, and handed to the provider (same place in the tree, so nothing remounts)
// when they arrive. Should they fail to load, components keep the labels we give them.
const englishMessages: Promise<I18nProviderProps.Messages | undefined> =
  import('@cloudscape-design/components/i18n/messages/all.en').then(
    (module) => module.default,
    () => undefined,
  );

function useCloudscapeMessages(): I18nProviderProps.Messages[] {
  const [messages, setMessages] = useState<I18nProviderProps.Messages[]>([]);
  useEffect(() => {
    let current = true;
    void englishMessages.then((loaded) => {
      if (current && loaded) setMessages([loaded]);
    });
    return () => {
      current = false;
    };
  }, []);
  return messages;
}

function useApiClientFor(apiUrl: string): ApiClient {
  const { getTokens, handleSessionRejected } = useAuth();
  return useMemo(
    () => createApiClient({ baseUrl: apiUrl, getTokens, onUnauthorized: handleSessionRejected }),
    [apiUrl, getTokens, handleSessionRejected],
  );
}

interface Instances {
  queryClient: QueryClient;
  loaderContext: ReturnType<typeof createLoaderContext>;
  router?: ReturnType<typeof createAppRouter>;
}

// Created once per page, outside React, so StrictMode's double render cannot duplicate them.
const created = new WeakMap<RuntimeConfig, Instances>();
const instancesFor = (config: RuntimeConfig): Instances => {
  const existing = created.get(config);
  if (existing) return existing;
  const queryClient = createQueryClient();
  const instances: Instances = { queryClient, loaderContext: createLoaderContext(queryClient) };
  created.set(config, instances);
  return instances;
};

export interface AppProps {
  config: RuntimeConfig;
}

/** The console inside the front door's AuthProvider: API client, query cache, router. */
export function App({ config }: AppProps) {
  const { status } = useAuth();
  const client = useApiClientFor(config.apiUrl);
  const instances = instancesFor(config);
  // Route loaders fetch only for a signed-in person; set before the router exists, because it runs
  // the first page's loaders as it is created.
  instances.loaderContext.setApi(status === 'signed-in' ? client : undefined);
  instances.router ??= createAppRouter(config, instances.loaderContext);
  const { queryClient, router } = instances;
  const messages = useCloudscapeMessages();
  return (
    <I18nProvider locale="en" messages={messages}>
      <ApiClientContext.Provider value={client}>
        <QueryClientProvider client={queryClient}>
          <AnnouncerProvider>
            <RouterProvider router={router} />
          </AnnouncerProvider>
        </QueryClientProvider>
      </ApiClientContext.Provider>
    </I18nProvider>
  );
}
