/** Column types of the exported datasets; the Glue tables (infra) and DuckDB's views read these. */
export const EXPORT_COLUMNS = {
  events: {
    request_id: 'string',
    event_index: 'int',
    type: 'string',
    event_at: 'string',
    actor_sub: 'string',
    actor_email: 'string',
    status_after: 'string',
    comment: 'string',
    created_at: 'string',
    account_id: 'string',
    role_name: 'string',
    requester_sub: 'string',
    requester_email: 'string',
    justification: 'string',
    ticket: 'string',
    break_glass: 'boolean',
    requested_duration_minutes: 'int',
  },
  sessions: {
    session_id: 'string',
    request_id: 'string',
    kind: 'string',
    account_id: 'string',
    role_arn: 'string',
    access_key_id: 'string',
    role_session_name: 'string',
    source_identity: 'string',
    region: 'string',
    issued_at: 'string',
    expires_at: 'string',
    issued_by_sub: 'string',
    issued_by_email: 'string',
    source_ip: 'string',
    user_agent: 'string',
  },
} as const satisfies Record<'events' | 'sessions', Record<string, 'string' | 'int' | 'boolean'>>;

/** The partition column of both datasets: the UTC day, `YYYY-MM-DD`. */
export const EXPORT_PARTITION_COLUMN = 'dt';

/**
 * Named queries over the JSON Lines exports, one SQL text each for Athena (Glue tables `events`
 * and `sessions`, partition column `dt`) and DuckDB (`pnpm insights`, views of the same names over
 * `.data/exports`). `{{from}}` and `{{to}}` are UTC days (`YYYY-MM-DD`), both included; only
 * validated dates are ever substituted (`sqlOfExportQuery`).
 */
export const EXPORT_QUERIES = {
  'requests-by-account-role': {
    description: 'Requests created per account × role, most first',
    sql: `SELECT account_id, role_name, COUNT(*) AS requests
FROM events
WHERE type = 'CREATED' AND dt BETWEEN '{{from}}' AND '{{to}}'
GROUP BY account_id, role_name
ORDER BY requests DESC, account_id, role_name`,
  },
  'top-requesters': {
    description: 'Who asked for access most often, and for how many minutes',
    sql: `SELECT requester_email, COUNT(*) AS requests, SUM(requested_duration_minutes) AS minutes_requested
FROM events
WHERE type = 'CREATED' AND dt BETWEEN '{{from}}' AND '{{to}}'
GROUP BY requester_email
ORDER BY requests DESC, requester_email
LIMIT 20`,
  },
  'break-glass': {
    description: 'Break-glass requests and who reviewed them afterwards',
    sql: `SELECT c.request_id, c.event_at AS created_at, c.account_id, c.role_name, c.requester_email,
  c.justification, r.actor_email AS reviewed_by, r.event_at AS reviewed_at
FROM events c
LEFT JOIN events r ON r.request_id = c.request_id AND r.type = 'BREAK_GLASS_REVIEW'
WHERE c.type = 'CREATED' AND c.break_glass AND c.dt BETWEEN '{{from}}' AND '{{to}}'
ORDER BY c.event_at, c.request_id`,
  },
  'ticket-prefixes': {
    description: 'Ticket projects behind human access, per account × role',
    sql: `SELECT account_id, role_name, UPPER(REGEXP_EXTRACT(ticket, '^[A-Za-z]+')) AS ticket_prefix,
  COUNT(*) AS requests
FROM events
WHERE type = 'CREATED' AND ticket IS NOT NULL AND dt BETWEEN '{{from}}' AND '{{to}}'
GROUP BY 1, 2, 3
ORDER BY requests DESC, account_id, role_name, ticket_prefix`,
  },
  'sessions-by-account': {
    description: 'Sessions issued per account, kind and region',
    sql: `SELECT account_id, kind, region, COUNT(*) AS sessions
FROM sessions
WHERE dt BETWEEN '{{from}}' AND '{{to}}'
GROUP BY account_id, kind, region
ORDER BY sessions DESC, account_id, kind, region`,
  },
} as const satisfies Record<string, { description: string; sql: string }>;

export type ExportQueryName = keyof typeof EXPORT_QUERIES;

export const isExportQueryName = (name: string): name is ExportQueryName =>
  Object.hasOwn(EXPORT_QUERIES, name);

const isDay = (day: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/u.test(day) &&
  new Date(`${day}T00:00:00.000Z`).toISOString().startsWith(day);

/** The query's SQL for a range of whole UTC days; throws for anything but real dates. */
export const sqlOfExportQuery = (name: ExportQueryName, from: string, to: string): string => {
  if (!isDay(from) || !isDay(to)) throw new Error('from and to must be dates, YYYY-MM-DD');
  return EXPORT_QUERIES[name].sql.replaceAll('{{from}}', from).replaceAll('{{to}}', to);
};
