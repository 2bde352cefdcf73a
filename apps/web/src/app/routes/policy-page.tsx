import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import { useMe } from '../../features/me/api/get-me';
import { PolicyOverview } from '../../features/policy/components/policy-overview';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function PolicyPage() {
  useDocumentTitle('Policy');
  const me = useMe();
  return (
    <ContentLayout
      header={
        <Header variant="h1" description="What you may request, for how long, and who reviews it.">
          Policy
        </Header>
      }
    >
      <PolicyOverview groups={me.data?.groups ?? []} />
    </ContentLayout>
  );
}
