import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import { PageStatus } from '../components/ui/page-status';
import { useDocumentTitle } from '../hooks/use-document-title';
import { useAuth } from './auth-context';

/** Where the IdP sends the browser back: redeem the code once, then go where the user was heading. */
export function AuthCallbackPage() {
  useDocumentTitle('Signing in');
  const { completeSignIn, signIn } = useAuth();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    completeSignIn(window.location.href).then(
      (returnTo) => {
        if (active) void navigate(returnTo, { replace: true });
      },
      (error: unknown) => {
        if (active)
          setFailure(
            error instanceof Error ? error.message : 'The sign-in response could not be read.',
          );
      },
    );
    return () => {
      active = false;
    };
  }, [completeSignIn, navigate]);

  if (failure === null) return <PageStatus label="Signing you in" />;
  return (
    <Box padding="xxl">
      <Alert
        type="error"
        header="Sign-in did not complete"
        action={
          <Button
            onClick={() => {
              signIn('/').catch(() =>
                setFailure('Elevate could not contact your organisation’s identity provider.'),
              );
            }}
          >
            Sign in again
          </Button>
        }
      >
        {failure}
      </Alert>
    </Box>
  );
}
