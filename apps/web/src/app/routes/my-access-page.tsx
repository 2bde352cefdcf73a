import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import { IdentitySummary } from '../../features/me/components/identity-summary';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function MyAccessPage() {
  useDocumentTitle('My access');
  return (
    <ContentLayout header={<Header variant="h1">My access</Header>}>
      <IdentitySummary />
    </ContentLayout>
  );
}
