import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { RouterLink } from '../../../components/ui/router-link';
import { paths } from '../../../lib/paths';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import type { FlashMessage } from '../../../hooks/use-flash-messages';
import { useMyInvitations } from '../api/get-my-invitations';
import { InvitationAnswer } from './invitation-answer';

/** Invitations that wait for the signed-in engineer's answer; nothing at all when there are none. */
export function MyInvitations({ onFlash }: { onFlash: (message: FlashMessage) => void }) {
  const query = useMyInvitations();
  if (query.isError) return <ProblemAlert error={query.error} />;
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Container
      header={
        <Header
          counter={`(${items.length})`}
          description="Someone opened these requests for you. Accept to take part, or decline."
        >
          Invitations for you
        </Header>
      }
    >
      <SpaceBetween size="m">
        {items.map((item) => (
          <SpaceBetween key={item.id} size="xxs">
            <InvitationAnswer request={item} onFlash={onFlash} />
            <RouterLink
              to={paths.request(item.id)}
              ariaLabel={`Details of the invitation to ${item.roleName} in ${item.accountName ?? item.accountId}`}
            >
              Details
            </RouterLink>
          </SpaceBetween>
        ))}
      </SpaceBetween>
    </Container>
  );
}
