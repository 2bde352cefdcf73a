import { useNavigate } from 'react-router';
import Button from '@cloudscape-design/components/button';
import type { RequestSummary } from '@elevate/contracts';
import { requestLabel } from './request-label';
import { prefillSearch } from './request-prefill';
import { paths } from '../../../lib/paths';

/** Opens New request filled in like this one; the user checks and sends it. */
export function RequestAgainButton({ request }: { request: RequestSummary }) {
  const navigate = useNavigate();
  return (
    <Button
      variant="normal"
      onClick={() => void navigate(`${paths.newRequest}?${prefillSearch(request)}`)}
      ariaLabel={`Request again: ${requestLabel(request)}`}
    >
      Request again
    </Button>
  );
}
