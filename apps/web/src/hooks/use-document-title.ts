import { useEffect } from 'react';

export const PRODUCT_NAME = 'Elevate';

function documentTitle(pageTitle?: string): string {
  return pageTitle ? `${pageTitle} · ${PRODUCT_NAME}` : PRODUCT_NAME;
}

/** Names the tab after the page, so history, bookmarks and screen readers say where you are. */
export function useDocumentTitle(pageTitle?: string): void {
  useEffect(() => {
    document.title = documentTitle(pageTitle);
  }, [pageTitle]);
}
