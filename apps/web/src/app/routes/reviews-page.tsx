import { useSearchParams } from 'react-router';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMe } from '../../features/me/api/get-me';
import type { ReviewQueue } from '../../features/reviews/api/review-keys';
import { ReviewQueues } from '../../features/reviews/components/review-queues';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useFlashMessages } from '../../hooks/use-flash-messages';
import { FlashMessages } from '../../components/ui/flash-messages';

const TABS: readonly ReviewQueue[] = ['pending', 'break-glass', 'decided'];

export function ReviewsPage() {
  useDocumentTitle('Reviews');
  const flash = useFlashMessages();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab = TABS.find((candidate) => candidate === requested) ?? 'pending';
  return (
    <ContentLayout
      header={
        <SpaceBetween size="m">
          <Header
            variant="h1"
            description="Decide requests routed to your groups and review break-glass access."
          >
            Reviews
          </Header>
          <FlashMessages flash={flash} />
        </SpaceBetween>
      }
    >
      <ReviewQueues
        tab={tab}
        onTabChange={(next) =>
          setParams(next === 'pending' ? {} : { tab: next }, { replace: true })
        }
        onFlash={flash.show}
        viewerSub={me.data?.sub}
      />
    </ContentLayout>
  );
}
