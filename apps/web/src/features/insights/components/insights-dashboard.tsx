import Box from '@cloudscape-design/components/box';
import BarChart from '@cloudscape-design/components/bar-chart';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import LineChart from '@cloudscape-design/components/line-chart';
import PieChart from '@cloudscape-design/components/pie-chart';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Tabs from '@cloudscape-design/components/tabs';
import type { InsightsResponse } from '@elevate/contracts';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageStatus } from '../../../components/ui/page-status';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { formatMinutes, unit } from '../../../lib/format-duration';
import { useInsights } from '../api/get-insights';
import { auditHref, type AuditLink, type InsightsFilters } from '../api/insights-query';
import { AuditNumber } from './audit-number';
import { InsightsFilterBar, type InsightsCatalog } from './insights-filters';

/** "45 seconds", "4 minutes", "1 hour 30 minutes" — or a dash when there is nothing to measure. */
function formatSeconds(seconds: number | undefined): string {
  if (seconds === undefined) return '–';
  if (seconds < 60) return unit(seconds, 'second');
  return formatMinutes(Math.round(seconds / 60));
}

/** Hours in words (docs/glossary.md); a link's accessible name repeats this visible text. */
const hours = (value: number) =>
  `${value.toLocaleString('en', { maximumFractionDigits: 2 })} ${value === 1 ? 'hour' : 'hours'}`;

function Metric({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Box variant="awsui-key-label">{label}</Box>
      <Box fontSize="display-l" fontWeight="bold" variant="div">
        {children}
      </Box>
    </div>
  );
}

function Totals({ data, filters }: { data: InsightsResponse; filters: InsightsFilters }) {
  const { totals } = data;
  const link = (value: number | string, label: string, audit: AuditLink = {}) => (
    <AuditNumber value={value} label={label} href={auditHref(filters, audit)} />
  );
  return (
    <Container header={<Header variant="h2">Human access in these days</Header>}>
      <ColumnLayout columns={4} variant="text-grid" minColumnWidth={160}>
        <Metric label="Requests">{link(totals.requests, `${totals.requests} requests`)}</Metric>
        <Metric label="Approved windows">
          {link(totals.approvedWindows, `${totals.approvedWindows} approved windows`)}
        </Metric>
        <Metric label="Hours approved">
          {link(hours(totals.approvedHours), `${hours(totals.approvedHours)} approved`)}
        </Metric>
        <Metric label="Hours used in sessions">
          {link(hours(totals.usedHours), `${hours(totals.usedHours)} used`)}
        </Metric>
        <Metric label="Windows never used">
          {link(totals.neverUsedWindows, `${totals.neverUsedWindows} windows never used`, {
            status: 'APPROVED',
          })}
        </Metric>
        <Metric label="Break-glass uses">
          {link(totals.breakGlass, `${totals.breakGlass} break-glass uses`)}
          <Box variant="small" display="block">
            {totals.breakGlassAwaitingReview} awaiting review, {totals.breakGlassReviewed} reviewed
          </Box>
        </Metric>
        <Metric label="Self-approved access">
          {link(totals.selfApproved, `${totals.selfApproved} self-approved windows`)}
        </Metric>
        <Metric label="Rejected">
          {link(totals.byStatus.REJECTED ?? 0, `${totals.byStatus.REJECTED ?? 0} rejected`, {
            status: 'REJECTED',
          })}
        </Metric>
        <Metric label="Time to decision (median · p90)">
          {`${formatSeconds(data.timeToDecision.medianSeconds)} · ${formatSeconds(data.timeToDecision.p90Seconds)}`}
        </Metric>
        <Metric label="Time to first session (median · p90)">
          {`${formatSeconds(data.timeToFirstSession.medianSeconds)} · ${formatSeconds(data.timeToFirstSession.p90Seconds)}`}
        </Metric>
      </ColumnLayout>
    </Container>
  );
}

