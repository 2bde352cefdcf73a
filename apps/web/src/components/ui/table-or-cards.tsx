import type { ReactNode } from 'react';
import Cards, { type CardsProps } from '@cloudscape-design/components/cards';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { useNarrowScreen } from '../../hooks/use-narrow-screen';

export interface TableOrCardsProps<T> {
  /** Names the table, and the list of cards. */
  label: string;
  items: readonly T[];
  trackBy: string;
  columnDefinitions: readonly TableProps.ColumnDefinition<T>[];
  /** The column that becomes each card's title (e.g. the requester). */
  cardHeader: string;
  header?: ReactNode;
  filter?: ReactNode;
  pagination?: ReactNode;
  empty?: ReactNode;
  loading?: boolean;
  loadingText?: string;
  variant?: 'container' | 'borderless';
  /** What only the wide table needs (sticky columns, wrapped lines…). */
  tableProps?: Partial<TableProps<T>>;
}

/** Each column as a labelled section of a card; the header column becomes the card's title. */
function cardDefinitionFrom<T>(
  columns: readonly TableProps.ColumnDefinition<T>[],
  headerId: string,
): CardsProps.CardDefinition<T> {
  const title = columns.find((column) => column.id === headerId);
  return {
    header: title ? (item) => title.cell(item) : undefined,
    sections: columns
      .filter((column) => column.id !== headerId)
      .map((column) => ({
        id: column.id,
        // The actions need no label: their buttons say what they do.
        header: column.id === 'actions' ? undefined : column.header,
        content: (item: T) => column.cell(item),
      })),
  };
}

/**
 * A table on wide screens; on a phone the same columns as one card per item, full width, so every
 * field and the actions are on screen without sideways scrolling.
 */
export function TableOrCards<T>({
  label,
  items,
  trackBy,
  columnDefinitions,
  cardHeader,
  header,
  filter,
  pagination,
  empty,
  loading,
  loadingText,
  variant = 'container',
  tableProps,
}: TableOrCardsProps<T>) {
  const narrow = useNarrowScreen();
  // What both forms show the same way: the rows, their header, filter and pages, and each state.
  const shared = { items, trackBy, header, filter, pagination, empty, loading, loadingText };
  if (narrow)
    return (
      <Cards<T>
        {...shared}
        ariaLabels={{ cardsLabel: label, itemSelectionLabel: () => '', selectionGroupLabel: '' }}
        cardDefinition={cardDefinitionFrom(columnDefinitions, cardHeader)}
        cardsPerRow={[{ cards: 1 }]}
        variant={variant === 'borderless' ? 'container' : variant}
      />
    );
  return (
    <Table<T>
      {...shared}
      ariaLabels={{ tableLabel: label }}
      columnDefinitions={columnDefinitions}
      variant={variant}
      {...tableProps}
    />
  );
}
