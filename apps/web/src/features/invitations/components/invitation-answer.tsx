import { useState } from 'react';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import type { RequestSummary } from '@elevate/contracts';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import type { FlashMessage } from '../../../hooks/use-flash-messages';
import { useAnswerInvitation } from '../api/answer-invitation';

const targetOf = (request: RequestSummary): string =>
  `${request.roleName} in ${request.accountName ?? request.accountId}`;

/**
 * An invitation as its engineer sees it, with Accept and Decline (what the server allows), and as
 * everyone else sees it while it waits: who invited whom. Nothing for other requests.
 */
export function InvitationAnswer({
  request,
  onFlash,
}: {
  request: RequestSummary;
  onFlash: (message: FlashMessage) => void;
}) {
  const answer = useAnswerInvitation();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const invitation = request.invitation;
  if (invitation === undefined || invitation.state !== 'AWAITING') return null;
  const mayAccept = request.allowedActions.includes('acceptInvitation');
  const mayDecline = request.allowedActions.includes('declineInvitation');
  const target = targetOf(request);

  if (!mayAccept && !mayDecline) {
    return (
      <Alert type="info" header={`Invitation from ${invitation.inviter.name}`}>
        {invitation.inviteeEmail} has not answered yet; the window cannot open before they accept.
      </Alert>
    );
  }
  // The answer reloads every view, which may take this invitation (and this component) away before
  // `mutate`'s own callbacks run, and TanStack Query skips those once unmounted: the promise keeps
  // the message.
  const accept = () =>
    answer.mutateAsync({ id: request.id, answer: 'accept' }).then(
      (view) =>
        onFlash({
          type: 'success',
          header: `Accepted: ${target}`,
          content:
            view.status === 'APPROVED'
              ? 'Your access is approved; open the console or get CLI credentials when the window is open.'
              : `Waiting for ${view.approvalsRequired - view.approvalsCount} more approval(s).`,
        }),
      // The failure is shown by the mutation's own error state.
      () => undefined,
    );
  const decline = () =>
    answer.mutateAsync({ id: request.id, answer: 'decline', comment: reason }).then(
      () => {
        setDeclining(false);
        onFlash({ type: 'info', header: `Declined: ${target}` });
      },
      () => undefined,
    );

  return (
    <>
      <Alert
        type="info"
        header={`${invitation.inviter.name} invites you to ${target}`}
        action={
          <SpaceBetween direction="horizontal" size="xs">
            {mayDecline ? (
              <Button
                ariaLabel={`Decline the invitation to ${target}`}
                onClick={() => {
                  answer.reset();
                  setDeclining(true);
                }}
              >
                Decline
              </Button>
            ) : null}
            {mayAccept ? (
              <Button
                variant="primary"
                ariaLabel={`Accept the invitation to ${target}`}
                loading={answer.isPending && !declining}
                onClick={accept}
              >
                Accept
              </Button>
            ) : null}
          </SpaceBetween>
        }
      >
        <SpaceBetween size="xs">
          <Box variant="p">
            {request.justification} — {request.requestedDurationMinutes} minutes. Your own
            eligibility is checked when you accept; access opens once the invitation is approved.
          </Box>
          {answer.isError && !declining ? <ProblemAlert error={answer.error} /> : null}
        </SpaceBetween>
      </Alert>
      {declining ? (
        <Modal
          visible
          onDismiss={() => setDeclining(false)}
          header={`Decline the invitation to ${target}`}
          footer={
            <Box float="right">
              <SpaceBetween direction="horizontal" size="xs">
                <Button variant="link" onClick={() => setDeclining(false)}>
                  Keep it
                </Button>
                <Button variant="primary" loading={answer.isPending} onClick={decline}>
                  Decline
                </Button>
              </SpaceBetween>
            </Box>
          }
        >
          <SpaceBetween size="m">
            <Box>The invitation ends and never opens; {invitation.inviter.name} is told.</Box>
            {/* FormField's label names the field (it wins over an ariaLabel). */}
            <FormField label="Reason for declining (optional)" description="Kept in the history.">
              <Textarea value={reason} onChange={({ detail }) => setReason(detail.value)} />
            </FormField>
            {answer.isError ? <ProblemAlert error={answer.error} /> : null}
          </SpaceBetween>
        </Modal>
      ) : null}
    </>
  );
}
