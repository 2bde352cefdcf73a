import Skeleton from '@cloudscape-design/components/skeleton';
import type { TableProps } from '@cloudscape-design/components/table';

/** Placeholder rows while a table loads, so the page keeps its height when the data arrives. */
export interface SkeletonRow {
  skeleton: true;
  id: string;
}

export function skeletonRows(count: number): SkeletonRow[] {
  return Array.from({ length: count }, (_, index) => ({
    skeleton: true as const,
    id: `skeleton-${index}`,
  }));
}

export function isSkeletonRow(item: object): item is SkeletonRow {
  return 'skeleton' in item && item.skeleton === true;
}

/** The same columns, drawing a text-height bar in every cell of a placeholder row. */
export function withSkeletonCells<T extends object>(
  columns: readonly TableProps.ColumnDefinition<T>[],
): TableProps.ColumnDefinition<T | SkeletonRow>[] {
  return columns.map((column) => ({
    ...column,
    cell: (item: T | SkeletonRow) =>
      isSkeletonRow(item) ? <Skeleton variant="text-body-m" width="80%" /> : column.cell(item),
  })) as TableProps.ColumnDefinition<T | SkeletonRow>[];
}
