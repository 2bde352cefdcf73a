import { useEffect } from 'react';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Modal from '@cloudscape-design/components/modal';
import Skeleton from '@cloudscape-design/components/skeleton';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tabs from '@cloudscape-design/components/tabs';
import {
  defaultProfileName,
  renderCliCredentials,
  type CliCredentialFormats,
  type CliSessionResponse,
  type RequestSummary,
} from '@elevate/contracts';
import { useAuth } from '../../../auth';
import { Countdown } from '../../../components/ui/countdown';
import { LocalTime } from '../../../components/ui/local-time';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { isStepUpRequired } from '../../../lib/api-problem';
import { useCliCredentials } from '../api/start-session';
import { requestLabel } from './request-label';

/** The tabs in order; `files` shows the credentials and config blocks together. */
export const CLI_FORMAT_TABS = [
  { id: 'bash', label: 'bash / zsh', describe: 'Paste into the terminal you will use.' },
  { id: 'fish', label: 'fish', describe: 'Paste into the terminal you will use.' },
  {
    id: 'powershell',
    label: 'PowerShell',
    describe: 'Paste into the PowerShell window you will use.',
  },
  {
    id: 'cmd',
    label: 'Windows cmd',
    describe: 'Paste into the Command Prompt window you will use.',
  },
  {
    id: 'files',
    label: 'Credentials file',
    describe: 'Add to ~/.aws/credentials and ~/.aws/config, then use --profile.',
  },
  {
    id: 'credentialProcess',
    label: 'credential_process',
    describe: 'What a credential_process command prints (JSON, Version 1).',
  },
] as const;

function CodeBlock({ label, text }: { label: string; text: string }) {
  return (
    <SpaceBetween size="xs">
      <pre
        aria-label={label}
        tabIndex={0}
        style={{
          margin: 0,
          padding: 12,
          overflowX: 'auto',
          background: 'var(--color-background-container-header, #f4f4f4)',
          borderRadius: 8,
          fontSize: 13,
        }}
      >
        <code>{text}</code>
      </pre>
      <CopyToClipboard
        variant="button"
        textToCopy={text}
        copyButtonText={`Copy ${label}`}
        copySuccessText={`${label} copied`}
        copyErrorText="The browser did not allow copying; select the text and copy it yourself"
      />
    </SpaceBetween>
  );
}

function FormatTabs({
  formats,
  profileName,
}: {
  formats: CliCredentialFormats;
  profileName: string;
}) {
  const tabs = CLI_FORMAT_TABS.map((tab) => {
    let content;
    switch (tab.id) {
      case 'files':
        content = (
          <SpaceBetween size="m">
            <CodeBlock label="credentials file block" text={formats.credentialsFile} />
            <CodeBlock label="config file block" text={formats.configFile} />
            <Box variant="small">
              Then run e.g.{' '}
              <Box variant="code">aws sts get-caller-identity --profile {profileName}</Box>
            </Box>
          </SpaceBetween>
        );
        break;
      case 'credentialProcess':
        content = <CodeBlock label="credential_process output" text={formats.credentialProcess} />;
        break;
      case 'bash':
      case 'fish':
      case 'powershell':
      case 'cmd':
        content = <CodeBlock label={`${tab.label} commands`} text={formats[tab.id]} />;
    }
    return {
      id: tab.id,
      label: tab.label,
      content: (
        <SpaceBetween size="s">
          <Box variant="p" color="text-body-secondary">
            {tab.describe}
          </Box>
          {content}
        </SpaceBetween>
      ),
    };
  });
  return <Tabs tabs={tabs} ariaLabel="Credential formats" />;
}

function Credentials({
  session,
  request,
}: {
  session: CliSessionResponse;
  request: RequestSummary;
}) {
  const profileName = defaultProfileName(request.accountId, request.roleName);
  const formats = renderCliCredentials(session.credentials, session.region, profileName);
  return (
    <SpaceBetween size="l">
      <Alert type="warning" header="Treat these like a password">
        Anyone who has them can act as you in this account until they expire. Do not paste them into
        chat, tickets, documents or anything shared, and do not commit them.
      </Alert>
      <KeyValuePairs
        columns={3}
        items={[
          {
            label: 'Account',
            value: `${request.accountName ?? request.accountId} (${request.accountId})`,
          },
          { label: 'Role', value: request.roleName },
          { label: 'Region', value: session.region },
          {
            label: 'Access key id',
            value: <Box variant="code">{session.credentials.accessKeyId}</Box>,
          },
          { label: 'Expires at', value: <LocalTime iso={session.expiresAt} /> },
          {
            label: 'Time left',
            value: (
              <Countdown until={session.expiresAt} elapsedText="Expired: get new credentials" />
            ),
          },
        ]}
      />
      <FormatTabs formats={formats} profileName={profileName} />
    </SpaceBetween>
  );
}

export interface CliCredentialsModalProps {
  /** The request to issue credentials for; null when the dialog is closed. */
  request: RequestSummary | null;
  onClose: () => void;
}

/**
 * Issues CLI credentials when opened and shows them in every format. They live only in this dialog's
 * mutation state, dropped (and out of the cache, `gcTime: 0`) when it closes.
 */
export function CliCredentialsModal({ request, onClose }: CliCredentialsModalProps) {
  const issue = useCliCredentials();
  const { stepUp } = useAuth();
  const { mutate, reset } = issue;
  const requestId = request?.id;
  const what = request ? requestLabel(request) : undefined;

  useEffect(() => {
    if (requestId === undefined) return;
    mutate(requestId, {
      onError: (error) => {
        // Back from the sign-in, the notice names the button and the request to click.
        if (isStepUpRequired(error))
          void stepUp(
            undefined,
            `You signed in again with MFA. Now click CLI credentials on ${what ?? 'the request'} again.`,
          );
      },
    });
    return () => reset();
  }, [requestId, what, mutate, reset, stepUp]);

  const close = () => {
    reset();
    onClose();
  };

  return (
    <Modal
      visible={request !== null}
      onDismiss={close}
      size="large"
      header="CLI credentials"
      closeAriaLabel="Close CLI credentials"
      footer={
        <Box float="right">
          <Button variant="primary" onClick={close}>
            Done
          </Button>
        </Box>
      }
    >
      {request && issue.isSuccess && <Credentials session={issue.data} request={request} />}
      {issue.isError && (
        <ProblemAlert
          error={issue.error}
          action={
            isStepUpRequired(issue.error) ? undefined : (
              <Button onClick={() => mutate(request?.id ?? '')}>Try again</Button>
            )
          }
        />
      )}
      {(issue.isPending || issue.isIdle) && request && (
        <div aria-busy="true" aria-label="Issuing credentials">
          <SpaceBetween size="m">
            <Skeleton variant="text-body-m" width="60%" />
            <Skeleton variant="text-body-m" width="90%" />
            <Skeleton variant="text-body-m" width="80%" />
          </SpaceBetween>
        </div>
      )}
    </Modal>
  );
}
