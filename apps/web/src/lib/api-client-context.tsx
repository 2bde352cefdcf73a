import { createContext, useContext } from 'react';
import type { ApiClient } from './api-client';

/** Runtime-configured, so it reaches features through context rather than a module singleton. */
export const ApiClientContext = createContext<ApiClient | null>(null);

export function useApiClient(): ApiClient {
  const client = useContext(ApiClientContext);
  if (!client) throw new Error('useApiClient must be used inside <ApiClientContext.Provider>.');
  return client;
}
