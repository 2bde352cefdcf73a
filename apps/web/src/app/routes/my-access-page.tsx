import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMe } from '../../features/me/api/get-me';
import { IdentitySummary } from '../../features/me/components/identity-summary';
import { MyInvitations } from '../../features/invitations/components/my-invitations';
import { MyRequests } from '../../features/requests/components/my-requests';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useFlashMessages } from '../../hooks/use-flash-messages';
import { FlashMessages } from '../../components/ui/flash-messages';
import { eligibleForNothing } from '../navigation/home-path';
import { NothingToRequest } from './nothing-to-request';

export function MyAccessPage() {
  useDocumentTitle('My access');
  const flash = useFlashMessages();
  const me = useMe();
  const mayRequest = !me.data || !eligibleForNothing(me.data);
  return (
    <ContentLayout
      header={
        <SpaceBetween size="m">
          <Header
            variant="h1"
            description="Your requests for temporary access, and the way in while a window is open."
          >
            My access
          </Header>
          <FlashMessages flash={flash} />
        </SpaceBetween>
      }
    >
      <SpaceBetween size="l">
        {!mayRequest && <NothingToRequest groups={me.data.groups} />}
        <MyInvitations onFlash={flash.show} />
        <MyRequests onFlash={flash.show} mayRequest={mayRequest} />
        <IdentitySummary />
      </SpaceBetween>
    </ContentLayout>
  );
}
