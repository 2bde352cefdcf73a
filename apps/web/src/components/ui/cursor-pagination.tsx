import Pagination from '@cloudscape-design/components/pagination';
import { PAGINATION_LABELS } from './pagination-labels';

/** Where a list is among the server's pages (useCursorPages, useAuditPages). */
interface CursorPages {
  readonly index: number;
  /** Pages whose cursor is known so far. */
  readonly known: number;
  /** The server has said there is more after the last known page. */
  readonly openEnd: boolean;
  goTo(index: number): void;
}

/**
 * Pagination over the server's cursors: the pages known so far, open at the end while the server
 * has more, so it never claims a total nobody counted.
 */
export function CursorPagination({ pages, disabled }: { pages: CursorPages; disabled: boolean }) {
  return (
    <Pagination
      currentPageIndex={pages.index + 1}
      pagesCount={pages.known}
      openEnd={pages.openEnd}
      disabled={disabled}
      onChange={({ detail }) => pages.goTo(detail.currentPageIndex - 1)}
      ariaLabels={PAGINATION_LABELS}
    />
  );
}
