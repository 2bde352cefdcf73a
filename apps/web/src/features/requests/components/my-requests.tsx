import { Link as RouterLink, useNavigate } from 'react-router';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { TableProps } from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useEffect, useState } from 'react';
import { requestStatusSchema, type RequestStatus, type RequestSummary } from '@elevate/contracts';
import { EmptyState } from '../../../components/ui/empty-state';
import { TableOrCards } from '../../../components/ui/table-or-cards';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { RequestStatusIndicator, requestStatusLabel } from '../../../components/ui/request-status';
import {
  isSkeletonRow,
  skeletonRows,
  withSkeletonCells,
  type SkeletonRow,
} from '../../../components/ui/skeleton-rows';
import type { FlashMessage } from '../../../hooks/use-flash-messages';
import { useCursorPages } from '../../../hooks/use-cursor-pages';
import { useMyRequests } from '../api/get-my-requests';
import { hasTimeLeft, RequestWindow, TimeLeft } from './request-window';
import { requestLabel } from './request-label';
import { mayFederate, useRequesterActions } from './requester-actions';
import { CursorPagination } from '../../../components/ui/cursor-pagination';
import { paths } from '../../../lib/paths';

const ANY_STATUS: SelectProps.Option = { value: '', label: 'Any status' };
const STATUS_OPTIONS: SelectProps.Option[] = [
  ANY_STATUS,
  ...requestStatusSchema.options.map((status) => ({
    value: status,
    label: requestStatusLabel(status, null).text,
  })),
];

export interface MyRequestsProps {
  onFlash: (message: FlashMessage) => void;
  /** False for someone no rule lets request anything: no "New request" to disappoint them. */
  mayRequest?: boolean;
}

