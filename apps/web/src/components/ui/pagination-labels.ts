import type { PaginationProps } from '@cloudscape-design/components/pagination';

/** Screen-reader names for every table's pagination, in one place. */
export const PAGINATION_LABELS: PaginationProps.Labels = {
  nextPageLabel: 'Next page',
  previousPageLabel: 'Previous page',
  pageLabel: (n) => `Page ${n}`,
};
