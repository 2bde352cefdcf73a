import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Table from '@cloudscape-design/components/table';
import { cloudTrailEventHistoryUrl } from '@elevate/contracts';
import type { HistoryEventType, HistoryEventView, SessionRecordView } from '@elevate/contracts';
import { EmptyState } from '../../../components/ui/empty-state';
import { LocalTime } from '../../../components/ui/local-time';
import { requestStatusLabel } from '../../../components/ui/request-status';

const EVENT_TEXT: Record<HistoryEventType, string> = {
  CREATED: 'Requested',
  APPROVAL: 'Approved',
  REJECTION: 'Rejected',
  CANCELLATION: 'Cancelled',
  EXPIRY: 'Expired',
  REVOCATION: 'Revoked',
  EARLY_END: 'Ended early',
  BREAK_GLASS_REVIEW: 'Break-glass reviewed',
  EXTENSION_REQUEST: 'Asked for more time',
  EXTENSION_APPROVAL: 'Extension approved (more approvals needed)',
  EXTENSION_GRANT: 'Extension granted',
  EXTENSION_REFUSAL: 'Extension refused',
  INVITATION_ACCEPTANCE: 'Invitation accepted',
  INVITATION_DECLINE: 'Invitation declined',
};

/** The kind of a session as people say it (never the enum's `console` or `cli`). */
const SESSION_KIND_WORDS: Record<SessionRecordView['kind'], string> = {
  console: 'Console',
  cli: 'CLI',
};

export type TimelineEntry =
  | { kind: 'event'; at: string; event: HistoryEventView }
  | { kind: 'session'; at: string; session: SessionRecordView };

/** History events and issued sessions in one order, oldest first, as an auditor reads them. */
export function timelineOf(
  history: readonly HistoryEventView[],
  sessions: readonly SessionRecordView[] = [],
): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...history.map((event) => ({ kind: 'event' as const, at: event.at, event })),
    ...sessions.map((session) => ({ kind: 'session' as const, at: session.issuedAt, session })),
  ];
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function What({ entry }: { entry: TimelineEntry }) {
  if (entry.kind === 'event') return <Box variant="strong">{EVENT_TEXT[entry.event.type]}</Box>;
  return (
    <span>
      <Box variant="strong">
        {entry.session.kind === 'console' ? 'Console session issued' : 'CLI credentials issued'}
      </Box>{' '}
      <Badge color="blue">{SESSION_KIND_WORDS[entry.session.kind]}</Badge>
    </span>
  );
}

function Details({ entry }: { entry: TimelineEntry }) {
  if (entry.kind === 'event') {
    const status = requestStatusLabel(entry.event.statusAfter, null).text;
    return (
      <span>
        {entry.event.comment ? (
          <>“{entry.event.comment}”</>
        ) : (
          <Box color="text-body-secondary">No comment</Box>
        )}
        <Box variant="small" display="block">
          Status after: {status}
        </Box>
      </span>
    );
  }
  const { session } = entry;
  return (
    <Box variant="small">
      AccessKeyId <Box variant="code">{session.accessKeyId}</Box> · expires{' '}
      <LocalTime iso={session.expiresAt} /> · region {session.region}
      {session.sourceIp ? ` · from ${session.sourceIp}` : ''}
      {session.roleSessionName ? (
        <>
          {' '}
          · session <Box variant="code">{session.roleSessionName}</Box>
        </>
      ) : null}
    </Box>
  );
}

/** Every event and session of one request, with who, when and the comment or session details. */
export function RequestTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  return (
    <Table
      ariaLabels={{ tableLabel: 'Timeline' }}
      header={
        <Header
          variant="h2"
          counter={`(${entries.length})`}
          description="Every decision and every session issued, oldest first."
        >
          Timeline
        </Header>
      }
      wrapLines
      items={[...entries]}
      trackBy={(entry) =>
        entry.kind === 'event'
          ? `event:${entry.at}:${entry.event.type}`
          : `session:${entry.session.id}`
      }
      columnDefinitions={[
        { id: 'at', header: 'When', cell: (entry) => <LocalTime iso={entry.at} compact /> },
        { id: 'what', header: 'What', cell: (entry) => <What entry={entry} /> },
        {
          id: 'who',
          header: 'Who',
          cell: (entry) => {
            const person = entry.kind === 'event' ? entry.event.actor : entry.session.issuedBy;
            return (
              <span>
                {person.name}
                <Box variant="small" display="block">
                  {person.email}
                </Box>
              </span>
            );
          },
        },
        { id: 'details', header: 'Details', cell: (entry) => <Details entry={entry} /> },
      ]}
      empty={<EmptyState title="No events yet" />}
    />
  );
}

/** Sessions alone, for the identifiers an investigation looks up in CloudTrail. */
export function SessionsTable({ sessions }: { sessions: readonly SessionRecordView[] }) {
  return (
    <Table
      ariaLabels={{ tableLabel: 'Sessions' }}
      header={
        <Header
          variant="h2"
          counter={`(${sessions.length})`}
          description="Credentials issued for this request. Secrets are never stored; these identify them in CloudTrail."
        >
          Sessions
        </Header>
      }
      wrapLines
      items={[...sessions]}
      trackBy="id"
      columnDefinitions={[
        { id: 'issued', header: 'Issued', cell: (s) => <LocalTime iso={s.issuedAt} /> },
        { id: 'kind', header: 'Kind', cell: (s) => SESSION_KIND_WORDS[s.kind] },
        {
          id: 'key',
          header: 'AccessKeyId',
          cell: (s) => <Box variant="code">{s.accessKeyId}</Box>,
        },
        { id: 'expires', header: 'Expires', cell: (s) => <LocalTime iso={s.expiresAt} /> },
        { id: 'region', header: 'Region', cell: (s) => s.region },
        { id: 'ip', header: 'Source IP', cell: (s) => s.sourceIp ?? '—' },
        {
          id: 'cloudtrail',
          header: 'Activity',
          cell: (s) => (
            <Link
              external
              href={cloudTrailEventHistoryUrl(s)}
              ariaLabel={`CloudTrail event history of ${s.accessKeyId} in account ${s.accountId}, ${s.region}`}
            >
              CloudTrail ({s.accountId})
            </Link>
          ),
        },
      ]}
      empty={
        <EmptyState title="No sessions issued">
          Console and CLI sessions appear here once the requester uses the access.
        </EmptyState>
      }
    />
  );
}
