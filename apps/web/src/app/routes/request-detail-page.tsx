import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Skeleton from '@cloudscape-design/components/skeleton';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { RequestSummary } from '@elevate/contracts';
import { ExtensionPanel } from '../../features/extensions/components/extension-panel';
import { InvitationAnswer } from '../../features/invitations/components/invitation-answer';
import { useMe } from '../../features/me/api/get-me';
import { useRequest } from '../../features/requests/api/get-request';
import { RequestDetails } from '../../features/requests/components/request-details';
import { requestLabel } from '../../features/requests/components/request-label';
import { useRequesterActions } from '../../features/requests/components/requester-actions';
import type { Decision } from '../../features/reviews/api/decide-request';
import { DecisionActions } from '../../features/reviews/components/decision-actions';
import { DeferredDecisionModal } from '../../features/reviews/components/deferred-decision-modal';
import { useDecideFlag } from '../../features/reviews/hooks/use-decide-flag';
import { EmptyState } from '../../components/ui/empty-state';
import { ProblemAlert } from '../../components/ui/problem-alert';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useFlashMessages } from '../../hooks/use-flash-messages';
import { isApiProblem } from '../../lib/api-problem';
import { FlashMessages } from '../../components/ui/flash-messages';
import { paths } from '../../lib/paths';
import { REQUEST_STATUS_IN_WORDS } from '../../components/ui/request-status';

function DetailSkeleton() {
  return (
    <Container header={<Header variant="h2">Request</Header>}>
      <div aria-busy="true" aria-label="Loading the request">
        <SpaceBetween size="m">
          {[0, 1, 2, 3].map((row) => (
            <Skeleton key={row} variant="text-body-m" width={`${80 - row * 10}%`} />
          ))}
        </SpaceBetween>
      </div>
    </Container>
  );
}

export function RequestDetailPage() {
  const { id = '' } = useParams();
  const request = useRequest(id);
  const me = useMe();
  const navigate = useNavigate();
  const flash = useFlashMessages();
  const [deciding, setDeciding] = useState<{ request: RequestSummary; decision: Decision } | null>(
    null,
  );
  // A notification's link (`?decide=1`) opens the decision dialog for a reviewer who may decide.
  const decideFlag = useDecideFlag(request.data, setDeciding);
  const requester = useRequesterActions(flash.show, (item) => item.requester.sub === me.data?.sub);
  useDocumentTitle(request.data ? `Request: ${requestLabel(request.data)}` : 'Request');

  let body;
  if (request.isPending) body = <DetailSkeleton />;
  else if (request.isError) {
    const hidden =
      isApiProblem(request.error) && (request.error.status === 404 || request.error.status === 403);
    body = hidden ? (
      <Container>
        <EmptyState
          title="This request is not available to you"
          action={<Button onClick={() => void navigate(paths.myAccess)}>Go to My access</Button>}
        >
          It may not exist, or it is neither yours, routed to you, nor visible to your role.
        </EmptyState>
      </Container>
    ) : (
      <ProblemAlert
        error={request.error}
        action={<Button onClick={() => void request.refetch()}>Try again</Button>}
      />
    );
  } else {
    const data = request.data;
    body = (
      <SpaceBetween size="m">
        {decideFlag.notDecidable && (
          <Alert type="info" header="No decision needed from you">
            This request is {REQUEST_STATUS_IN_WORDS[data.status]} and has nothing for you to decide
            now.
          </Alert>
        )}
        <InvitationAnswer request={data} onFlash={flash.show} />
        <ExtensionPanel request={data} onFlash={flash.show} />
        <RequestDetails
          request={data}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <DecisionActions
                request={data}
                label={`${data.requester.name}, ${requestLabel(data)}`}
                onDecide={(decision) => setDeciding({ request: data, decision })}
              />
              {requester.actionsFor(data)}
            </SpaceBetween>
          }
        />
      </SpaceBetween>
    );
  }

  return (
    <ContentLayout
      header={
        <SpaceBetween size="m">
          <Header
            variant="h1"
            description={
              request.data ? `${request.data.requester.name} · ${request.data.id}` : undefined
            }
          >
            {request.data ? requestLabel(request.data) : 'Request'}
          </Header>
          <FlashMessages flash={flash} />
        </SpaceBetween>
      }
    >
      {body}
      {requester.dialogs}
      <DeferredDecisionModal
        key={deciding ? `${deciding.decision}:${deciding.request.id}` : 'closed'}
        target={deciding}
        onDismiss={() => setDeciding(null)}
        onDone={(_request, decision) => {
          setDeciding(null);
          const done = {
            approve: 'Approved',
            reject: 'Rejected',
            review: 'Marked reviewed',
            revoke: 'Revoked',
          }[decision];
          flash.show({ type: 'success', header: done });
        }}
      />
    </ContentLayout>
  );
}
