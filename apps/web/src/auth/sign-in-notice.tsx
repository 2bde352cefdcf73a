import { useState } from 'react';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import { takeSignInNotice } from './sign-in-notice-store';

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
