import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useNarrowScreen } from '../../../hooks/use-narrow-screen';
import type { RequestAction, RequestSummary } from '@elevate/contracts';
import { RowActions } from '../../../components/ui/row-actions';
import type { Decision } from '../api/decide-request';

const BUTTONS: { action: RequestAction; decision: Decision; text: string; primary?: boolean }[] = [
  { action: 'approve', decision: 'approve', text: 'Approve', primary: true },
  { action: 'reject', decision: 'reject', text: 'Reject' },
  { action: 'reviewBreakGlass', decision: 'review', text: 'Mark reviewed', primary: true },
  { action: 'revoke', decision: 'revoke', text: 'Revoke' },
];

/** Which decisions this viewer may take now: exactly the server's `allowedActions`, nothing more. */
export function decisionsAllowed(
  request: Pick<RequestSummary, 'allowedActions'>,
  only?: readonly Decision[],
): Decision[] {
  return BUTTONS.filter(
    (button) =>
      request.allowedActions.includes(button.action) && (!only || only.includes(button.decision)),
  ).map((button) => button.decision);
}

export interface DecisionActionsProps {
  request: RequestSummary;
  onDecide: (decision: Decision) => void;
  /** Limit to some decisions, e.g. only approve/reject in the pending queue. */
  only?: readonly Decision[];
  /** Says who the buttons are for, e.g. "Alice's ReadOnly in sandbox". */
  label: string;
}

export function DecisionActions({ request, onDecide, only, label }: DecisionActionsProps) {
  const allowed = decisionsAllowed(request, only);
  // On a phone: one full-width button per line, easy to hit with a thumb.
  const narrow = useNarrowScreen();
  const buttons = BUTTONS.filter((button) => allowed.includes(button.decision)).map((button) => (
    <Button
      key={button.decision}
      variant={button.primary ? 'primary' : 'normal'}
      fullWidth={narrow}
      onClick={() => onDecide(button.decision)}
      ariaLabel={`${button.text}: ${label}`}
    >
      {button.text}
    </Button>
  ));
  if (narrow) return <SpaceBetween size="xs">{buttons}</SpaceBetween>;
  return <RowActions>{buttons}</RowActions>;
}
