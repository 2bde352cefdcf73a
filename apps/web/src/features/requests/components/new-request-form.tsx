import { useMemo, useState } from 'react';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import DatePicker from '@cloudscape-design/components/date-picker';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Modal from '@cloudscape-design/components/modal';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import TimeInput from '@cloudscape-design/components/time-input';
import type { CreateRequestBody, EligibilityEntry, RequestView } from '@elevate/contracts';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { isApiProblem } from '../../../lib/api-problem';
import { formatMinutes } from '../../../lib/format-duration';
import { useCreateRequest } from '../api/create-request';
import { AccountSelect } from './account-select';
import { readRecentAccounts, rememberAccount } from './recent-accounts';
import type { RequestPrefill } from './request-prefill';
import {
  accountsOf,
  checkDuration,
  checkJustification,
  checkStart,
  checkTicket,
  durationRuleText,
  entryFor,
  justificationRuleText,
  localStartToIso,
  rolesFor,
  ticketRuleText,
} from './request-form-rules';

type Field = 'account' | 'role' | 'justification' | 'ticket' | 'duration' | 'start' | 'breakGlass';

// Where the server's words belong: field paths of a 400, codes of a domain refusal.
const SERVER_PATHS: Record<Field, readonly string[]> = {
  account: ['accountId'],
  role: ['roleName'],
  justification: ['justification'],
  ticket: ['ticket'],
  duration: ['durationMinutes'],
  start: ['scheduledStart'],
  breakGlass: ['breakGlass'],
};
const SERVER_CODES: Record<string, Field> = {
  UNKNOWN_ACCOUNT: 'account',
  NOT_ELIGIBLE: 'role',
  UNKNOWN_ROLE: 'role',
  JUSTIFICATION_INVALID: 'justification',
  TICKET_REQUIRED: 'ticket',
  TICKET_INVALID: 'ticket',
  DURATION_OUT_OF_RANGE: 'duration',
  SCHEDULE_INVALID: 'start',
  BREAK_GLASS_NOT_ALLOWED: 'breakGlass',
};

function serverError(error: unknown, field: Field): string | undefined {
  if (!isApiProblem(error)) return undefined;
  const fromPaths = SERVER_PATHS[field].map((path) => error.fieldError(path)).filter(Boolean);
  if (fromPaths.length > 0) return fromPaths.join(' ');
  return SERVER_CODES[error.code] === field ? (error.detail ?? error.title) : undefined;
}

export interface NewRequestFormProps {
  entries: readonly EligibilityEntry[];
  prefill?: RequestPrefill;
  onCreated: (request: RequestView) => void;
  onCancel: () => void;
  /** For tests; defaults to the clock. */
  now?: () => number;
}

