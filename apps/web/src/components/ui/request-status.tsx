import StatusIndicator, {
  type StatusIndicatorProps,
} from '@cloudscape-design/components/status-indicator';
import type { AccessPhase, RequestStatus } from '@elevate/contracts';

/** A request's state in words, as a person would say it: approved becomes scheduled, active or over. */
export function requestStatusLabel(
  status: RequestStatus,
  phase: AccessPhase | null,
): { type: StatusIndicatorProps.Type; text: string } {
  switch (status) {
    case 'PENDING':
      return { type: 'pending', text: 'Pending approval' };
    case 'APPROVED':
      switch (phase) {
        case 'scheduled':
          return { type: 'info', text: 'Approved, scheduled' };
        case 'active':
          return { type: 'success', text: 'Active' };
        case 'over':
          return { type: 'stopped', text: 'Window over' };
        case null:
          return { type: 'success', text: 'Approved' };
      }
      break;
    case 'REJECTED':
      return { type: 'error', text: 'Rejected' };
    case 'CANCELLED':
      return { type: 'stopped', text: 'Cancelled' };
    case 'EXPIRED':
      return { type: 'stopped', text: 'Expired unapproved' };
    case 'REVOKED':
      return { type: 'warning', text: 'Revoked' };
    case 'ENDED':
      return { type: 'stopped', text: 'Ended early' };
  }
}

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
