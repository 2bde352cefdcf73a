import { isRouteErrorResponse, useRouteError } from 'react-router';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Alert from '@cloudscape-design/components/alert';
import { useDocumentTitle } from '../../hooks/use-document-title';

/** Last resort when a page fails to render or its code fails to load (e.g. after a deploy). */
export function RouteErrorPage() {
  useDocumentTitle('Something went wrong');
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `The page answered ${error.status} ${error.statusText}.`
    : 'This page hit an unexpected error. Reloading usually helps, especially after Elevate was updated.';
  return (
    <Box padding="xxl">
      <Alert
        type="error"
        header="Something went wrong"
        action={<Button onClick={() => window.location.reload()}>Reload</Button>}
      >
        {detail}
      </Alert>
    </Box>
  );
}
