import ContentLayout from '@cloudscape-design/components/content-layout';
import Flashbar from '@cloudscape-design/components/flashbar';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { IdentitySummary } from '../../features/me/components/identity-summary';
import { MyInvitations } from '../../features/invitations/components/my-invitations';
import { MyRequests } from '../../features/requests/components/my-requests';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useFlashMessages } from '../../hooks/use-flash-messages';

export function MyAccessPage() {
  useDocumentTitle('My access');
  const flash = useFlashMessages();
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
          <Flashbar items={flash.items} stackItems={false} />
        </SpaceBetween>
      }
    >
      <SpaceBetween size="l">
        <MyInvitations onFlash={flash.show} />
        <MyRequests onFlash={flash.show} />
        <IdentitySummary />
      </SpaceBetween>
    </ContentLayout>
  );
}
