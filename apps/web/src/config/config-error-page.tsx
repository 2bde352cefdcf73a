import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import { useDocumentTitle } from '../hooks/use-document-title';

export interface ConfigErrorPageProps {
  reason: string;
  issues: readonly string[];
}

/** Elevate cannot start without knowing its IdP and API; say exactly what is wrong with the file. */
export function ConfigErrorPage({ reason, issues }: ConfigErrorPageProps) {
  useDocumentTitle('Configuration problem');
  return (
    <main>
      <Box padding="xxl">
        <Alert type="error" header="Elevate cannot start">
          <Box variant="p">{reason}</Box>
          {issues.length > 0 && (
            <ul>
              {issues.map((issue) => (
                <li key={issue}>
                  <Box variant="code">{issue}</Box>
                </li>
              ))}
            </ul>
          )}
          <Box variant="p">
            The file is generated at deployment (or served by the dev server from
            ELEVATE_IDP_ISSUER, ELEVATE_CLIENT_ID and ELEVATE_API_URL). Tell your Elevate operators
            if you see this page.
          </Box>
        </Alert>
      </Box>
    </main>
  );
}
