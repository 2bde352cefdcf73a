import { lazy, Suspense } from 'react';
import type { ConfigErrorPageProps } from '../config/config-error-page';

// Rare, and styled with Cloudscape: loaded only when /config.json is broken.
const ConfigErrorPage = lazy(async () => {
  await import('@cloudscape-design/global-styles/index.css');
  return { default: (await import('../config/config-error-page')).ConfigErrorPage };
});

export function ConfigErrorScreen(props: ConfigErrorPageProps) {
  return (
    <Suspense fallback={null}>
      <ConfigErrorPage {...props} />
    </Suspense>
  );
}
