import Alert from '@cloudscape-design/components/alert';
import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useCollection } from '@cloudscape-design/collection-hooks';
import type {
  EligibilityEntry,
  FullPolicyView,
  PolicyRuleView,
  PolicyView,
} from '@elevate/contracts';
import { EmptyState } from '../../../components/ui/empty-state';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import {
  skeletonRows,
  withSkeletonCells,
  type SkeletonRow,
} from '../../../components/ui/skeleton-rows';
import { formatMinutes } from '../../../lib/format-duration';
import { usePolicy } from '../api/get-policy';
import { PAGINATION_LABELS } from '../../../components/ui/pagination-labels';

const tags = (record: Record<string, string | string[]>) =>
  Object.entries(record).map(([key, value]) => (
    <Badge key={key} color="grey">
      {key}={Array.isArray(value) ? value.join('|') : value}
    </Badge>
  ));

const approvalsText = (required: number, groups: readonly string[]) =>
  `${required} from ${groups.join(', ')}`;

function Eligibility({
  entries,
  loading,
  groups,
}: {
  entries: readonly EligibilityEntry[];
  loading: boolean;
  groups: readonly string[];
}) {
  const { items, collectionProps, filterProps, paginationProps, filteredItemsCount } =
    useCollection(entries, {
      filtering: {
        filteringFunction: (entry, text) => {
          const needle = text.toLowerCase();
          return [
            entry.accountName,
            entry.accountId,
            entry.roleName,
            ...Object.entries(entry.accountTags).map(([k, v]) => `${k}=${v}`),
          ].some((value) => value.toLowerCase().includes(needle));
        },
        empty: (
          <EmptyState title="You may not request anything">
            No rule of the policy grants a role to your groups
            {groups.length > 0 ? ` (${groups.join(', ')})` : ''}. Ask your Elevate administrators to
            add a rule for one of your groups, or to add you to a group that has one.
          </EmptyState>
        ),
        noMatch: (
          <EmptyState title="Nothing matches">Try an account name, id, role or tag.</EmptyState>
        ),
      },
      pagination: { pageSize: 20 },
    });
  const columns: TableProps.ColumnDefinition<EligibilityEntry>[] = [
    {
      id: 'account',
      header: 'Account',
      cell: (entry) => (
        <span>
          {entry.accountName}
          <Box variant="small" display="block">
            {entry.accountId}
          </Box>
        </span>
      ),
    },
    { id: 'role', header: 'Role', cell: (entry) => entry.roleName },
    {
      id: 'max',
      header: 'Longest window',
      cell: (entry) =>
        `${formatMinutes(entry.maxDurationMinutes)} (default ${formatMinutes(entry.defaultDurationMinutes)})`,
    },
    {
      id: 'reviewers',
      header: 'Reviewed by',
      cell: (entry) => approvalsText(entry.approvalsRequired, entry.approverGroups),
    },
    {
      id: 'rules',
      header: 'Conditions',
      cell: (entry) => (
        <SpaceBetween direction="horizontal" size="xxs">
          {entry.ticketRequired && <Badge color="blue">Ticket</Badge>}
          {entry.stepUp && (
            <Badge color="blue">MFA within {formatMinutes(entry.stepUp.maxAuthAgeMinutes)}</Badge>
          )}
          {entry.breakGlassAllowed && <Badge color="red">Break-glass allowed</Badge>}
          <Box variant="small">Justification {entry.justification.minLength}+ characters</Box>
        </SpaceBetween>
      ),
    },
  ];
  const rows: (EligibilityEntry | SkeletonRow)[] = loading ? skeletonRows(3) : [...items];
  return (
    <Table<EligibilityEntry | SkeletonRow>
      ariaLabels={{ tableLabel: 'What you may request' }}
      columnDefinitions={withSkeletonCells(columns)}
      items={rows}
      trackBy={(item) => ('skeleton' in item ? item.id : `${item.accountId}/${item.roleName}`)}
      empty={collectionProps.empty}
      wrapLines
      header={
        <Header
          variant="h2"
          counter={loading ? undefined : `(${entries.length})`}
          description="Each account and role your groups may request, its limits, and who reviews it."
        >
          What you may request
        </Header>
      }
      filter={
        <TextFilter
          {...filterProps}
          filteringPlaceholder="Find account, role or tag"
          filteringAriaLabel="Filter what you may request"
          countText={`${filteredItemsCount ?? 0} matches`}
        />
      }
      pagination={<Pagination {...paginationProps} ariaLabels={PAGINATION_LABELS} />}
    />
  );
}

function Accounts({ policy }: { policy: FullPolicyView }) {
  const { items, collectionProps, filterProps, paginationProps, filteredItemsCount } =
    useCollection(policy.accounts, {
      filtering: {
        noMatch: <EmptyState title="No account matches" />,
        empty: <EmptyState title="The policy lists no accounts" />,
      },
      pagination: { pageSize: 20 },
    });
  return (
    <Table
      ariaLabels={{ tableLabel: 'Accounts' }}
      columnDefinitions={[
        { id: 'name', header: 'Name', cell: (account) => account.name },
        { id: 'id', header: 'Account id', cell: (account) => account.id },
        {
          id: 'tags',
          header: 'Tags',
          cell: (account) => (
            <SpaceBetween direction="horizontal" size="xxs">
              {tags(account.tags)}
            </SpaceBetween>
          ),
        },
      ]}
      items={[...items]}
      trackBy="id"
      empty={collectionProps.empty}
      header={
        <Header variant="h2" counter={`(${policy.accounts.length})`}>
          Accounts
        </Header>
      }
      filter={
        <TextFilter
          {...filterProps}
          filteringPlaceholder="Find account"
          filteringAriaLabel="Filter accounts"
          countText={`${filteredItemsCount ?? 0} matches`}
        />
      }
      pagination={<Pagination {...paginationProps} ariaLabels={PAGINATION_LABELS} />}
    />
  );
}

