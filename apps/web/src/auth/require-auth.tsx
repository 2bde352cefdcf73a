import { useCallback, useEffect, useState, type ReactNode } from 'react';
import Box from '@cloudscape-design/components/box';
import { useLocation } from 'react-router';
import { PageStatus } from '../components/ui/page-status';
import { useAuth } from './auth-context';
import { SignInFailedAlert } from './sign-in-failed-alert';
import { SignInNotice } from './sign-in-notice';

export interface RequireAuthProps {
  children: ReactNode;
  /** Shown to a signed-out visitor instead of sending them to the IdP. */
  signedOut?: ReactNode;
}

/** Renders children for a signed-in user; anyone else signs in and comes back to this very page. */
export function RequireAuth({ children, signedOut }: RequireAuthProps) {
  const { status, signIn } = useAuth();
  const location = useLocation();
  const here = `${location.pathname}${location.search}${location.hash}`;
  const redirect = status === 'signed-out' && signedOut === undefined;
  const [failed, setFailed] = useState(false);

  const start = useCallback(() => {
    setFailed(false);
    signIn(here).catch(() => setFailed(true));
  }, [here, signIn]);

  useEffect(() => {
    if (redirect) start();
  }, [redirect, start]);

  if (redirect && failed) {
    return (
      <Box padding="xxl">
        <SignInFailedAlert onRetry={start} />
      </Box>
    );
  }

  switch (status) {
    case 'loading':
      return <PageStatus label="Checking your session" />;
    case 'signing-out':
      return <PageStatus label="Signing you out" />;
    case 'signed-out':
      return signedOut ?? <PageStatus label="Taking you to sign in" />;
    case 'signed-in':
      return (
        <>
          <SignInNotice />
          {children}
        </>
      );
  }
}
