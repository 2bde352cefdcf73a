import { useNavigate, useSearchParams } from 'react-router';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Skeleton from '@cloudscape-design/components/skeleton';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { RequestView } from '@elevate/contracts';
import { useMe } from '../../features/me/api/get-me';
import { NewRequestForm } from '../../features/requests/components/new-request-form';
import { prefillFrom } from '../../features/requests/components/request-prefill';
import { ProblemAlert } from '../../components/ui/problem-alert';
import { useDocumentTitle } from '../../hooks/use-document-title';
import type { FlashState } from '../../hooks/use-flash-messages';
import { paths } from '../../lib/paths';
import { eligibleForNothing } from '../navigation/home-path';
import { NothingToRequest } from './nothing-to-request';

function createdFlash(request: RequestView): FlashState {
  const what = `${request.roleName} in ${request.accountName ?? request.accountId}`;
  if (request.breakGlass) {
    return {
      flash: {
        type: 'warning',
        header: `Break-glass access to ${what} is open`,
        content: 'Reviewers have been told and will review it afterwards.',
      },
    };
  }
  const reviewers = request.approverGroups.join(', ');
  const approvals =
    request.approvalsRequired === 1 ? 'one approval' : `${request.approvalsRequired} approvals`;
  return {
    flash: {
      type: 'success',
      header: `Request sent: ${what}`,
      content: `It needs ${approvals} from ${reviewers}. This page updates when it is decided.`,
    },
  };
}

function FormSkeleton() {
  return (
    <Container header={<Header variant="h2">What you need</Header>}>
      <div aria-busy="true" aria-label="Loading what you may request">
        <SpaceBetween size="l">
          {[0, 1, 2].map((row) => (
            <SpaceBetween key={row} size="xs">
              <Skeleton variant="text-body-s" width="20%" />
              <Skeleton variant="text-body-m" width="60%" />
            </SpaceBetween>
          ))}
        </SpaceBetween>
      </div>
    </Container>
  );
}

export function NewRequestPage() {
  useDocumentTitle('New request');
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const prefill = prefillFrom(params);

  let body;
  if (me.isPending) body = <FormSkeleton />;
  else if (me.isError)
    body = (
      <ProblemAlert
        error={me.error}
        action={<Button onClick={() => void me.refetch()}>Try again</Button>}
      />
    );
  else if (eligibleForNothing(me.data)) body = <NothingToRequest groups={me.data.groups} />;
  else {
    body = (
      <NewRequestForm
        entries={me.data.eligibility.entries}
        prefill={prefill}
        onCreated={(request) => void navigate(paths.myAccess, { state: createdFlash(request) })}
        onCancel={() => void navigate(paths.myAccess)}
      />
    );
  }

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="Ask for a role in an account for a limited time. Someone else approves it."
        >
          New request
        </Header>
      }
    >
      <Box>{body}</Box>
    </ContentLayout>
  );
}
