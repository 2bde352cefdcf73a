import { useEffect, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import type { TableProps } from '@cloudscape-design/components/table';
import Tabs from '@cloudscape-design/components/tabs';
import type { RequestPage, RequestSummary } from '@elevate/contracts';
import { EmptyState } from '../../../components/ui/empty-state';
import { TableOrCards } from '../../../components/ui/table-or-cards';
import { LocalTime } from '../../../components/ui/local-time';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { RequestStatusIndicator } from '../../../components/ui/request-status';
import {
  skeletonRows,
  withSkeletonCells,
  type SkeletonRow,
} from '../../../components/ui/skeleton-rows';
import type { FlashMessage } from '../../../hooks/use-flash-messages';
import { useCursorPages } from '../../../hooks/use-cursor-pages';
import { useNow } from '../../../hooks/use-now';
import { formatAge, formatMinutes } from '../../../lib/format-duration';
import type { Decision } from '../api/decide-request';
import { useReviewQueue } from '../api/get-review-queue';
import type { QueueOrder, ReviewQueue } from '../api/review-keys';
import { DecisionActions } from './decision-actions';
import { DeferredDecisionModal } from './deferred-decision-modal';
import { CursorPagination } from '../../../components/ui/cursor-pagination';
import { paths } from '../../../lib/paths';

const label = (request: RequestSummary) =>
  `${request.requester.name}, ${request.roleName} in ${request.accountName ?? request.accountId}`;

/** "1 of 2": distinct approvals so far against what the rule requires. */
function quorumText(request: Pick<RequestSummary, 'approvalsCount' | 'approvalsRequired'>): string {
  return `${request.approvalsCount} of ${request.approvalsRequired}`;
}

/** A tab's count from its first page: exact when that page is the whole queue, else "20+". */
function queueCountText(page: RequestPage | undefined): string {
  if (page === undefined) return '';
  return ` (${page.items.length}${page.nextCursor === undefined ? '' : '+'})`;
}

const DONE_TEXT: Record<Decision, string> = {
  approve: 'Approved',
  reject: 'Rejected',
  review: 'Marked reviewed',
  revoke: 'Revoked',
};

interface QueueTableProps {
  queue: ReviewQueue;
  title: string;
  description: string;
  empty: ReactNode;
  columns: TableProps.ColumnDefinition<RequestSummary>[];
}

function QueueTable({ queue, title, description, empty, columns }: QueueTableProps) {
  // Only the pending queue can be read newest first: a long queue's newest request is one click away.
  const [order, setOrder] = useState<QueueOrder>('oldest');
  const pages = useCursorPages(order);
  const data = useReviewQueue(queue, order, pages.cursor);
  const items = data.data?.items ?? [];
  // A placeholder is the previous page's answer; its cursor says nothing about this page.
  const settled = data.isSuccess && !data.isPlaceholderData;
  const nextCursor = data.data?.nextCursor;
  const { learnNext } = pages;
  useEffect(() => {
    if (settled) learnNext(nextCursor, items.length);
  }, [settled, nextCursor, items.length, learnNext]);
  if (data.isError)
    return (
      <ProblemAlert
        error={data.error}
        action={<Button onClick={() => void data.refetch()}>Try again</Button>}
      />
    );
  const loading = data.isPending;
  const rows: (RequestSummary | SkeletonRow)[] = loading ? skeletonRows(3) : [...items];
  return (
    <TableOrCards<RequestSummary | SkeletonRow>
      label={title}
      columnDefinitions={withSkeletonCells(columns)}
      cardHeader="requester"
      items={rows}
      trackBy="id"
      variant="borderless"
      tableProps={{
        wrapLines: true,
        // When the table is wider than the screen, the actions column stays in view.
        stickyColumns: columns.some((column) => column.id === 'actions') ? { last: 1 } : undefined,
      }}
      empty={empty}
      header={
        <Header
          variant="h2"
          counter={loading ? undefined : pages.counterText}
          description={description}
          actions={
            queue === 'pending' ? (
              <SegmentedControl
                label="Order"
                selectedId={order}
                onChange={({ detail }) => setOrder(detail.selectedId as QueueOrder)}
                options={[
                  { id: 'oldest', text: 'Oldest first' },
                  { id: 'newest', text: 'Newest first' },
                ]}
              />
            ) : undefined
          }
        >
          {title}
        </Header>
      }
      pagination={<CursorPagination pages={pages} disabled={loading} />}
    />
  );
}

function Age({ iso }: { iso: string }) {
  const now = useNow(30_000);
  return <span title={iso}>{formatAge(now - Date.parse(iso))}</span>;
}

export interface ReviewQueuesProps {
  tab: ReviewQueue;
  onTabChange: (tab: ReviewQueue) => void;
  onFlash: (message: FlashMessage) => void;
  /** The signed-in reviewer, to find their own decision on each request. */
  viewerSub: string | undefined;
}

/** A reviewer's work: pending decisions, break-glass access to review afterwards, and past decisions. */
export function ReviewQueues({ tab, onTabChange, onFlash, viewerSub }: ReviewQueuesProps) {
  const navigate = useNavigate();
  const [target, setTarget] = useState<{ request: RequestSummary; decision: Decision } | null>(
    null,
  );
  const pendingCount = queueCountText(useReviewQueue('pending').data);
  const breakGlassCount = queueCountText(useReviewQueue('break-glass').data);

  const detailLink = (item: RequestSummary, text: ReactNode) => (
    <Link
      href={paths.request(item.id)}
      onFollow={(event) => {
        event.preventDefault();
        void navigate(paths.request(item.id));
      }}
      ariaLabel={`Details: ${label(item)}`}
    >
      {text}
    </Link>
  );
  const requester: TableProps.ColumnDefinition<RequestSummary> = {
    id: 'requester',
    header: 'Requester',
    cell: (item) => (
      <span>
        {detailLink(item, item.requester.name)}
        <Box variant="small" display="block">
          {item.requester.email}
        </Box>
      </span>
    ),
  };
  const account: TableProps.ColumnDefinition<RequestSummary> = {
    id: 'account',
    header: 'Account',
    cell: (item) => (
      <span>
        {item.accountName ?? item.accountId}
        <Box variant="small" display="block">
          {item.accountId}
        </Box>
      </span>
    ),
  };
  const role: TableProps.ColumnDefinition<RequestSummary> = {
    id: 'role',
    header: 'Role',
    cell: (item) => item.roleName,
  };
  // In the queue the duration sits under the role: one column fewer keeps Approve / Reject on screen.
  const roleAndDuration: TableProps.ColumnDefinition<RequestSummary> = {
    id: 'role',
    header: 'Role',
    cell: (item) => (
      <span>
        {item.roleName}
        <Box variant="small" display="block">
          for {formatMinutes(item.requestedDurationMinutes)}
        </Box>
      </span>
    ),
  };
  const justification: TableProps.ColumnDefinition<RequestSummary> = {
    id: 'justification',
    header: 'Justification',
    cell: (item) => (
      <span>
        {item.justification}
        {item.ticket && (
          <Box variant="small" display="block">
            Ticket {item.ticket}
          </Box>
        )}
      </span>
    ),
    maxWidth: 360,
  };
  // No minWidth: the buttons' one line (RowActions) is the column's minimum, nothing more.
  const actions = (only: readonly Decision[]): TableProps.ColumnDefinition<RequestSummary> => ({
    id: 'actions',
    header: 'Actions',
    cell: (item) => (
      <DecisionActions
        request={item}
        only={only}
        label={label(item)}
        onDecide={(decision) => setTarget({ request: item, decision })}
      />
    ),
  });

  const tabs = [
    {
      id: 'pending' as const,
      label: `Pending${pendingCount}`,
      content: (
        <QueueTable
          queue="pending"
          title="Waiting for a decision"
          description="Requests routed to your groups. You never decide your own."
          empty={
            <EmptyState title="Nothing to decide">
              New requests routed to your groups appear here within seconds.
            </EmptyState>
          }
          columns={[
            requester,
            account,
            roleAndDuration,
            justification,
            { id: 'age', header: 'Waiting', cell: (item) => <Age iso={item.createdAt} /> },
            {
              id: 'starts',
              header: 'Starts',
              cell: (item) =>
                item.scheduledStart ? (
                  <LocalTime iso={item.scheduledStart} compact />
                ) : (
                  'When approved'
                ),
            },
            { id: 'quorum', header: 'Approvals', cell: (item) => quorumText(item) },
            actions(['approve', 'reject']),
          ]}
        />
      ),
    },
    {
      id: 'break-glass' as const,
      label: `Break-glass to review${breakGlassCount}`,
      content: (
        <QueueTable
          queue="break-glass"
          title="Break-glass access to review"
          description="Access taken without prior approval. Check what was done and record it."
          empty={
            <EmptyState title="No break-glass access to review">
              When someone uses break-glass access, it appears here for review.
            </EmptyState>
          }
          columns={[
            requester,
            account,
            role,
            justification,
            // When it started sits under the status: one column fewer keeps Mark reviewed on screen at 1280 px.
            {
              id: 'status',
              header: 'Status',
              cell: (item) => (
                <span>
                  <RequestStatusIndicator status={item.status} phase={item.phase} />
                  <Box variant="small" display="block">
                    Started <LocalTime iso={item.window?.startsAt ?? item.createdAt} compact />
                  </Box>
                </span>
              ),
            },
            actions(['review']),
          ]}
        />
      ),
    },
    {
      id: 'decided' as const,
      label: 'My decisions',
      content: (
        <QueueTable
          queue="decided"
          title="My decisions"
          description="Requests you approved, rejected or reviewed, newest first."
          empty={
            <EmptyState title="No decisions yet">
              Requests you approve or reject are listed here.
            </EmptyState>
          }
          columns={[
            requester,
            account,
            role,
            {
              id: 'status',
              header: 'Status now',
              minWidth: 165,
              cell: (item) => <RequestStatusIndicator status={item.status} phase={item.phase} />,
            },
            {
              id: 'decision',
              header: 'Decision',
              cell: (item) => {
                const mine = item.decisions.findLast(
                  (decision) => decision.approver.sub === viewerSub,
                );
                return mine ? (
                  <span>
                    <Badge color={mine.decision === 'APPROVE' ? 'green' : 'red'}>
                      {mine.decision === 'APPROVE' ? 'Approved' : 'Rejected'}
                    </Badge>{' '}
                    <LocalTime iso={mine.at} compact />
                  </span>
                ) : item.postAccessReview?.state === 'REVIEWED' ? (
                  <Badge color="blue">Reviewed</Badge>
                ) : (
                  '—'
                );
              },
            },
            { id: 'quorum', header: 'Approvals', cell: (item) => quorumText(item) },
          ]}
        />
      ),
    },
  ];

  return (
    <>
      <Tabs
        activeTabId={tab}
        onChange={({ detail }) => onTabChange(detail.activeTabId as ReviewQueue)}
        tabs={tabs}
        ariaLabel="Review queues"
      />
      <DeferredDecisionModal
        key={target ? `${target.decision}:${target.request.id}` : 'closed'}
        target={target}
        onDismiss={() => setTarget(null)}
        onDone={(request, decision) => {
          setTarget(null);
          onFlash({ type: 'success', header: `${DONE_TEXT[decision]}: ${label(request)}` });
        }}
      />
    </>
  );
}
