import { useEffect, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { PageStatus } from '../components/ui/page-status';
import { useAuth } from './auth-context';

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

  useEffect(() => {
    if (redirect) void signIn(here);
  }, [redirect, here, signIn]);

  switch (status) {
    case 'loading':
      return <PageStatus label="Checking your session" />;
    case 'signed-out':
      return signedOut ?? <PageStatus label="Taking you to sign in" />;
    case 'signed-in':
      return children;
  }
}
