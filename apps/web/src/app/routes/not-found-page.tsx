import { useNavigate } from 'react-router';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Container from '@cloudscape-design/components/container';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { paths } from '../../lib/paths';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  const navigate = useNavigate();
  return (
    <ContentLayout header={<Header variant="h1">Page not found</Header>}>
      <Container>
        <SpaceBetween size="m">
          <Box variant="p">
            There is no page at this address. It may have moved, or the link may be mistyped.
          </Box>
          <Button onClick={() => void navigate(paths.myAccess)}>Go to My access</Button>
        </SpaceBetween>
      </Container>
    </ContentLayout>
  );
}
