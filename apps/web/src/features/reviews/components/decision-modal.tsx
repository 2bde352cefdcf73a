import { useState } from 'react';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import { LocalTime } from '../../../components/ui/local-time';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { COMMENT_MAX_LENGTH, type RequestSummary } from '@elevate/contracts';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { isApiProblem } from '../../../lib/api-problem';
import { formatMinutes } from '../../../lib/format-duration';
import { COMMENT_REQUIRED, useDecideRequest, type Decision } from '../api/decide-request';
import { useNarrowScreen } from '../../../hooks/use-narrow-screen';

const COPY: Record<Decision, { header: string; confirm: string; commentHint: string }> = {
  approve: {
    header: 'Approve this request?',
    confirm: 'Approve',
    commentHint: 'Optional; the requester and auditors see it.',
  },
  reject: {
    header: 'Reject this request?',
    confirm: 'Reject',
    commentHint: 'Required: tell the requester why, so they can ask better next time.',
  },
  review: {
    header: 'Mark break-glass access as reviewed?',
    confirm: 'Mark reviewed',
    commentHint: 'Required: what you checked and what you found.',
  },
  revoke: {
    header: 'Revoke this access now?',
    confirm: 'Revoke',
    commentHint: 'Required: why access is being taken away.',
  },
};

export interface DecisionModalProps {
  /** Open while set. */
  target: { request: RequestSummary; decision: Decision } | null;
  onDone: (request: RequestSummary, decision: Decision) => void;
  onDismiss: () => void;
}

/** A decision with its comment: required to reject, review or revoke; checked here, judged by the API. */
export function DecisionModal({ target, onDone, onDismiss }: DecisionModalProps) {
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const decide = useDecideRequest();
  if (!target) return <Modal visible={false} onDismiss={onDismiss} header="" />;

  const { request, decision } = target;
  const copy = COPY[decision];
  const length = [...comment.trim()].length;
  const localError =
    COMMENT_REQUIRED[decision] && length === 0
      ? 'A comment is required.'
      : length > COMMENT_MAX_LENGTH
        ? `At most ${COMMENT_MAX_LENGTH} characters.`
        : undefined;
  const serverError = isApiProblem(decide.error) ? decide.error.fieldError('comment') : undefined;

  const narrow = useNarrowScreen();
  const confirm = () => {
    setTried(true);
    if (localError) return;
    decide.mutate(
      { id: request.id, decision, comment },
      { onSuccess: () => onDone(request, decision) },
    );
  };

  return (
    <Modal
      visible
      onDismiss={onDismiss}
      header={copy.header}
      closeAriaLabel="Close"
      footer={
        narrow ? (
          // One-handed on a phone: the confirming button first, full width, within thumb reach.
          <SpaceBetween size="xs">
            <Button variant="primary" fullWidth loading={decide.isPending} onClick={confirm}>
              {copy.confirm}
            </Button>
            <Button fullWidth onClick={onDismiss}>
              Back
            </Button>
          </SpaceBetween>
        ) : (
          <Box float="right">
            <SpaceBetween direction="horizontal" size="xs">
              <Button variant="link" onClick={onDismiss}>
                Back
              </Button>
              <Button variant="primary" loading={decide.isPending} onClick={confirm}>
                {copy.confirm}
              </Button>
            </SpaceBetween>
          </Box>
        )
      }
    >
      <SpaceBetween size="m">
        <KeyValuePairs
          columns={narrow ? 1 : 2}
          items={[
            { label: 'Requester', value: `${request.requester.name} (${request.requester.email})` },
            {
              label: 'Access',
              value: `${request.roleName} in ${request.accountName ?? request.accountId} (${request.accountId})`,
            },
            { label: 'Duration', value: formatMinutes(request.requestedDurationMinutes) },
            {
              label: 'Starts',
              value: request.scheduledStart ? (
                <LocalTime iso={request.scheduledStart} />
              ) : (
                'When approved'
              ),
            },
            {
              label: 'Approvals so far',
              value:
                request.decisions
                  .filter((d) => d.decision === 'APPROVE')
                  .map((d) => d.approver.name)
                  .join(', ') || 'None yet',
            },
            { label: 'Ticket', value: request.ticket ?? '—' },
            { label: 'Justification', value: request.justification },
          ]}
        />
        <FormField
          label={COMMENT_REQUIRED[decision] ? 'Comment' : 'Comment (optional)'}
          constraintText={copy.commentHint}
          errorText={(tried && localError) || serverError}
          controlId="decision-comment"
        >
          <Textarea
            controlId="decision-comment"
            value={comment}
            onChange={({ detail }) => setComment(detail.value)}
            rows={3}
            invalid={Boolean((tried && localError) || serverError)}
          />
        </FormField>
        {decide.isError && !serverError && <ProblemAlert error={decide.error} />}
      </SpaceBetween>
    </Modal>
  );
}
