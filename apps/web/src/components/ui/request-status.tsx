import StatusIndicator, {
  type StatusIndicatorProps,
} from '@cloudscape-design/components/status-indicator';
import { requestStatusWords, type AccessPhase, type RequestStatus } from '@elevate/contracts';

/** A request's state in words (shared with the CLI), with the indicator that goes with it. */
export function requestStatusLabel(
  status: RequestStatus,
  phase: AccessPhase | null,
): { type: StatusIndicatorProps.Type; text: string } {
  return { type: indicatorType(status, phase), text: requestStatusWords(status, phase) };
}

function indicatorType(
  status: RequestStatus,
  phase: AccessPhase | null,
): StatusIndicatorProps.Type {
  switch (status) {
    case 'PENDING':
      return 'pending';
    case 'APPROVED':
      return phase === 'scheduled' ? 'info' : phase === 'over' ? 'stopped' : 'success';
    case 'REJECTED':
      return 'error';
    case 'REVOKED':
      return 'warning';
    case 'CANCELLED':
    case 'EXPIRED':
    case 'ENDED':
      return 'stopped';
  }
}

export { REQUEST_STATUS_IN_WORDS } from '@elevate/contracts';

export function RequestStatusIndicator({
  status,
  phase,
}: {
  status: RequestStatus;
  phase: AccessPhase | null;
}) {
  const { type, text } = requestStatusLabel(status, phase);
  // Never broken inside a word ("Pending approv / al"): the column grows to fit instead.
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <StatusIndicator type={type}>{text}</StatusIndicator>
    </span>
  );
}
