import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { ActiveAccessTable } from '../../features/active-access/components/active-access-table';
import { InviteEngineerButton } from '../../features/invitations/components/invite-engineer-modal';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useFlashMessages } from '../../hooks/use-flash-messages';
import { FlashMessages } from '../../components/ui/flash-messages';

export function ActiveAccessPage() {
  useDocumentTitle('Active access');
  const flash = useFlashMessages();
  return (
    <ContentLayout
      header={
        <SpaceBetween size="m">
          <Header
            variant="h1"
            actions={<InviteEngineerButton />}
            description="What is open now across every account, and what self-service approved lately."
          >
            Active access
          </Header>
          <FlashMessages flash={flash} />
        </SpaceBetween>
      }
    >
      <SpaceBetween size="l">
        <ActiveAccessTable listing="active" onFlash={flash.show} />
        <ActiveAccessTable listing="self-approved" onFlash={flash.show} />
      </SpaceBetween>
    </ContentLayout>
  );
}
