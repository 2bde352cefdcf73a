import { useState } from 'react';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import type { RequestSummary } from '@elevate/contracts';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import type { FlashMessage } from '../../../hooks/use-flash-messages';
import { useExtension } from '../api/extend-request';

type Dialog = 'extend' | 'approve' | 'reject' | null;

/**
 * Extension of an open window: the requester's "Extend" button, and for approvers the pending
 * extension with Approve / Refuse. Shows nothing when the viewer can do neither.
 */
export function ExtensionPanel({
  request,
  onFlash,
}: {
  request: RequestSummary;
  onFlash: (message: FlashMessage) => void;
}) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [minutes, setMinutes] = useState('30');
  const [text, setText] = useState('');
  const extension = useExtension();
  const pending = request.extensions?.find((item) => item.state === 'PENDING');
  const can = (action: 'extend' | 'approveExtension' | 'rejectExtension') =>
    request.allowedActions.includes(action);
  if (!can('extend') && !can('approveExtension') && !pending) return null;

  const open = (next: Dialog) => {
    extension.reset();
    setText('');
    setDialog(next);
  };
  const minutesValue = Number.parseInt(minutes, 10);
  const submit = () => {
    if (dialog === null) return;
    const call =
      dialog === 'extend'
        ? { kind: 'extend' as const, id: request.id, minutes: minutesValue, reason: text }
        : { kind: dialog, id: request.id, comment: text };
    extension.mutate(call, {
      onSuccess: (view) => {
        setDialog(null);
        const latest = view.extensions?.at(-1);
        onFlash({
          type: 'success',
          header:
            dialog === 'extend'
              ? latest?.state === 'GRANTED'
                ? `Extended by ${latest.minutes} minutes (granted by policy)`
                : 'More time asked for; waiting for a reviewer'
              : dialog === 'approve'
                ? 'Extension approved'
                : 'Extension refused',
        });
      },
    });
  };

  return (
    <SpaceBetween size="s">
      {pending ? (
        <Alert
          type="info"
          header={`Extension asked for: +${pending.minutes} minutes`}
          action={
            can('approveExtension') ? (
              <SpaceBetween direction="horizontal" size="xs">
                <Button onClick={() => open('reject')}>Refuse extension</Button>
                <Button variant="primary" onClick={() => open('approve')}>
                  Approve extension
                </Button>
              </SpaceBetween>
            ) : undefined
          }
        >
          {pending.reason} — {pending.decisions.length} of {pending.approvalsRequired} approvals
          from {pending.approverGroups.join(', ')}.
        </Alert>
      ) : null}
      {can('extend') ? <Button onClick={() => open('extend')}>Extend</Button> : null}
      {dialog ? (
        <Modal
          visible
          onDismiss={() => setDialog(null)}
          header={
            dialog === 'extend'
              ? 'Ask for more time'
              : dialog === 'approve'
                ? 'Approve the extension'
                : 'Refuse the extension'
          }
          footer={
            <Box float="right">
              <SpaceBetween direction="horizontal" size="xs">
                <Button variant="link" onClick={() => setDialog(null)}>
                  Cancel
                </Button>
                <Button variant="primary" loading={extension.isPending} onClick={submit}>
                  {dialog === 'extend' ? 'Ask' : dialog === 'approve' ? 'Approve' : 'Refuse'}
                </Button>
              </SpaceBetween>
            </Box>
          }
        >
          <SpaceBetween size="m">
            {dialog === 'extend' ? (
              <FormField
                label="Minutes"
                description="Never past the rule's maximum in total; the server says how much is left."
              >
                <Input
                  type="number"
                  inputMode="numeric"
                  value={minutes}
                  onChange={({ detail }) => setMinutes(detail.value)}
                  ariaLabel="Minutes to add"
                />
              </FormField>
            ) : null}
            <FormField
              label={dialog === 'approve' ? 'Comment (optional)' : 'Reason'}
              description="Kept in the history."
            >
              <Textarea
                value={text}
                onChange={({ detail }) => setText(detail.value)}
                ariaLabel={dialog === 'extend' ? 'Why more time' : 'Comment'}
              />
            </FormField>
            {extension.isError ? <ProblemAlert error={extension.error} /> : null}
          </SpaceBetween>
        </Modal>
      ) : null}
    </SpaceBetween>
  );
}
