import '@cloudscape-design/global-styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createAppRouter } from './app/router';
import { createUserManager } from './auth';
import { ConfigErrorPage } from './config/config-error-page';
import { loadRuntimeConfig } from './config/runtime-config';
import { createQueryClient } from './lib/query-client';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
const root = createRoot(container);

void loadRuntimeConfig().then((result) => {
  if (!result.ok) {
    root.render(
      <StrictMode>
        <ConfigErrorPage reason={result.reason} issues={result.issues} />
      </StrictMode>,
    );
    return;
  }
  const { config } = result;
  root.render(
    <StrictMode>
      <App
        apiUrl={config.apiUrl}
        userManager={createUserManager(config)}
        queryClient={createQueryClient()}
        router={createAppRouter(config)}
      />
    </StrictMode>,
  );
});
