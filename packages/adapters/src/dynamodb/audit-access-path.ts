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

/**
 * Where an audit page reads: index partitions by key (one, or one per requester merged by creation),
 * or — with no key filter, or free text the filter indexes do not carry — the month partitions of
 * GSI3, which hold every request. What no key covers is a FilterExpression.
 */
export type AuditAccessPath =
  | {
      readonly kind: 'partitions';
      readonly index: TableIndex;
      readonly partitions: readonly string[];
      readonly filter: Filter | undefined;
    }
  | { readonly kind: 'months'; readonly filter: Filter | undefined };

type KeyedFilterName = 'ticket' | 'requesterEmail' | 'accountId' | 'roleName' | 'status';

/**
 * Each keyed audit filter as a partition key (its own index) and as a filter term (on the attributes
 * every filter index projects). Listed most selective first: with several filters, the first present
 * one is the key condition and the others filter what that partition returns. Requesters (by sub)
 * come before all of these and are handled apart, as they may be several partitions.
 */
const FILTERS: readonly {
  readonly name: KeyedFilterName;
  readonly index: TableIndex;
  readonly partition: (value: string) => string;
  readonly attribute: string;
  readonly compared: (value: string) => string;
}[] = [
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

/** The requesters an audit query names (by sub), or undefined when it names none. */
export const auditRequesterSubsOf = (query: AuditQuery): readonly string[] | undefined => {
  if (query.requesterSubs === undefined)
    return query.requesterSub === undefined ? undefined : [query.requesterSub];
  const subs = [...new Set(query.requesterSubs)];
  // Both given: the requesters in both.
  return query.requesterSub === undefined ? subs : subs.filter((sub) => sub === query.requesterSub);
};

/**
 * The partitions an audit query reads and what is left to filter there. Requesters by sub are the
 * key (GSI1, whole items) whenever present; otherwise the first present keyed filter — unless the
 * query has free text, which only the whole-item indexes carry (`searchText`), so it walks the
 * months. Ticket prefix and free text are always filter terms: no key holds a prefix or a word.
 */
export const auditAccessPathOf = (query: AuditQuery): AuditAccessPath => {
  const subs = auditRequesterSubsOf(query);
  const keyed = FILTERS.flatMap((filter) => {
    const value = query[filter.name];
    return value === undefined ? [] : [{ filter, value }];
  });
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const terms: string[] = [];
  const term = (attribute: string, value: unknown, shape: (n: string, v: string) => string) => {
    const at = terms.length;
    names[`#f${at}`] = attribute;
    values[`:f${at}`] = value;
    terms.push(shape(`#f${at}`, `:f${at}`));
  };
  const equal = (n: string, v: string) => `${n} = ${v}`;
  const byKey = subs === undefined && query.text === undefined ? keyed[0] : undefined;
  for (const { filter, value } of keyed)
    if (filter !== byKey?.filter) term(filter.attribute, filter.compared(value), equal);
  if (query.ticketPrefix !== undefined)
    term('ticketLower', ticketKeyOf(query.ticketPrefix), (n, v) => `begins_with(${n}, ${v})`);
  if (query.text !== undefined)
    term('searchText', query.text.toLowerCase(), (n, v) => `contains(${n}, ${v})`);
  const filter: Filter | undefined =
    terms.length === 0 ? undefined : { expression: terms.join(' AND '), names, values };
  if (subs !== undefined)
    return {
      kind: 'partitions',
      index: 'GSI1',
      partitions: subs.map((sub) => `${REQUESTER_PREFIX}${sub}`),
      filter,
    };
  if (byKey !== undefined)
    return {
      kind: 'partitions',
      index: byKey.filter.index,
      partitions: [byKey.filter.partition(byKey.value)],
      filter,
    };
  return { kind: 'months', filter };
};
