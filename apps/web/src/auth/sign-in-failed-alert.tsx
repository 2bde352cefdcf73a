import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';

/** The IdP could not be reached to start sign-in (down, or its discovery document is missing). */
export function SignInFailedAlert({ onRetry }: { onRetry: () => void }) {
  return (
    <Alert
      type="error"
      header="Cannot reach the sign-in service"
      action={<Button onClick={onRetry}>Try again</Button>}
    >
      Elevate could not contact your organisation’s identity provider. Try again in a moment; if it
      keeps happening, tell your Elevate operators.
    </Alert>
  );
}
