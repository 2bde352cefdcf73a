// The front door: all a signed-out visitor downloads. React, the session read from this tab's
// storage and a plain landing page; the console (Cloudscape, router, data libraries) loads only once
// signed in, oidc-client-ts only to sign in, complete a sign-in, renew or sign out.
import './front-door/front-door.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthProvider } from './auth/auth-provider';
import { createAuthSession } from './auth/auth-session';
import { loadRuntimeConfig } from './config/runtime-config';
import {
  FrontDoor,
  isFrontDoorPath,
  loadSignedInApp,
  mayBeSignedIn,
} from './front-door/front-door';
import { ConfigErrorScreen } from './front-door/config-error-screen';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
const root = createRoot(container);

// Requested first: the console's files below are many, and over HTTP/1.1 a request made after
// them waits for a free connection.
const runtimeConfig = loadRuntimeConfig();

// Deep links, the sign-in callback and a tab with a session all end in the console: fetch it
// alongside /config.json instead of after it.
if (!isFrontDoorPath(window.location.pathname) || mayBeSignedIn()) void loadSignedInApp();

void runtimeConfig.then((result) => {
  if (!result.ok) {
    root.render(
      <StrictMode>
        <ConfigErrorScreen reason={result.reason} issues={result.issues} />
      </StrictMode>,
    );
    return;
  }
  const { config } = result;
  root.render(
    <StrictMode>
      <AuthProvider session={createAuthSession(config)}>
        <FrontDoor config={config} />
      </AuthProvider>
    </StrictMode>,
  );
});
