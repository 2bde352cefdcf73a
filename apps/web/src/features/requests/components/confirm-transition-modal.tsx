import { useState } from 'react';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { COMMENT_MAX_LENGTH, type RequestSummary } from '@elevate/contracts';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import type { RequesterTransition } from '../api/request-transitions';

const COPY: Record<RequesterTransition, { header: string; confirm: string; explain: string }> = {
  cancel: {
    header: 'Cancel this request?',
    confirm: 'Cancel request',
    explain: 'Reviewers will no longer see it. You can request again at any time.',
  },
  end: {
    header: 'End access now?',
    confirm: 'End access now',
    explain:
      'Console sessions and CLI credentials from this request stop working. This cannot be undone.',
  },
};

// "End" on a window that has not opened yet: nothing is running, so nothing "ends now".
const CALL_OFF = {
  header: 'Cancel access before it starts?',
  confirm: 'Cancel access',
  explain: 'The window will not open, and no console or CLI access is issued from this request.',
};

export interface ConfirmTransitionModalProps {
  transition: RequesterTransition;
  request: RequestSummary | null;
  pending: boolean;
  error: unknown;
  onConfirm: (comment: string) => void;
  onDismiss: () => void;
}

/** Asks before cancelling or ending, with an optional comment for the record. */
export function ConfirmTransitionModal({
  transition,
  request,
  pending,
  error,
  onConfirm,
  onDismiss,
}: ConfirmTransitionModalProps) {
  const [comment, setComment] = useState('');
  const copy = transition === 'end' && request?.phase === 'scheduled' ? CALL_OFF : COPY[transition];
  const tooLong = [...comment].length > COMMENT_MAX_LENGTH;
  return (
    <Modal
      visible={request !== null}
      onDismiss={onDismiss}
      header={copy.header}
      closeAriaLabel="Close"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onDismiss}>
              Keep it
            </Button>
            <Button
              variant="primary"
              loading={pending}
              disabled={tooLong}
              onClick={() => onConfirm(comment)}
            >
              {copy.confirm}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      {request && (
        <SpaceBetween size="m">
          <Box variant="p">
            <Box variant="strong">
              {request.roleName} in {request.accountName ?? request.accountId} ({request.accountId})
            </Box>
            . {copy.explain}
          </Box>
          <FormField
            label="Comment (optional)"
            errorText={tooLong ? `At most ${COMMENT_MAX_LENGTH} characters.` : undefined}
          >
            <Textarea
              value={comment}
              onChange={({ detail }) => setComment(detail.value)}
              ariaLabel="Comment (optional)"
              rows={2}
            />
          </FormField>
          {error !== null && error !== undefined && <ProblemAlert error={error} />}
        </SpaceBetween>
      )}
    </Modal>
  );
}
