import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { RequestSummary } from '@elevate/contracts';
import type { Decision } from '../api/decide-request';
import { decisionsAllowed } from '../components/decision-actions';

/** The query flag notification links carry (`?decide=1`, or `?decide=reject` from Slack's Reject). */
const DECIDE_PARAM = 'decide';

/**
 * Opens the decision dialog when the page was reached from a notification's link with
 * `?decide=…`, once the request has loaded — and only if this viewer may decide it now (the
 * server's `allowedActions`): the link grants nothing. The flag is then removed from the address,
 * so closing the dialog or reloading does not open it again. Returns whether the flag asked for a
 * decision this viewer cannot take (already decided, or not theirs to decide).
 */
export function useDecideFlag(
  request: RequestSummary | undefined,
  open: (target: { request: RequestSummary; decision: Decision }) => void,
): { notDecidable: boolean } {
  const [params, setParams] = useSearchParams();
  const flag = params.get(DECIDE_PARAM);
  const handled = useRef<string | null>(null);
  const wanted: Decision = flag === 'reject' ? 'reject' : 'approve';
  const allowed = request === undefined ? [] : decisionsAllowed(request, ['approve', 'reject']);
  const notDecidable = flag !== null && request !== undefined && !allowed.includes(wanted);

  useEffect(() => {
    if (flag === null || request === undefined || handled.current === request.id) return;
    handled.current = request.id;
    if (allowed.includes(wanted)) open({ request, decision: wanted });
    if (allowed.includes(wanted))
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.delete(DECIDE_PARAM);
          return next;
        },
        { replace: true },
      );
  }, [flag, request, allowed, wanted, open, setParams]);

  return { notDecidable };
}
