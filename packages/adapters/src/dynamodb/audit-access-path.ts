import type { AuditQuery } from '@elevate/domain';
import type { TableIndex } from './table-definition';
import {
  ACCOUNT_PREFIX,
  EMAIL_PREFIX,
  emailKeyOf,
  REQUESTER_PREFIX,
  ROLE_PREFIX,
  STATUS_PREFIX,
  TICKET_PREFIX,
  ticketKeyOf,
} from './request-item';

/** A FilterExpression with its placeholders. */
export interface Filter {
  readonly expression: string;
  readonly names: Record<string, string>;
  readonly values: Record<string, unknown>;
}

/** Where an audit page reads: one index partition by key, and what is left to filter there. */
export interface AuditAccessPath {
  readonly index: TableIndex;
  readonly partition: string;
  readonly filter: Filter | undefined;
}

type FilterName =
  'requesterSub' | 'ticket' | 'requesterEmail' | 'accountId' | 'roleName' | 'status';

/**
 * Each audit filter as a partition key (its own index) and as a filter term (on the attributes every
 * filter index projects). Listed most selective first: with several filters, the first present one
 * is the key condition and the others filter what that partition returns.
 */
const FILTERS: readonly {
  readonly name: FilterName;
  readonly index: TableIndex;
  readonly partition: (value: string) => string;
  readonly attribute: string;
  readonly compared: (value: string) => string;
}[] = [
  {
    name: 'requesterSub',
    index: 'GSI1',
    partition: (sub) => `${REQUESTER_PREFIX}${sub}`,
    attribute: 'GSI1PK',
    compared: (sub) => `${REQUESTER_PREFIX}${sub}`,
  },
  {
    name: 'ticket',
    index: 'GSI8',
    partition: (ticket) => `${TICKET_PREFIX}${ticketKeyOf(ticket)}`,
    attribute: 'ticketLower',
    compared: ticketKeyOf,
  },
  {
    name: 'requesterEmail',
    index: 'GSI7',
    partition: (email) => `${EMAIL_PREFIX}${emailKeyOf(email)}`,
    attribute: 'requesterEmailLower',
    compared: emailKeyOf,
  },
  {
    name: 'accountId',
    index: 'GSI5',
    partition: (id) => `${ACCOUNT_PREFIX}${id}`,
    attribute: 'accountId',
    compared: (id) => id,
  },
  {
    name: 'roleName',
    index: 'GSI6',
    partition: (role) => `${ROLE_PREFIX}${role}`,
    attribute: 'roleName',
    compared: (role) => role,
  },
  {
    name: 'status',
    index: 'GSI4',
    partition: (status) => `${STATUS_PREFIX}${status}`,
    attribute: 'status',
    compared: (status) => status,
  },
];

/**
 * The index partition an audit query reads, or undefined when it has no filter (then the month
 * partitions of GSI3 hold every request in order). One filter is an exact key condition; each further
 * filter is a FilterExpression inside the first one's partition, bounded by the page's read budget.
 */
export const auditAccessPathOf = (query: AuditQuery): AuditAccessPath | undefined => {
  const present = FILTERS.flatMap((filter) => {
    const value = query[filter.name];
    return value === undefined ? [] : [{ filter, value }];
  });
  const [key, ...rest] = present;
  if (key === undefined) return undefined;
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const terms = rest.map(({ filter, value }, index) => {
    names[`#f${index}`] = filter.attribute;
    values[`:f${index}`] = filter.compared(value);
    return `#f${index} = :f${index}`;
  });
  return {
    index: key.filter.index,
    partition: key.filter.partition(key.value),
    filter: terms.length === 0 ? undefined : { expression: terms.join(' AND '), names, values },
  };
};
