import type { AuditQuery } from '@elevate/domain';
import type { TableIndex } from './table-definition';
import {
  ACCOUNT_PREFIX,
  accountStatusPartition,
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
 * or — with no key filter — the month partitions of GSI3, which hold every request. What no key
 * covers is a FilterExpression.
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

/** Each keyed audit filter as a filter term, on the attributes every filter index projects. */
const TERMS: Record<KeyedFilterName, { attribute: string; compared: (value: string) => string }> = {
  ticket: { attribute: 'ticketLower', compared: ticketKeyOf },
  requesterEmail: { attribute: 'requesterEmailLower', compared: emailKeyOf },
  accountId: { attribute: 'accountId', compared: (id) => id },
  roleName: { attribute: 'roleName', compared: (role) => role },
  status: { attribute: 'status', compared: (status) => status },
};

/**
 * The keys an audit page can read by: an index partition per filter, and one for the pair account ×
 * status. Listed most selective first: the first whose filters the query all has is the key
 * condition, and the query's other filters filter what that partition returns. Requesters (by sub)
 * come before all of these and are handled apart, as they may be several partitions. A partition
 * is given the filters' values as their terms compare them (`TERMS`: lower-case ticket, e-mail).
 */
const KEYS: readonly {
  readonly filters: readonly KeyedFilterName[];
  readonly index: TableIndex;
  readonly partition: (values: readonly string[]) => string;
}[] = [
  { filters: ['ticket'], index: 'GSI8', partition: ([ticket]) => `${TICKET_PREFIX}${ticket}` },
  { filters: ['requesterEmail'], index: 'GSI7', partition: ([email]) => `${EMAIL_PREFIX}${email}` },
  {
    filters: ['accountId', 'status'],
    index: 'GSI10',
    partition: ([id = '', status = '']) => accountStatusPartition(id, status),
  },
  { filters: ['accountId'], index: 'GSI5', partition: ([id]) => `${ACCOUNT_PREFIX}${id}` },
  { filters: ['roleName'], index: 'GSI6', partition: ([role]) => `${ROLE_PREFIX}${role}` },
  { filters: ['status'], index: 'GSI4', partition: ([status]) => `${STATUS_PREFIX}${status}` },
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
 * key (GSI1) whenever present; otherwise the first present keyed filter; otherwise the months
 * (GSI3). Every index holds whole items (decision 0008), so what is left is a filter in that
 * partition. Ticket prefix and free text are always filter terms: no key holds a prefix or a word.
 */
export const auditAccessPathOf = (query: AuditQuery): AuditAccessPath => {
  const subs = auditRequesterSubsOf(query);
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
  const byKey =
    subs === undefined
      ? KEYS.find((key) => key.filters.every((name) => query[name] !== undefined))
      : undefined;
  for (const name of Object.keys(TERMS) as KeyedFilterName[]) {
    const value = query[name];
    if (value !== undefined && byKey?.filters.includes(name) !== true)
      term(TERMS[name].attribute, TERMS[name].compared(value), equal);
  }
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
      index: byKey.index,
      partitions: [
        byKey.partition(byKey.filters.map((name) => TERMS[name].compared(query[name] ?? ''))),
      ],
      filter,
    };
  return { kind: 'months', filter };
};