/** My requests newest first, live while anything is pending or open, with what I may do to each. */
export function MyRequests({ onFlash, mayRequest = true }: MyRequestsProps) {
  const [status, setStatus] = useState<RequestStatus | ''>('');
  const [textDraft, setTextDraft] = useState('');
  const [text, setText] = useState('');
  // Typing searches after a short pause; the server searches every request, not the page on screen.
  useEffect(() => {
    const timer = setTimeout(() => setText(textDraft.trim()), 300);
    return () => clearTimeout(timer);
  }, [textDraft]);
  // Server pages, filtered on the server: every request is reachable however many there are.
  const pages = useCursorPages(`${status}\n${text}`);
  const requests = useMyRequests(status, text, pages.cursor);
  const navigate = useNavigate();
  const requesterActions = useRequesterActions(onFlash);

  const items = requests.data?.items ?? [];
  // A placeholder is the previous page's answer; its cursor says nothing about this page.
  const settled = requests.isSuccess && !requests.isPlaceholderData;
  const nextCursor = requests.data?.nextCursor;
  const { learnNext } = pages;
  useEffect(() => {
    if (settled) learnNext(nextCursor, items.length);
  }, [settled, nextCursor, items.length, learnNext]);

  const empty =
    status || text ? (
      <EmptyState
        title="No matching requests"
        action={
          <Button
            onClick={() => {
              setStatus('');
              setTextDraft('');
              setText('');
            }}
          >
            Clear filters
          </Button>
        }
      >
        None of your requests matches. Try another word or status.
      </EmptyState>
    ) : (
      <EmptyState
        title="No requests yet"
        action={
          mayRequest ? (
            <Button onClick={() => void navigate(paths.newRequest)}>New request</Button>
          ) : undefined
        }
      >
        {mayRequest
          ? 'Ask for a role in an account you need to work in; a reviewer decides, then you get console and CLI access here.'
          : 'Requests you make once a rule lets you will be listed here.'}
      </EmptyState>
    );

  const columns: TableProps.ColumnDefinition<RequestSummary>[] = [
    {
      id: 'status',
      header: 'Status',
      // "Pending approval" on one line: narrower, the status breaks inside a word.
      minWidth: 165,
      cell: (item) => <RequestStatusIndicator status={item.status} phase={item.phase} />,
    },
    {
      id: 'account',
      header: 'Account',
      cell: (item) => (
        <span>
          <Link
            href={paths.request(item.id)}
            onFollow={(event) => {
              event.preventDefault();
              void navigate(paths.request(item.id));
            }}
            ariaLabel={`Details: ${requestLabel(item)}`}
          >
            {item.accountName ?? item.accountId}
          </Link>
          {item.accountName && (
            <Box variant="small" display="block">
              {item.accountId}
            </Box>
          )}
        </span>
      ),
    },
    { id: 'role', header: 'Role', cell: (item) => item.roleName },
    {
      id: 'window',
      header: 'Window',
      // Time left sits under the window: one column fewer keeps every row on one line at 1280 px.
      cell: (item) => (
        <span>
          <RequestWindow request={item} compact />
          {hasTimeLeft(item) && (
            <Box variant="small" display="block">
              <TimeLeft request={item} onElapsed={() => void requests.refetch()} />
            </Box>
          )}
        </span>
      ),
    },
    {
      id: 'actions',
      header: 'Actions',
      // One line (RowActions): the first action as a button, the rest under More actions.
      cell: (item) => requesterActions.actionsFor(item, 'row'),
    },
  ];

  const loading = requests.isPending;
  const tableItems: (RequestSummary | SkeletonRow)[] = loading ? skeletonRows(3) : [...items];
  const active = items.filter(mayFederate).length;

  return (
    <>
      {requests.isError ? (
        <ProblemAlert
          error={requests.error}
          action={<Button onClick={() => void requests.refetch()}>Try again</Button>}
        />
      ) : (
        <TableOrCards<RequestSummary | SkeletonRow>
          label="My requests"
          columnDefinitions={withSkeletonCells(columns)}
          cardHeader="account"
          items={tableItems}
          trackBy="id"
          empty={empty}
          variant="container"
          tableProps={{
            wrapLines: true,
            // When the table is wider than the screen, the actions column stays in view.
            stickyColumns: { last: 1 },
            isItemDisabled: (item) => isSkeletonRow(item),
          }}
          header={
            <Header
              variant="h2"
              counter={loading ? undefined : pages.counterText}
              description={
                active > 0
                  ? `${active} active on this page. Access ends by itself when the window closes.`
                  : 'Newest first. Ended requests stay here for reference.'
              }
              actions={
                <SpaceBetween direction="horizontal" size="xs">
                  <Button
                    iconName="refresh"
                    ariaLabel="Refresh my requests"
                    loading={requests.isFetching && !loading}
                    onClick={() => void requests.refetch()}
                  />
                  {mayRequest && (
                    <Button variant="primary" onClick={() => void navigate(paths.newRequest)}>
                      New request
                    </Button>
                  )}
                </SpaceBetween>
              }
            >
              My requests
            </Header>
          }
          filter={
            <SpaceBetween direction="horizontal" size="xs">
              <TextFilter
                filteringText={textDraft}
                onChange={({ detail }) => setTextDraft(detail.filteringText)}
                filteringPlaceholder="Find by account, role, justification or ticket"
                filteringAriaLabel="Filter my requests"
                filteringClearAriaLabel="Clear filter"
                countText={text && !loading ? `${pages.counterText ?? ''} matches` : undefined}
              />
              <Select
                selectedOption={
                  STATUS_OPTIONS.find((option) => option.value === status) ?? ANY_STATUS
                }
                options={STATUS_OPTIONS}
                ariaLabel="Filter my requests by status"
                onChange={({ detail }) =>
                  setStatus((detail.selectedOption.value ?? '') as RequestStatus | '')
                }
              />
            </SpaceBetween>
          }
          pagination={<CursorPagination pages={pages} disabled={loading} />}
        />
      )}
      {requesterActions.dialogs}
      <Box variant="small" color="text-body-secondary">
        <RouterLink to={paths.policy} style={{ color: 'inherit' }}>
          What may I request?
        </RouterLink>
      </Box>
    </>
  );
}
