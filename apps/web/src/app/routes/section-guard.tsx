import type { ReactNode } from 'react';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useNavigate } from 'react-router';
import { useMe } from '../../features/me/api/get-me';
import { PageStatus } from '../../components/ui/page-status';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { mayUseSection, type NavSection } from '../navigation/access-groups';
import { paths } from '../../lib/paths';

/** Keeps a deep link to a section the user's groups do not include from showing a page of errors. */
export function SectionGuard({
  section,
  title,
  children,
}: {
  section: NavSection;
  title: string;
  children: ReactNode;
}) {
  const me = useMe();
  if (me.isPending) return <PageStatus label="Loading" />;
  // If /me failed, let the page try: the API has the last word and the page shows its answer.
  if (me.isError || mayUseSection(section, me.data.groups, me.data.eligibility.roles))
    return children;
  return <NotForYou title={title} />;
}

function NotForYou({ title }: { title: string }) {
  useDocumentTitle(title);
  const navigate = useNavigate();
  return (
    <ContentLayout header={<Header variant="h1">{title}</Header>}>
      <Container>
        <SpaceBetween size="m">
          <Box variant="p">
            This page is for members of other groups. Your groups do not include it.
          </Box>
          <Button onClick={() => void navigate(paths.myAccess)}>Go to My access</Button>
        </SpaceBetween>
      </Container>
    </ContentLayout>
  );
}
