import type { ReactNode } from 'react';
import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import { LocalTime } from '../../../components/ui/local-time';
import { RequestStatusIndicator } from '../../../components/ui/request-status';
import { formatMinutes } from '../../../lib/format-duration';
import type { RequestDetail } from '../api/get-request';
import { RequestTimeline, SessionsTable, timelineOf } from './request-timeline';
import { RequestWindow, TimeLeft } from './request-window';
import { accountLabel } from './request-label';

/** One request in full: what was asked, its state and window, the timeline, and its sessions. */
export function RequestDetails({
  request,
  actions,
}: {
  request: RequestDetail;
  actions?: ReactNode;
}) {
  const review = request.postAccessReview;
  return (
    <SpaceBetween size="l">
      <Container
        header={
          <Header variant="h2" actions={actions}>
            Request
          </Header>
        }
      >
        <KeyValuePairs
          columns={3}
          items={[
            {
              label: 'Status',
              value: (
                <SpaceBetween direction="horizontal" size="xxs">
                  <RequestStatusIndicator status={request.status} phase={request.phase} />
                  {request.breakGlass && <Badge color="red">Break-glass</Badge>}
                </SpaceBetween>
              ),
            },
            { label: 'Requester', value: `${request.requester.name} (${request.requester.email})` },
            { label: 'Account', value: accountLabel(request) },
            { label: 'Role', value: request.roleName },
            { label: 'Window', value: <RequestWindow request={request} /> },
            { label: 'Time left', value: <TimeLeft request={request} /> },
            { label: 'Duration asked', value: formatMinutes(request.requestedDurationMinutes) },
            { label: 'Ticket', value: request.ticket ?? '—' },
            {
              label: 'Approvals',
              value: `${request.approvalsCount} of ${request.approvalsRequired} (${request.approverGroups.join(', ')})`,
            },
            { label: 'Requested at', value: <LocalTime iso={request.createdAt} /> },
            {
              label: 'Unanswered until',
              value:
                request.status === 'PENDING' && request.pendingExpiresAt ? (
                  <LocalTime iso={request.pendingExpiresAt} />
                ) : (
                  '—'
                ),
            },
            {
              label: 'Post-access review',
              value: review
                ? review.state === 'REVIEWED'
                  ? `Reviewed by ${review.reviewer?.name ?? 'a reviewer'}`
                  : 'Awaiting review'
                : 'Not needed',
            },
            { label: 'Justification', value: request.justification },
            {
              label: 'Request id',
              // Monospace on one line: an id broken across lines is misread and mis-copied.
              value: (
                <SpaceBetween direction="horizontal" size="xxs" alignItems="center">
                  <Box variant="code" fontSize="body-s">
                    <span style={{ whiteSpace: 'nowrap' }}>{request.id}</span>
                  </Box>
                  <CopyToClipboard
                    variant="icon"
                    textToCopy={request.id}
                    copyButtonAriaLabel="Copy request id"
                    copySuccessText="Request id copied"
                    copyErrorText="Could not copy"
                  />
                </SpaceBetween>
              ),
            },
          ]}
        />
      </Container>
      <RequestTimeline entries={timelineOf(request.history, request.sessions)} />
      {request.sessions !== undefined ? (
        <SessionsTable sessions={request.sessions} />
      ) : (
        <Box variant="small" color="text-body-secondary">
          Sessions issued for this request are listed for auditors and administrators.
        </Box>
      )}
    </SpaceBetween>
  );
}
