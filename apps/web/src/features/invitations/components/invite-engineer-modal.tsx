import { useState } from 'react';
import { useNavigate } from 'react-router';
import Autosuggest from '@cloudscape-design/components/autosuggest';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { MIN_DURATION_MINUTES, type InviteBody } from '@elevate/contracts';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { useInviteEngineer, useInviteTargets } from '../api/invite-engineer';
import { paths } from '../../../lib/paths';

interface Fields {
  inviteeEmail: string;
  accountId: string;
  roleName: string;
  durationMinutes: string;
  justification: string;
  ticket: string;
}

const EMPTY: Fields = {
  inviteeEmail: '',
  accountId: '',
  roleName: '',
  durationMinutes: '60',
  justification: '',
  ticket: '',
};

/** What the form refuses before asking the server (which checks the policy's own limits). */
export function inviteFieldErrors(fields: Fields): Partial<Record<keyof Fields, string>> {
  const errors: Partial<Record<keyof Fields, string>> = {};
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(fields.inviteeEmail.trim()))
    errors.inviteeEmail = "Enter the engineer's e-mail address.";
  if (!/^\d{12}$/u.test(fields.accountId.trim()))
    errors.accountId = 'Choose an account (12 digits).';
  if (fields.roleName.trim() === '') errors.roleName = 'Choose a role.';
  const minutes = Number(fields.durationMinutes);
  if (!Number.isInteger(minutes) || minutes < MIN_DURATION_MINUTES)
    errors.durationMinutes = `At least ${MIN_DURATION_MINUTES} minutes.`;
  if (fields.justification.trim() === '') errors.justification = 'Say why the engineer needs it.';
  return errors;
}

const bodyOf = (fields: Fields): InviteBody => ({
  inviteeEmail: fields.inviteeEmail.trim(),
  accountId: fields.accountId.trim(),
  roleName: fields.roleName.trim(),
  durationMinutes: Number(fields.durationMinutes),
  justification: fields.justification.trim(),
  ...(fields.ticket.trim() === '' ? {} : { ticket: fields.ticket.trim() }),
});

/**
 * "Invite an engineer" (reviewers and admins): opens a request on their behalf. The engineer must
 * accept it, and their own eligibility is checked then.
 */
export function InviteEngineerModal({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const targets = useInviteTargets();
  const invite = useInviteEngineer();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [tried, setTried] = useState(false);
  const errors = tried ? inviteFieldErrors(fields) : {};
  const set = (key: keyof Fields) => (value: string) =>
    setFields((current) => ({ ...current, [key]: value }));
  const submit = () => {
    setTried(true);
    if (Object.keys(inviteFieldErrors(fields)).length > 0) return;
    invite.mutate(bodyOf(fields), {
      onSuccess: (view) => void navigate(paths.request(view.id)),
    });
  };
  return (
    <Modal
      visible
      size="medium"
      onDismiss={onClose}
      header="Invite an engineer"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onClose}>
              Cancel
            </Button>
            <Button variant="primary" loading={invite.isPending} onClick={submit}>
              Send invitation
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <Form>
        <SpaceBetween size="m">
          <Box>
            The engineer accepts the invitation before the window can open. If the request is routed
            to you, your invitation counts as your approval.
          </Box>
          <FormField label="Engineer's e-mail" errorText={errors.inviteeEmail}>
            <Input
              type="email"
              value={fields.inviteeEmail}
              onChange={({ detail }) => set('inviteeEmail')(detail.value)}
            />
          </FormField>
          <FormField label="Account" errorText={errors.accountId}>
            <Autosuggest
              value={fields.accountId}
              onChange={({ detail }) => set('accountId')(detail.value)}
              options={(targets.data?.accounts ?? []).map((account) => ({
                value: account.id,
                ...(account.name === undefined ? {} : { label: account.name }),
                description: account.id,
              }))}
              enteredTextLabel={(value) => `Use account ${value}`}
              placeholder="Account id"
              empty="No suggestions"
            />
          </FormField>
          <FormField label="Role" errorText={errors.roleName}>
            <Autosuggest
              value={fields.roleName}
              onChange={({ detail }) => set('roleName')(detail.value)}
              options={(targets.data?.roles ?? []).map((role) => ({ value: role }))}
              enteredTextLabel={(value) => `Use role ${value}`}
              placeholder="Role name"
              empty="No suggestions"
            />
          </FormField>
          <FormField label="Duration (minutes)" errorText={errors.durationMinutes}>
            <Input
              type="number"
              inputMode="numeric"
              value={fields.durationMinutes}
              onChange={({ detail }) => set('durationMinutes')(detail.value)}
            />
          </FormField>
          <FormField
            label="Reason"
            description="Shown to the engineer and the reviewers, kept in the history."
            errorText={errors.justification}
          >
            <Textarea
              value={fields.justification}
              onChange={({ detail }) => set('justification')(detail.value)}
            />
          </FormField>
          <FormField label="Ticket (optional)">
            <Input value={fields.ticket} onChange={({ detail }) => set('ticket')(detail.value)} />
          </FormField>
          {invite.isError ? <ProblemAlert error={invite.error} /> : null}
        </SpaceBetween>
      </Form>
    </Modal>
  );
}

/** The button that opens the form. */
export function InviteEngineerButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Invite an engineer</Button>
      {open ? <InviteEngineerModal onClose={() => setOpen(false)} /> : null}
    </>
  );
}
