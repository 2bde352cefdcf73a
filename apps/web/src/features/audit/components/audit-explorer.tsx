import { useCallback, useEffect, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import type { DateRangePickerProps } from '@cloudscape-design/components/date-range-picker';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Alert from '@cloudscape-design/components/alert';
import Link from '@cloudscape-design/components/link';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { requestStatusSchema, type RequestStatus, type RequestSummary } from '@elevate/contracts';
import { EmptyState } from '../../../components/ui/empty-state';
import { formatCompactDateTime } from '../../../components/ui/compact-time';
import { LocalTime, LocalTimeRange } from '../../../components/ui/local-time';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { RequestStatusIndicator, requestStatusLabel } from '../../../components/ui/request-status';
import {
  skeletonRows,
  withSkeletonCells,
  type SkeletonRow,
} from '../../../components/ui/skeleton-rows';
import type { FlashMessage } from '../../../hooks/use-flash-messages';
import { auditQueryParams, DEFAULT_RANGE, type AuditFilters } from '../api/audit-query';
import { useDownloadAuditCsv } from '../api/download-audit-csv';
import { searchOfAuditView, type AuditPagePosition } from '../state/audit-url';
import { useAuditView } from '../state/use-audit-view';
import { useAuditPages } from '../state/use-audit-pages';
import { useAuditPage } from '../api/get-audit-page';
import { useAuditCount } from '../api/get-audit-count';
import { CursorPagination } from '../../../components/ui/cursor-pagination';
import { paths } from '../../../lib/paths';
import { DeferredDateRangePicker } from '../../../components/ui/deferred-date-range-picker';

export interface AuditExplorerProps {
  /** The policy's account catalog and roles, for the pickers; free text is not offered for these. */
  accounts: readonly { id: string; name: string }[];
  roles: readonly string[];
  onFlash: (message: FlashMessage) => void;
  /** The moment the route loader resolved the URL's range at (epoch ms), if it did. */
  loadedAt?: number | undefined;
}

const ANY: SelectProps.Option = { value: '', label: 'Any' };

const RELATIVE_OPTIONS: DateRangePickerProps.RelativeOption[] = [
  { key: 'last-24-hours', amount: 24, unit: 'hour', type: 'relative' },
  { key: 'last-7-days', amount: 7, unit: 'day', type: 'relative' },
  { key: 'last-30-days', amount: 30, unit: 'day', type: 'relative' },
  { key: 'last-90-days', amount: 90, unit: 'day', type: 'relative' },
  { key: 'last-365-days', amount: 365, unit: 'day', type: 'relative' },
];

const INITIAL: AuditFilters = {
  requester: '',
  accountId: '',
  roleName: '',
  status: '',
  ticket: '',
  ticketMatch: 'exact',
  text: '',
  order: 'newest',
  range: DEFAULT_RANGE,
};

const TICKET_MATCH_OPTIONS: SelectProps.Option[] = [
  { value: 'exact', label: 'Is' },
  { value: 'prefix', label: 'Starts with' },
];

function rangeError(
  range: DateRangePickerProps.Value | null,
): DateRangePickerProps.ValidationResult {
  if (!range) return { valid: false, errorMessage: 'Choose a range.' };
  if (range.type === 'absolute') {
    if (!range.startDate || !range.endDate)
      return { valid: false, errorMessage: 'Choose a start and an end date.' };
    if (range.endDate < range.startDate)
      return { valid: false, errorMessage: 'The end date must not be before the start date.' };
    const days = (Date.parse(range.endDate) - Date.parse(range.startDate)) / 86_400_000;
    if (days > 365) return { valid: false, errorMessage: 'At most 366 days at a time.' };
  }
  return { valid: true };
}

/** Every request in a time range, filtered on the server and paged with its cursor; CSV of the same view. */
export function AuditExplorer({ accounts, roles, onFlash, loadedAt }: AuditExplorerProps) {
  const navigate = useNavigate();
  // The view lives in the URL — filters, order and page: back (also from a request opened here),
  // reload and a shared link show the same page of the same view. Each change is a history entry.
  const [search, setSearch] = useSearchParams();
  const { filters, position, viewKey, resolvedAt, drafts, setDraft, apply, refresh } = useAuditView(
    search,
    setSearch,
    loadedAt,
  );
  const query = useMemo(() => auditQueryParams(filters, resolvedAt), [filters, resolvedAt]);
  const show = useCallback(
    (next: AuditPagePosition) => setSearch(searchOfAuditView(filters, next)),
    [filters, setSearch],
  );
  const pages = useAuditPages(viewKey, position, show);
  const page = useAuditPage(query, pages.cursor);
  const download = useDownloadAuditCsv();

  // A placeholder is the previous page's answer; its cursor says nothing about this page.
  const settled = page.isSuccess && !page.isPlaceholderData;
  const nextCursor = page.data?.nextCursor;
  const itemCount = page.data?.items.length ?? 0;
  // A whole first page counts itself; a longer answer takes the server's count, asked apart.
  const count = useAuditCount(query, pages.index > 0 || (settled && nextCursor !== undefined));
  const total = page.data?.total ?? count.data?.total;
  const { learn } = pages;
  useEffect(() => {
    if (settled) learn(nextCursor, itemCount, total);
  }, [settled, nextCursor, itemCount, total, learn]);

  const accountOptions: SelectProps.Option[] = [
    ANY,
    ...accounts.map((account) => ({
      value: account.id,
      label: account.name,
      description: account.id,
    })),
  ];
  const roleOptions: SelectProps.Option[] = [
    ANY,
    ...roles.map((role) => ({ value: role, label: role })),
  ];
  const statusOptions: SelectProps.Option[] = [
    ANY,
    ...requestStatusSchema.options.map((status) => ({
      value: status,
      label: requestStatusLabel(status, null).text,
    })),
  ];
  const selected = (options: SelectProps.Option[], value: string) =>
    options.find((option) => option.value === value) ?? ANY;

  const columns: TableProps.ColumnDefinition<RequestSummary>[] = [
    {
      id: 'created',
      header: 'Requested',
      sortingField: 'createdAt',
      cell: (item) => (
        <Link
          href={paths.request(item.id)}
          onFollow={(event) => {
            event.preventDefault();
            void navigate(paths.request(item.id));
          }}
          // Holds the visible time too, so speech users can say what they see (WCAG 2.5.3).
          ariaLabel={`Timeline of ${item.requester.name}'s ${item.roleName} in ${item.accountName ?? item.accountId}, requested ${formatCompactDateTime(new Date(item.createdAt))}`}
        >
          <LocalTime iso={item.createdAt} compact />
        </Link>
      ),
    },
    {
      id: 'requester',
      header: 'Requester',
      cell: (item) => (
        <span>
          {item.requester.name}
          <Box variant="small" display="block">
            {item.requester.email}
          </Box>
        </span>
      ),
    },
    {
      id: 'account',
      header: 'Account',
      cell: (item) => (
        <span>
          {item.accountName ?? item.accountId}
          {item.accountName && (
            <Box variant="small" display="block">
              {item.accountId}
            </Box>
          )}
        </span>
      ),
    },
    { id: 'role', header: 'Role', cell: (item) => item.roleName },
    // What the ticket and text searches look at, so a match can be seen as one.
    { id: 'ticket', header: 'Ticket', cell: (item) => item.ticket ?? '—' },
    {
      id: 'justification',
      header: 'Justification',
      cell: (item) => item.justification,
      minWidth: 200,
    },
    {
      id: 'status',
      header: 'Status',
      // No minWidth: the indicator never wraps, so "Pending approval" sets the column's minimum.
      cell: (item) => (
        <SpaceBetween direction="horizontal" size="xxs">
          <RequestStatusIndicator status={item.status} phase={item.phase} />
          {item.breakGlass && <Badge color="red">Break-glass</Badge>}
        </SpaceBetween>
      ),
    },
    {
      id: 'window',
      header: 'Window',
      cell: (item) =>
        item.window ? (
          <LocalTimeRange startsAt={item.window.startsAt} endsAt={item.window.endsAt} />
        ) : (
          '—'
        ),
    },
    {
      id: 'approvals',
      header: 'Approvals',
      cell: (item) => `${item.approvalsCount} of ${item.approvalsRequired}`,
    },
  ];

  const loading = page.isPending;
  const items = page.data?.items ?? [];
  const rows: (RequestSummary | SkeletonRow)[] = loading ? skeletonRows(5) : items;
  const filtered = Boolean(
    filters.requester ||
    filters.accountId ||
    filters.roleName ||
    filters.status ||
    filters.ticket ||
    filters.text,
  );
  // A bounded search (ticket prefix, free text) that ran out of reads for this page.
  const searchedTo = settled ? page.data.searchedTo : undefined;

  const saveCsv = () =>
    download.mutate(query, {
      onSuccess: (filename) => onFlash({ type: 'success', header: `Downloaded ${filename}` }),
      onError: (error) =>
        onFlash({
          type: 'error',
          header: 'The CSV could not be downloaded',
          content: error instanceof Error ? error.message : undefined,
        }),
    });

  return (
    <Table<RequestSummary | SkeletonRow>
      columnDefinitions={withSkeletonCells(columns)}
      items={rows}
      trackBy="id"
      variant="full-page"
      wrapLines
      loading={false}
      sortingColumn={{ sortingField: 'createdAt' }}
      sortingDescending={filters.order === 'newest'}
      onSortingChange={({ detail }) =>
        apply({ order: detail.isDescending === false ? 'oldest' : 'newest' })
      }
      ariaLabels={{ tableLabel: 'Request history' }}
      header={
        <Header
          variant="awsui-h1-sticky"
          counter={loading ? undefined : pages.counterText}
          description="Every request, decision and session. Filters, order and page are in the address, so back, reload and a shared link show this page; the CSV holds every page of this view."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button
                iconName="refresh"
                ariaLabel="Refresh history"
                loading={page.isFetching && !loading}
                onClick={refresh}
              />
              <Button iconName="download" loading={download.isPending} onClick={saveCsv}>
                Download CSV
              </Button>
            </SpaceBetween>
          }
        >
          Audit
        </Header>
      }
      filter={
        <SpaceBetween size="s">
          <SpaceBetween direction="horizontal" size="s">
            <FormField label="Requester" controlId="audit-requester">
              <Input
                controlId="audit-requester"
                type="search"
                value={drafts.requester}
                placeholder="Name or e-mail"
                onChange={({ detail }) => setDraft('requester', detail.value)}
                onKeyDown={({ detail }) => {
                  if (detail.key === 'Enter') apply();
                }}
              />
            </FormField>
            <FormField label="Account" controlId="audit-account">
              <Select
                controlId="audit-account"
                selectedOption={selected(accountOptions, filters.accountId)}
                options={accountOptions}
                filteringType="auto"
                onChange={({ detail }) => apply({ accountId: detail.selectedOption.value ?? '' })}
              />
            </FormField>
            <FormField label="Role" controlId="audit-role">
              <Select
                controlId="audit-role"
                selectedOption={selected(roleOptions, filters.roleName)}
                options={roleOptions}
                onChange={({ detail }) => apply({ roleName: detail.selectedOption.value ?? '' })}
              />
            </FormField>
            <FormField label="Status" controlId="audit-status">
              <Select
                controlId="audit-status"
                selectedOption={selected(statusOptions, filters.status)}
                options={statusOptions}
                onChange={({ detail }) =>
                  apply({ status: (detail.selectedOption.value ?? '') as RequestStatus | '' })
                }
              />
            </FormField>
            <FormField label="Ticket" controlId="audit-ticket">
              <SpaceBetween direction="horizontal" size="xxs">
                <Select
                  ariaLabel="Ticket match"
                  selectedOption={selected(TICKET_MATCH_OPTIONS, filters.ticketMatch)}
                  options={TICKET_MATCH_OPTIONS}
                  onChange={({ detail }) =>
                    apply({
                      ticketMatch: detail.selectedOption.value === 'prefix' ? 'prefix' : 'exact',
                    })
                  }
                />
                <Input
                  controlId="audit-ticket"
                  type="search"
                  value={drafts.ticket}
                  placeholder="e.g. OPS-1234"
                  onChange={({ detail }) => setDraft('ticket', detail.value)}
                  onKeyDown={({ detail }) => {
                    if (detail.key === 'Enter') apply();
                  }}
                />
              </SpaceBetween>
            </FormField>
            <FormField label="Justification contains" controlId="audit-text">
              <Input
                controlId="audit-text"
                type="search"
                value={drafts.text}
                placeholder="e.g. database restore"
                onChange={({ detail }) => setDraft('text', detail.value)}
                onKeyDown={({ detail }) => {
                  if (detail.key === 'Enter') apply();
                }}
              />
            </FormField>
            <FormField label="Requested between">
              <DeferredDateRangePicker
                value={filters.range}
                onChange={({ detail }) => apply({ range: detail.value })}
                relativeOptions={RELATIVE_OPTIONS}
                isValidRange={rangeError}
                dateOnly
                rangeSelectorMode="default"
                placeholder="Choose a range"
                ariaLabel="Requested between"
                i18nStrings={{
                  formatRelativeRange: (value) =>
                    `Last ${value.amount} ${value.unit}${value.amount === 1 ? '' : 's'}`,
                  formatUnit: (unit, value) => (value === 1 ? unit : `${unit}s`),
                  customRelativeRangeOptionLabel: 'Custom range',
                  customRelativeRangeOptionDescription: 'Set a custom range in the past',
                  relativeModeTitle: 'Relative range',
                  absoluteModeTitle: 'Absolute range',
                  relativeRangeSelectionHeading: 'Choose a range',
                  startDateLabel: 'Start date',
                  endDateLabel: 'End date',
                  clearButtonLabel: 'Clear and dismiss',
                  cancelButtonLabel: 'Cancel',
                  applyButtonLabel: 'Apply',
                }}
              />
            </FormField>
          </SpaceBetween>
          {searchedTo !== undefined && (
            <Alert type="info" header="Still searching">
              This page holds the matches among requests made{' '}
              {filters.order === 'newest' ? 'back to' : 'up to'} <LocalTime iso={searchedTo} />.
              Ticket-prefix and text searches read a bounded share of the history per page;{' '}
              {filters.order === 'newest' ? 'older' : 'newer'} requests are searched on the next
              page.
            </Alert>
          )}
          {page.isError && (
            <ProblemAlert
              error={page.error}
              action={<Button onClick={() => void page.refetch()}>Try again</Button>}
            />
          )}
        </SpaceBetween>
      }
      empty={
        searchedTo !== undefined ? (
          <EmptyState
            title="No matches yet"
            action={
              <Button disabled={!pages.learnt} onClick={() => pages.goTo(pages.index + 1)}>
                {filters.order === 'newest' ? 'Search older requests' : 'Search newer requests'}
              </Button>
            }
          >
            None of the requests searched so far match; the rest of the range is still to search.
          </EmptyState>
        ) : filtered ? (
          <EmptyState
            title="No requests match these filters"
            action={
              <Button
                onClick={() => apply({ ...INITIAL, order: filters.order, range: filters.range })}
              >
                Clear filters
              </Button>
            }
          >
            Widen the date range or clear a filter.
          </EmptyState>
        ) : (
          <EmptyState title="No requests in this range">
            Choose a longer date range to see older requests.
          </EmptyState>
        )
      }
      pagination={
        <CursorPagination
          pages={pages}
          // Until this page has answered and been learnt, its next cursor is unknown.
          disabled={!(settled && pages.learnt) && !page.isError}
        />
      }
    />
  );
}
