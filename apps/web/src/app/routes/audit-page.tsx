import { useLoaderData } from 'react-router';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { AuditExplorer } from '../../features/audit/components/audit-explorer';
import { usePolicy } from '../../features/policy/api/get-policy';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useFlashMessages } from '../../hooks/use-flash-messages';
import { FlashMessages } from '../../components/ui/flash-messages';
import type { AuditLoaderData } from '../route-loaders';

export function AuditPage() {
  useDocumentTitle('Audit');
  const flash = useFlashMessages();
  // Undefined where the page is rendered without its route (component tests).
  const loaded = useLoaderData<AuditLoaderData | undefined>();
  // The pickers offer the policy's catalog; auditors and admins receive the whole policy.
  const policy = usePolicy();
  const accounts = policy.data?.policy?.accounts ?? [];
  const roles = [...new Set(policy.data?.policy?.rules.flatMap((rule) => rule.roles) ?? [])].sort();
  return (
    <SpaceBetween size="m">
      <FlashMessages flash={flash} />
      <AuditExplorer
        accounts={accounts}
        roles={roles}
        onFlash={flash.show}
        loadedAt={loaded?.resolvedAt}
      />
    </SpaceBetween>
  );
}
