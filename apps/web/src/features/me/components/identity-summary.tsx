import type { ReactNode } from 'react';
import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Skeleton from '@cloudscape-design/components/skeleton';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { MeResponse } from '@elevate/contracts';
import { LocalTime } from '../../../components/ui/local-time';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { useMe } from '../api/get-me';
import { MfaStatus } from './mfa-status';

const LABELS = [
  'Name',
  'Email',
  'Subject',
  'Groups',
  'Signed in with MFA',
  'Signed in at',
] as const;

function Pairs({ values }: { values: Record<(typeof LABELS)[number], ReactNode> }) {
  return (
    <KeyValuePairs columns={3} items={LABELS.map((label) => ({ label, value: values[label] }))} />
  );
}

function Groups({ groups }: { groups: readonly string[] }) {
  if (groups.length === 0) {
    return (
      <Box color="text-body-secondary">
        None. Your administrator adds you to groups in your identity provider.
      </Box>
    );
  }
  return (
    <SpaceBetween direction="horizontal" size="xs">
      {groups.map((group) => (
        <Badge key={group} color="blue">
          {group}
        </Badge>
      ))}
    </SpaceBetween>
  );
}

function identityValues(me: MeResponse) {
  return {
    Name: me.name,
    Email: me.email,
    Subject: <Box variant="code">{me.sub}</Box>,
    Groups: <Groups groups={me.groups} />,
    'Signed in with MFA': <MfaStatus amr={me.amr} />,
    'Signed in at': me.authTime ? (
      <LocalTime iso={me.authTime} />
    ) : (
      <Box color="text-body-secondary">Not reported</Box>
    ),
  };
}

// Same grid as the loaded state so nothing moves when the answer arrives.
const placeholder = <Skeleton variant="text-body-m" width="70%" />;
const loadingValues = {
  Name: placeholder,
  Email: placeholder,
  Subject: placeholder,
  Groups: placeholder,
  'Signed in with MFA': placeholder,
  'Signed in at': placeholder,
};

/** Who Elevate takes you to be, as the API verified it from your tokens. */
export function IdentitySummary() {
  const me = useMe();
  return (
    <Container
      header={
        <Header variant="h2" description="As the Elevate API verified it from your sign-in.">
          Your identity
        </Header>
      }
    >
      {me.isError ? (
        <ProblemAlert
          error={me.error}
          action={<Button onClick={() => void me.refetch()}>Try again</Button>}
        />
      ) : (
        <div aria-busy={me.isPending}>
          <Pairs values={me.isSuccess ? identityValues(me.data) : loadingValues} />
        </div>
      )}
    </Container>
  );
}