function OverTime({ data }: { data: InsightsResponse }) {
  const days = data.byDay.map((row) => row.day);
  return (
    <Container header={<Header variant="h2">Over time</Header>}>
      <LineChart
        series={[
          {
            title: 'Requests',
            type: 'line',
            data: data.byDay.map((row) => ({ x: row.day, y: row.requests })),
          },
          {
            title: 'Approved windows',
            type: 'line',
            data: data.byDay.map((row) => ({ x: row.day, y: row.approvedWindows })),
          },
          {
            title: 'Hours approved',
            type: 'line',
            data: data.byDay.map((row) => ({ x: row.day, y: row.approvedHours })),
          },
        ]}
        xDomain={days}
        xScaleType="categorical"
        xTitle="Day (UTC)"
        yTitle="Count or hours"
        height={240}
        ariaLabel="Requests, approved windows and hours approved per day"
        hideFilter
        empty={<EmptyState title="No requests in these days" />}
      />
    </Container>
  );
}

function ByAccountAndStatus({ data }: { data: InsightsResponse }) {
  const accounts = data.byAccount.slice(0, 10);
  const statuses = Object.entries(data.totals.byStatus).flatMap(([status, count = 0]) =>
    count > 0 ? [{ title: status, value: count }] : [],
  );
  return (
    <ColumnLayout columns={2}>
      <Container header={<Header variant="h2">Hours approved by account</Header>}>
        <BarChart
          series={[
            {
              title: 'Hours approved',
              type: 'bar',
              data: accounts.map((row) => ({
                x: row.accountName ?? row.accountId,
                y: row.approvedHours,
              })),
            },
          ]}
          xDomain={accounts.map((row) => row.accountName ?? row.accountId)}
          xScaleType="categorical"
          xTitle="Account"
          yTitle="Hours"
          height={220}
          ariaLabel="Hours approved by account"
          hideFilter
          hideLegend
          empty={<EmptyState title="No approved access" />}
        />
      </Container>
      <Container header={<Header variant="h2">Requests by outcome</Header>}>
        <PieChart
          data={statuses}
          variant="donut"
          size="medium"
          ariaLabel="Requests by status"
          hideFilter
          empty={<EmptyState title="No requests" />}
        />
      </Container>
    </ColumnLayout>
  );
}

function Candidates({ data, filters }: { data: InsightsResponse; filters: InsightsFilters }) {
  type Row = InsightsResponse['automationCandidates'][number];
  return (
    <Table<Row>
      header={
        <Header
          variant="h2"
          description="The same account × role approved by people again and again, ranked by the hours of human access they cost. Terms and ticket prefixes show why."
        >
          Candidates for automation
        </Header>
      }
      items={data.automationCandidates}
      trackBy={(row) => `${row.accountId}/${row.roleName}`}
      variant="container"
      empty={<EmptyState title="No human-approved access in these days" />}
      columnDefinitions={[
        {
          id: 'target',
          header: 'Account and role',
          cell: (row) => `${row.accountName ?? row.accountId} · ${row.roleName}`,
        },
        {
          id: 'requests',
          header: 'Requests',
          cell: (row) => (
            <AuditNumber
              value={row.requests}
              label={`${row.requests} requests for ${row.roleName} in ${row.accountName ?? row.accountId}`}
              href={auditHref(filters, { account: row.accountId, role: row.roleName })}
            />
          ),
        },
        { id: 'hours', header: 'Hours of human access', cell: (row) => hours(row.humanHours) },
        {
          id: 'terms',
          header: 'Common terms',
          cell: (row) => row.terms.map((term) => `${term.term} (${term.count})`).join(', ') || '–',
        },
        {
          id: 'tickets',
          header: 'Ticket prefixes',
          cell: (row) =>
            row.ticketPrefixes.map((prefix) => `${prefix.prefix} (${prefix.count})`).join(', ') ||
            '–',
        },
      ]}
    />
  );
}

interface BreakdownRow {
  key: string;
  requests: number;
  approvedWindows: number;
  approvedHours: number;
  usedHours: number;
}

