import { useState } from 'react';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';

const STORAGE_KEY = 'elevate.sign-in-notice';

/** Keeps a notice from the sign-in state until the page it returns to shows it (once). */
export function rememberSignInNotice(
  notice: string | undefined,
  storage: Storage = window.sessionStorage,
): void {
  if (notice === undefined) storage.removeItem(STORAGE_KEY);
  else storage.setItem(STORAGE_KEY, notice);
}

/** The remembered notice, removed as it is read. */
export function takeSignInNotice(storage: Storage = window.sessionStorage): string | undefined {
  const notice = storage.getItem(STORAGE_KEY) ?? undefined;
  storage.removeItem(STORAGE_KEY);
  return notice;
}

/** Says what to do next after a sign-in round trip (step-up); dismissible, shown once. */
export function SignInNotice() {
  const [notice, setNotice] = useState(() => takeSignInNotice());
  if (notice === undefined) return null;
  return (
    <Box padding={{ horizontal: 'l', top: 's' }}>
      <Alert
        type="info"
        dismissible
        onDismiss={() => setNotice(undefined)}
        header="Signed in again"
      >
        {notice}
      </Alert>
    </Box>
  );
}
