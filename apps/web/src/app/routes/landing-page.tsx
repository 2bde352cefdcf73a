import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Alert from '@cloudscape-design/components/alert';
import { useState } from 'react';
import { SignInFailedAlert, useAuth } from '../../auth';
import { useDocumentTitle } from '../../hooks/use-document-title';

const STEPS = [
  {
    title: 'Ask for what you need',
    text: 'Pick an account and a role you are eligible for, say why, and choose how long you need it.',
  },
  {
    title: 'A reviewer decides',
    text: 'Someone else approves or rejects, as your organisation’s policy requires. Nobody approves their own request.',
  },
  {
    title: 'Work, then it ends',
    text: 'Open the console or take CLI credentials for the approved window only. Every step is kept for audit.',
  },
];

/** For visitors who are not signed in: what Elevate is and one way in. */
export function LandingPage({ signedOut = false }: { signedOut?: boolean }) {
  useDocumentTitle(signedOut ? 'Signed out' : undefined);
  const { signIn } = useAuth();
  const [failed, setFailed] = useState(false);
  const start = () => {
    setFailed(false);
    signIn('/').catch(() => setFailed(true));
  };
  return (
    <main>
      <Box padding={{ vertical: 'xxxl', horizontal: 'l' }}>
        <div style={{ maxWidth: 960, margin: '0 auto' }}>
          <ContentLayout
            header={
              <SpaceBetween size="m">
                <Header
                  variant="h1"
                  description="Temporary, approved and audited access to your organisation’s AWS accounts."
                  actions={
                    <Button variant="primary" onClick={start}>
                      Sign in
                    </Button>
                  }
                >
                  <span style={{ display: 'inline-flex', alignItems: 'center', gap: 12 }}>
                    <img src="/favicon.svg" alt="" width={32} height={32} />
                    Elevate
                  </span>
                </Header>
                {failed && <SignInFailedAlert onRetry={start} />}
                {signedOut && (
                  <Alert type="success" header="You have signed out">
                    Your session in this browser has ended.
                  </Alert>
                )}
              </SpaceBetween>
            }
          >
            <Container header={<Header variant="h2">How it works</Header>}>
              <ColumnLayout columns={3} variant="text-grid">
                {STEPS.map((step) => (
                  <div key={step.title}>
                    <Box variant="h3" tagOverride="h3">
                      {step.title}
                    </Box>
                    <Box variant="p" color="text-body-secondary">
                      {step.text}
                    </Box>
                  </div>
                ))}
              </ColumnLayout>
            </Container>
          </ContentLayout>
        </div>
      </Box>
    </main>
  );
}