const keyed = <T extends Omit<BreakdownRow, 'key'>>(
  rows: readonly T[],
  keyOf: (row: T) => string,
): BreakdownRow[] =>
  rows.map((row) => ({
    key: keyOf(row),
    requests: row.requests,
    approvedWindows: row.approvedWindows,
    approvedHours: row.approvedHours,
    usedHours: row.usedHours,
  }));

function Breakdown({ data, filters }: { data: InsightsResponse; filters: InsightsFilters }) {
  const table = (
    id: string,
    name: string,
    items: BreakdownRow[],
    audit?: (key: string) => AuditLink,
  ) => ({
    id,
    label: name,
    content: (
      <Table<BreakdownRow>
        items={items}
        trackBy="key"
        variant="embedded"
        ariaLabels={{ tableLabel: `Human access by ${name.toLowerCase()}` }}
        empty={<EmptyState title="Nothing in these days" />}
        columnDefinitions={[
          { id: 'key', header: name, cell: (row) => row.key },
          {
            id: 'requests',
            header: 'Requests',
            cell: (row) =>
              audit === undefined ? (
                row.requests
              ) : (
                <AuditNumber
                  value={row.requests}
                  label={`${row.requests} requests, ${name.toLowerCase()} ${row.key}`}
                  href={auditHref(filters, audit(row.key))}
                />
              ),
          },
          { id: 'windows', header: 'Approved windows', cell: (row) => row.approvedWindows },
          { id: 'approved', header: 'Hours approved', cell: (row) => hours(row.approvedHours) },
          { id: 'used', header: 'Hours used', cell: (row) => hours(row.usedHours) },
        ]}
      />
    ),
  });
  const accountIds = new Map(
    data.byAccount.map((row) => [row.accountName ?? row.accountId, row.accountId]),
  );
  return (
    <Container header={<Header variant="h2">Breakdown</Header>}>
      <Tabs
        tabs={[
          table(
            'requesters',
            'Requester',
            keyed(data.topRequesters, (row) => row.requesterEmail),
            (key) => ({ requester: key }),
          ),
          table(
            'accounts',
            'Account',
            keyed(data.byAccount, (row) => row.accountName ?? row.accountId),
            (key) => ({ account: accountIds.get(key) ?? key }),
          ),
          table(
            'tags',
            'Account tag',
            keyed(data.byTag, (row) => row.tag),
          ),
          table(
            'roles',
            'Role',
            keyed(data.byRole, (row) => row.roleName),
            (key) => ({ role: key }),
          ),
          table(
            'groups',
            'Requester group',
            keyed(data.byGroup, (row) => row.group),
          ),
        ]}
      />
    </Container>
  );
}

/** Insights: human access over whole UTC days, read from the daily aggregates. */
export function InsightsDashboard({
  filters,
  catalog,
  onFiltersChange,
}: {
  filters: InsightsFilters;
  catalog: InsightsCatalog;
  onFiltersChange: (filters: InsightsFilters) => void;
}) {
  const insights = useInsights(filters);
  return (
    <SpaceBetween size="l">
      <Container>
        <InsightsFilterBar filters={filters} catalog={catalog} onChange={onFiltersChange} />
      </Container>
      {insights.isPending ? (
        <PageStatus label="Loading Insights" />
      ) : insights.isError ? (
        <ProblemAlert
          error={insights.error}
          action={<Button onClick={() => void insights.refetch()}>Try again</Button>}
        />
      ) : insights.data.totals.requests === 0 ? (
        <Container>
          <EmptyState title="No requests in these days">
            Nothing was requested from {filters.from} to {filters.to} with these filters. Choose
            other days or fewer filters.
          </EmptyState>
        </Container>
      ) : (
        <>
          <Totals data={insights.data} filters={filters} />
          <Candidates data={insights.data} filters={filters} />
          <OverTime data={insights.data} />
          <ByAccountAndStatus data={insights.data} />
          <Breakdown data={insights.data} filters={filters} />
        </>
      )}
    </SpaceBetween>
  );
}
