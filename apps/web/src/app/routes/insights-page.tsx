import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import { useSearchParams } from 'react-router';
import { filtersFromSearch, insightsSearch } from '../../features/insights/api/insights-query';
import { InsightsDashboard } from '../../features/insights/components/insights-dashboard';
import { usePolicy } from '../../features/policy/api/get-policy';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function InsightsPage() {
  useDocumentTitle('Insights');
  // Filters live in the URL: back, reload and a shared link keep them.
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search, Date.now());
  // The pickers offer the policy's catalog; auditors and admins receive the whole policy.
  const policy = usePolicy().data?.policy;
  const catalog = {
    accounts: policy?.accounts ?? [],
    roles: [...new Set(policy?.rules.flatMap((rule) => rule.roles) ?? [])].sort(),
    groups: [...new Set(policy?.rules.flatMap((rule) => rule.groups) ?? [])].sort(),
  };
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="Who needed human access, where, why, and what to automate. Every number opens the requests behind it."
        >
          Insights
        </Header>
      }
    >
      <InsightsDashboard
        filters={filters}
        catalog={catalog}
        onFiltersChange={(next) => setSearch(insightsSearch(next))}
      />
    </ContentLayout>
  );
}
