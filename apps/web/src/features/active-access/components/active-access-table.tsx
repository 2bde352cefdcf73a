import { useState } from 'react';
import Badge from '@cloudscape-design/components/badge';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import { RequestStatusIndicator } from '../../../components/ui/request-status';
import { TableOrCards } from '../../../components/ui/table-or-cards';
import Pagination from '@cloudscape-design/components/pagination';
import { useCollection } from '@cloudscape-design/collection-hooks';
import type { ActiveAccessItem } from '@elevate/contracts';
import { EmptyState } from '../../../components/ui/empty-state';
import { LocalTime } from '../../../components/ui/local-time';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import type { FlashMessage } from '../../../hooks/use-flash-messages';
import { useAccessListing, type AccessListing } from '../api/get-active-access';
import { RevokeAccessModal } from './revoke-access-modal';
import { RouterLink } from '../../../components/ui/router-link';
import { paths } from '../../../lib/paths';

/** Rows per page: the API sends every open window at once; a busy day must not be one long page. */
export const ACCESS_PAGE_SIZE = 20;

const TITLES: Record<AccessListing, { header: string; description: string; empty: string }> = {
  active: {
    header: 'Open windows',
    description: 'Every approved window that is open or scheduled now, soonest end first.',
    empty: 'No access is open right now.',
  },
  'self-approved': {
    header: 'Recently self-approved',
    description: 'Approved by a self-service rule in the last 7 days, without a human decision.',
    empty: 'Nothing was self-approved in the last 7 days.',
  },
};

/** One listing of access (open windows, or recently self-approved) with Revoke in the table. */
export function ActiveAccessTable({
  listing,
  onFlash,
}: {
  listing: AccessListing;
  onFlash: (message: FlashMessage) => void;
}) {
  const query = useAccessListing(listing);
  const [revoking, setRevoking] = useState<ActiveAccessItem | null>(null);
  const titles = TITLES[listing];
  const all = query.data?.items ?? [];
  const { items, paginationProps } = useCollection(all, {
    pagination: { pageSize: ACCESS_PAGE_SIZE },
  });
  return (
    <>
      {query.isError ? <ProblemAlert error={query.error} /> : null}
      <TableOrCards<ActiveAccessItem>
        label={titles.header}
        cardHeader="requester"
        variant="container"
        loading={query.isPending}
        loadingText="Loading access"
        items={items}
        trackBy="id"
        header={
          <Header
            counter={query.data ? `(${all.length})` : undefined}
            description={titles.description}
          >
            {titles.header}
          </Header>
        }
        empty={<EmptyState title={titles.empty} />}
        pagination={
          all.length > ACCESS_PAGE_SIZE ? (
            <Pagination
              {...paginationProps}
              ariaLabels={{
                nextPageLabel: 'Next page',
                previousPageLabel: 'Previous page',
                pageLabel: (page) => `Page ${page}`,
              }}
            />
          ) : undefined
        }
        columnDefinitions={[
          {
            id: 'requester',
            header: 'Who',
            cell: (item) => (
              <RouterLink to={paths.request(item.id)}>{item.requester.name}</RouterLink>
            ),
          },
          {
            id: 'account',
            header: 'Account',
            cell: (item) => item.accountName ?? item.accountId,
          },
          { id: 'role', header: 'Role', cell: (item) => item.roleName },
          {
            id: 'until',
            header: 'Until',
            cell: (item) => (item.window ? <LocalTime iso={item.window.endsAt} compact /> : '—'),
          },
          {
            id: 'phase',
            header: 'Now',
            cell: (item) => <RequestStatusIndicator status={item.status} phase={item.phase} />,
          },
          { id: 'sessions', header: 'Sessions', cell: (item) => item.sessionsIssued },
          {
            id: 'kind',
            header: 'Kind',
            cell: (item) =>
              item.breakGlass ? (
                <Badge color="red">Break-glass</Badge>
              ) : item.approvedByPolicy === true ? (
                <Badge color="blue">Self-service</Badge>
              ) : (
                'Approved'
              ),
          },
          {
            id: 'actions',
            header: 'Actions',
            // Room for the button on one line; narrower, Cloudscape wraps it letter by letter.
            minWidth: 120,
            cell: (item) =>
              item.allowedActions.includes('revoke') ? (
                <Button
                  ariaLabel={`Revoke ${item.requester.name}'s ${item.roleName} in ${item.accountName ?? item.accountId}`}
                  onClick={() => setRevoking(item)}
                >
                  Revoke
                </Button>
              ) : null,
          },
        ]}
      />
      {revoking ? (
        <RevokeAccessModal
          item={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={(item) => {
            setRevoking(null);
            onFlash({
              type: 'success',
              header: `Revoked: ${item.requester.name}, ${item.roleName} in ${item.accountName ?? item.accountId}`,
              content: 'Credentials already issued stop working within a minute.',
            });
          }}
        />
      ) : null}
    </>
  );
}