/** Ask for a role in an account, within the policy's limits, shown and checked as you type. */
export function NewRequestForm({
  entries,
  prefill = {},
  onCreated,
  onCancel,
  now = Date.now,
}: NewRequestFormProps) {
  const accounts = useMemo(() => accountsOf(entries), [entries]);
  const [recentIds] = useState(() => readRecentAccounts());
  const known = (accountId: string | undefined) =>
    accounts.some((account) => account.id === accountId);
  const [accountId, setAccountId] = useState<string | undefined>(
    known(prefill.accountId) ? prefill.accountId : undefined,
  );
  const [roleName, setRoleName] = useState<string | undefined>(
    entryFor(entries, prefill.accountId, prefill.roleName) ? prefill.roleName : undefined,
  );
  const [justification, setJustification] = useState(prefill.justification ?? '');
  const [ticket, setTicket] = useState(prefill.ticket ?? '');
  const entry = entryFor(entries, accountId, roleName);
  const [duration, setDuration] = useState<string>(
    prefill.durationMinutes
      ? String(prefill.durationMinutes)
      : entry
        ? String(entry.defaultDurationMinutes)
        : '',
  );
  const [startMode, setStartMode] = useState<'approval' | 'later'>('approval');
  const [startDate, setStartDate] = useState('');
  const [startTime, setStartTime] = useState('');
  const [breakGlass, setBreakGlass] = useState(false);
  const [confirmingBreakGlass, setConfirmingBreakGlass] = useState(false);
  const [touched, setTouched] = useState<Set<Field>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const create = useCreateRequest();

  const touch = (field: Field) =>
    setTouched((current) => (current.has(field) ? current : new Set(current).add(field)));
  const roles = rolesFor(entries, accountId);
  const startIso = startMode === 'later' ? localStartToIso(startDate, startTime) : undefined;

  const clientErrors: Partial<Record<Field, string>> = {
    account: accountId ? undefined : 'Choose an account.',
    role: roleName
      ? entry
        ? undefined
        : 'Choose a role you may request in this account.'
      : 'Choose a role.',
    justification: entry ? checkJustification(justification, entry.justification) : undefined,
    ticket: entry ? checkTicket(ticket, entry) : undefined,
    duration: entry ? checkDuration(duration, entry) : undefined,
    start:
      entry && startMode === 'later' && !breakGlass
        ? checkStart(startIso, entry, now())
        : undefined,
  };
  // Live once a field was typed in, everywhere after a first submit; the server's word otherwise.
  const errorFor = (field: Field) =>
    ((touched.has(field) || submitted) && clientErrors[field]) || serverError(create.error, field);
  // Fields without an error hold `undefined`, which Object.values would leave out of the type.
  const valid = Object.values<string | undefined>(clientErrors).every(
    (error) => error === undefined,
  );

  const chooseAccount = (id: string) => {
    setAccountId(id);
    touch('account');
    const stillValid = entryFor(entries, id, roleName);
    if (!stillValid) setRoleName(undefined);
    const next = stillValid ?? undefined;
    if (next && !touched.has('duration')) setDuration(String(next.defaultDurationMinutes));
    if (!next?.breakGlassAllowed) setBreakGlass(false);
  };

  const chooseRole = (name: string) => {
    setRoleName(name);
    touch('role');
    const next = entryFor(entries, accountId, name);
    if (next && !touched.has('duration')) setDuration(String(next.defaultDurationMinutes));
    if (!next?.breakGlassAllowed) setBreakGlass(false);
  };

  const body = (): CreateRequestBody | undefined => {
    if (!accountId || !roleName) return undefined;
    return {
      accountId,
      roleName,
      justification: justification.trim(),
      ...(ticket.trim() ? { ticket: ticket.trim() } : {}),
      durationMinutes: Number(duration),
      ...(startIso && !breakGlass ? { scheduledStart: startIso } : {}),
      ...(breakGlass ? { breakGlass: true } : {}),
    };
  };

  const send = () => {
    const request = body();
    if (!request) return;
    setConfirmingBreakGlass(false);
    create.mutate(request, {
      onSuccess: (view) => {
        rememberAccount(view.accountId);
        onCreated(view);
      },
    });
  };

  const submit = () => {
    setSubmitted(true);
    if (!valid) return;
    if (breakGlass) setConfirmingBreakGlass(true);
    else send();
  };

  const roleOptions: SelectProps.Option[] = roles.map((role) => ({
    value: role.roleName,
    label: role.roleName,
    disabled: role.unavailableReason !== undefined,
    disabledReason: role.unavailableReason,
    description: role.unavailableReason ? 'Not available in this account' : undefined,
  }));
  const unavailable = roles.filter((role) => role.unavailableReason);
  const problemOutsideFields =
    create.isError &&
    !(Object.keys(SERVER_PATHS) as Field[]).some((field) => serverError(create.error, field));

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      noValidate
    >
      <Form
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" variant="link" onClick={onCancel}>
              Cancel
            </Button>
            <Button variant="primary" loading={create.isPending} formAction="submit">
              {breakGlass ? 'Start break-glass access' : 'Submit request'}
            </Button>
          </SpaceBetween>
        }
        errorText={
          submitted && !valid ? 'Some fields need attention before this can be sent.' : undefined
        }
        errorIconAriaLabel="Error"
      >
        <SpaceBetween size="l">
          {problemOutsideFields && <ProblemAlert error={create.error} />}
          <Container header={<Header variant="h2">What you need</Header>}>
            <SpaceBetween size="l">
              <FormField
                label="Account"
                description={`${accounts.length} account${accounts.length === 1 ? '' : 's'} you may request access to.`}
                errorText={errorFor('account')}
                controlId="request-account"
              >
                <AccountSelect
                  controlId="request-account"
                  accounts={accounts}
                  recentIds={recentIds}
                  value={accountId}
                  onChange={chooseAccount}
                  invalid={Boolean(errorFor('account'))}
                />
              </FormField>
              <FormField
                label="Role"
                description={
                  accountId
                    ? 'Roles your groups may request in this account.'
                    : 'Choose an account first.'
                }
                constraintText={
                  accountId && unavailable.length > 0
                    ? `Not available here: ${unavailable.map((role) => role.roleName).join(', ')}. ${unavailable[0]?.unavailableReason ?? ''}`
                    : undefined
                }
                errorText={errorFor('role')}
                controlId="request-role"
              >
                <Select
                  controlId="request-role"
                  selectedOption={roleName ? { value: roleName, label: roleName } : null}
                  onChange={({ detail }) =>
                    detail.selectedOption.value && chooseRole(detail.selectedOption.value)
                  }
                  options={roleOptions}
                  disabled={!accountId}
                  placeholder="Choose a role"
                  invalid={Boolean(errorFor('role'))}
                />
              </FormField>
              {entry && <RuleSummary entry={entry} />}
            </SpaceBetween>
          </Container>
          <Container header={<Header variant="h2">Why and for how long</Header>}>
            <SpaceBetween size="l">
              <FormField
                label="Justification"
                description="What you will do and why; reviewers and auditors read this."
                constraintText={
                  entry
                    ? `${[...justification.trim()].length} characters. ${justificationRuleText(entry.justification)}`
                    : undefined
                }
                errorText={errorFor('justification')}
                controlId="request-justification"
              >
                <Textarea
                  controlId="request-justification"
                  value={justification}
                  onChange={({ detail }) => {
                    setJustification(detail.value);
                    touch('justification');
                  }}
                  placeholder="e.g. Investigate failing deploy of the billing service"
                  rows={3}
                  invalid={Boolean(errorFor('justification'))}
                />
              </FormField>
              {entry && (
                <FormField
                  label="Ticket"
                  info={entry.ticketRequired ? undefined : <Box variant="small">optional</Box>}
                  constraintText={ticketRuleText(entry)}
                  errorText={errorFor('ticket')}
                  controlId="request-ticket"
                >
                  <Input
                    controlId="request-ticket"
                    value={ticket}
                    onChange={({ detail }) => {
                      setTicket(detail.value);
                      touch('ticket');
                    }}
                    placeholder="e.g. OPS-1234"
                    invalid={Boolean(errorFor('ticket'))}
                  />
                </FormField>
              )}
              {entry && (
                <FormField
                  label="Duration (minutes)"
                  constraintText={durationRuleText(entry)}
                  errorText={errorFor('duration')}
                  controlId="request-duration"
                >
                  <Input
                    controlId="request-duration"
                    type="number"
                    inputMode="numeric"
                    step={15}
                    value={duration}
                    onChange={({ detail }) => {
                      setDuration(detail.value);
                      touch('duration');
                    }}
                    invalid={Boolean(errorFor('duration'))}
                  />
                </FormField>
              )}
              {entry && !breakGlass && (
                <FormField
                  label="Start"
                  constraintText={
                    startMode === 'later'
                      ? undefined
                      : `You may also choose a time up to ${formatMinutes(entry.maxStartDelayMinutes)} ahead.`
                  }
                >
                  <RadioGroup
                    value={startMode}
                    onChange={({ detail }) =>
                      setStartMode(detail.value === 'later' ? 'later' : 'approval')
                    }
                    items={[
                      { value: 'approval', label: 'As soon as it is approved' },
                      { value: 'later', label: 'At a set time' },
                    ]}
                  />
                </FormField>
              )}
              {entry && !breakGlass && startMode === 'later' && (
                // Two fields of their own, so each has its own name: inside the "Start" field both
                // were read as plain "Start".
                <SpaceBetween direction="horizontal" size="xs">
                  <FormField
                    label="Start date"
                    controlId="request-start-date"
                    errorText={errorFor('start')}
                    constraintText={`Your local time. At most ${formatMinutes(entry.maxStartDelayMinutes)} ahead.`}
                  >
                    <DatePicker
                      controlId="request-start-date"
                      value={startDate}
                      onChange={({ detail }) => {
                        setStartDate(detail.value);
                        touch('start');
                      }}
                      placeholder="YYYY/MM/DD"
                      openCalendarAriaLabel={(selected) =>
                        `Choose start date${selected ? `, selected ${selected}` : ''}`
                      }
                      isDateEnabled={(date) =>
                        date.getTime() >= new Date(new Date(now()).toDateString()).getTime()
                      }
                      invalid={Boolean(errorFor('start'))}
                    />
                  </FormField>
                  <FormField label="Start time" controlId="request-start-time">
                    <TimeInput
                      controlId="request-start-time"
                      value={startTime}
                      onChange={({ detail }) => {
                        setStartTime(detail.value);
                        touch('start');
                      }}
                      format="hh:mm"
                      placeholder="hh:mm"
                      use24Hour
                      invalid={Boolean(errorFor('start'))}
                    />
                  </FormField>
                </SpaceBetween>
              )}
            </SpaceBetween>
          </Container>
          {entry?.breakGlassAllowed && (
            <Container header={<Header variant="h2">Emergency</Header>}>
              <SpaceBetween size="m">
                <FormField errorText={errorFor('breakGlass')}>
                  <Checkbox
                    checked={breakGlass}
                    onChange={({ detail }) => setBreakGlass(detail.checked)}
                    description="Access starts now without waiting for reviewers. For incidents only."
                  >
                    Break-glass access
                  </Checkbox>
                </FormField>
                {breakGlass && (
                  <Alert type="warning" header="Break-glass is for emergencies">
                    You get access immediately. Reviewers are told at once and must review what you
                    did afterwards, and the request stays flagged in the audit history. Use it only
                    when waiting for approval would cause harm.
                  </Alert>
                )}
              </SpaceBetween>
            </Container>
          )}
        </SpaceBetween>
      </Form>
      <Modal
        visible={confirmingBreakGlass}
        onDismiss={() => setConfirmingBreakGlass(false)}
        header="Start break-glass access?"
        closeAriaLabel="Close"
        footer={
          <Box float="right">
            <SpaceBetween direction="horizontal" size="xs">
              <Button variant="link" onClick={() => setConfirmingBreakGlass(false)}>
                Go back
              </Button>
              <Button variant="primary" onClick={send} loading={create.isPending}>
                Yes, start break-glass access
              </Button>
            </SpaceBetween>
          </Box>
        }
      >
        <SpaceBetween size="s">
          <Box variant="p">
            You are about to take{' '}
            <Box variant="strong">
              {roleName} in {accounts.find((account) => account.id === accountId)?.name} (
              {accountId})
            </Box>{' '}
            for {formatMinutes(Number(duration) || 0)} without prior approval.
          </Box>
          <Box variant="p">
            Reviewers will be notified now and will review this access afterwards.
          </Box>
        </SpaceBetween>
      </Modal>
    </form>
  );
}

function RuleSummary({ entry }: { entry: EligibilityEntry }) {
  const approvals =
    entry.approvalsRequired === 1
      ? '1 approval'
      : `${entry.approvalsRequired} approvals from different people`;
  return (
    <KeyValuePairs
      columns={4}
      items={[
        { label: 'Reviewed by', value: `${approvals} (${entry.approverGroups.join(', ')})` },
        { label: 'Longest window', value: formatMinutes(entry.maxDurationMinutes) },
        {
          label: 'Unanswered requests expire after',
          value: formatMinutes(entry.pendingExpiryMinutes),
        },
        {
          label: 'Fresh sign-in',
          value: entry.stepUp
            ? `MFA within ${formatMinutes(entry.stepUp.maxAuthAgeMinutes)} before access`
            : 'Not required',
        },
      ]}
    />
  );
}