function Rules({ rules }: { rules: readonly PolicyRuleView[] }) {
  return (
    <Table
      ariaLabels={{ tableLabel: 'Rules' }}
      wrapLines
      columnDefinitions={[
        {
          id: 'id',
          header: 'Rule',
          cell: (rule) => (
            <span>
              <Box variant="strong">{rule.id}</Box>
              {rule.description && (
                <Box variant="small" display="block">
                  {rule.description}
                </Box>
              )}
            </span>
          ),
        },
        { id: 'groups', header: 'Groups', cell: (rule) => rule.groups.join(', ') },
        {
          id: 'accounts',
          header: 'Accounts',
          cell: (rule) => (
            <SpaceBetween direction="horizontal" size="xxs">
              {rule.accounts.ids?.map((id) => (
                <Badge key={id}>{id}</Badge>
              ))}
              {rule.accounts.tags && tags(rule.accounts.tags)}
            </SpaceBetween>
          ),
        },
        { id: 'roles', header: 'Roles', cell: (rule) => rule.roles.join(', ') },
        {
          id: 'limits',
          header: 'Window',
          cell: (rule) =>
            `≤ ${formatMinutes(rule.maxDurationMinutes)} (default ${formatMinutes(rule.defaultDurationMinutes)})`,
        },
        {
          id: 'approvals',
          header: 'Approvals',
          cell: (rule) => approvalsText(rule.approvalsRequired, rule.approverGroups),
        },
        {
          id: 'conditions',
          header: 'Conditions',
          cell: (rule) => (
            <SpaceBetween direction="horizontal" size="xxs">
              {rule.ticketRequired && (
                <Badge color="blue">
                  Ticket{rule.ticketPatternHint ? `: ${rule.ticketPatternHint}` : ''}
                </Badge>
              )}
              {rule.stepUp && (
                <Badge color="blue">
                  MFA within {formatMinutes(rule.stepUp.maxAuthAgeMinutes)}
                </Badge>
              )}
              {rule.breakGlass && <Badge color="red">Break-glass</Badge>}
              {rule.selfApproval && <Badge color="grey">Self-approval</Badge>}
            </SpaceBetween>
          ),
        },
      ]}
      items={[...rules]}
      trackBy="id"
      header={
        <Header
          variant="h2"
          counter={`(${rules.length})`}
          description="Who may request what. Overlapping rules combine to the strictest limits."
        >
          Rules
        </Header>
      }
      empty={
        <EmptyState title="The policy has no rules">
          Nobody can request anything until a rule is added.
        </EmptyState>
      }
    />
  );
}

function ElevateGroups({ view }: { view: PolicyView }) {
  const roles = [
    view.roles.reviewer && 'Reviewer',
    view.roles.auditor && 'Auditor',
    view.roles.admin && 'Administrator',
  ].filter((role): role is string => Boolean(role));
  const items = [
    {
      label: 'Your roles in Elevate',
      value:
        roles.length > 0 ? (
          <SpaceBetween direction="horizontal" size="xxs">
            {roles.map((role) => (
              <Badge key={role} color="blue">
                {role}
              </Badge>
            ))}
          </SpaceBetween>
        ) : (
          'Requester'
        ),
    },
  ];
  if (view.policy) {
    items.push(
      { label: 'Reviewer groups', value: view.policy.groups.reviewers.join(', ') || '—' },
      { label: 'Auditor groups', value: view.policy.groups.auditors.join(', ') || '—' },
      { label: 'Administrator groups', value: view.policy.groups.admins.join(', ') || '—' },
    );
  }
  return (
    <Container header={<Header variant="h2">Roles in Elevate</Header>}>
      <KeyValuePairs columns={4} items={items} />
    </Container>
  );
}

/** What I may request and who reviews it; the whole policy for admins and auditors. */
export function PolicyOverview({ groups }: { groups: readonly string[] }) {
  const policy = usePolicy();
  if (policy.isError)
    return (
      <ProblemAlert
        error={policy.error}
        action={<Button onClick={() => void policy.refetch()}>Try again</Button>}
      />
    );
  return (
    <SpaceBetween size="l">
      {policy.data?.idpEnforcesMfa === true && (
        <Alert type="info" header="MFA is enforced by your identity provider">
          The operator states that your organisation’s identity provider asks for MFA at every
          sign-in, because its tokens cannot show it. Roles marked “MFA within …” therefore need a
          recent sign-in, which always includes MFA.
        </Alert>
      )}
      <Eligibility
        entries={policy.data?.eligibility ?? []}
        loading={policy.isPending}
        groups={groups}
      />
      {policy.data && <ElevateGroups view={policy.data} />}
      {policy.data?.policy && <Accounts policy={policy.data.policy} />}
      {policy.data?.policy && <Rules rules={policy.data.policy.rules} />}
    </SpaceBetween>
  );
}
