import { useState } from 'react';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import type { ActiveAccessItem } from '@elevate/contracts';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { useRevokeAccess } from '../api/revoke-access';

/** Asks why (the API requires a reason), then revokes; says what happens to live sessions. */
export function RevokeAccessModal({
  item,
  onClose,
  onRevoked,
}: {
  item: ActiveAccessItem;
  onClose: () => void;
  onRevoked: (item: ActiveAccessItem) => void;
}) {
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const revoke = useRevokeAccess();
  const missing = comment.trim() === '';
  const submit = () => {
    setTried(true);
    if (missing) return;
    revoke.mutate({ id: item.id, comment }, { onSuccess: () => onRevoked(item) });
  };
  return (
    <Modal
      visible
      onDismiss={onClose}
      header={`Revoke ${item.requester.name}'s ${item.roleName} access`}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onClose}>
              Keep access
            </Button>
            <Button variant="primary" loading={revoke.isPending} onClick={submit}>
              Revoke
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="m">
        <Box>
          No new sessions can start, and credentials already issued for this window stop working
          within a minute.
        </Box>
        <FormField
          label="Reason for revoking"
          description="Shown to the requester and kept in the history."
          errorText={tried && missing ? 'Say why you revoke this access.' : undefined}
        >
          <Textarea value={comment} onChange={({ detail }) => setComment(detail.value)} />
        </FormField>
        {revoke.isError ? <ProblemAlert error={revoke.error} /> : null}
      </SpaceBetween>
    </Modal>
  );
}
