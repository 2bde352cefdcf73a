import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AccessRequest, SessionRecord } from '@elevate/domain';
import type { RequestProjection } from './request-projections';

/** Where export files go: a folder locally, an S3 bucket in AWS. Keys use `/`. */
export interface ExportSink {
  /** Writes the whole object, replacing what was there. */
  put(key: string, body: string): Promise<void>;
}

/** The two datasets, each partitioned by UTC day (`dt=YYYY-MM-DD`, Hive style). */
export const EXPORT_DATASETS = ['events', 'sessions'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

export const exportKeyOf = (dataset: ExportDataset, day: string, requestId: string): string =>
  `${dataset}/dt=${day}/${requestId}.jsonl`;

/** One line per history event: the request's context and the event, snake_case for SQL. */
export const eventRowsOf = (request: AccessRequest): Record<string, unknown>[] =>
  request.history.map((event, index) => ({
    request_id: request.id,
    event_index: index,
    type: event.type,
    event_at: event.at,
    actor_sub: event.actor.sub,
    actor_email: event.actor.email,
    status_after: event.statusAfter,
    comment: event.comment ?? null,
    created_at: request.createdAt,
    account_id: request.accountId,
    role_name: request.roleName,
    requester_sub: request.requester.sub,
    requester_email: request.requester.email,
    justification: request.justification,
    ticket: request.ticket ?? null,
    break_glass: request.breakGlass,
    requested_duration_minutes: request.requestedDurationMinutes,
  }));

/** One line per issued session: never a secret key, session token or sign-in URL (none is stored). */
export const sessionRowOf = (session: SessionRecord): Record<string, unknown> => ({
  session_id: session.id,
  request_id: session.requestId,
  kind: session.kind,
  account_id: session.accountId,
  role_arn: session.roleArn,
  access_key_id: session.accessKeyId,
  role_session_name: session.roleSessionName,
  source_identity: session.sourceIdentity,
  region: session.region,
  issued_at: session.issuedAt,
  expires_at: session.expiresAt,
  issued_by_sub: session.issuedBy.sub,
  issued_by_email: session.issuedBy.email,
  source_ip: session.sourceIp ?? null,
  user_agent: session.userAgent ?? null,
});

const dayOf = (instant: string): string => instant.slice(0, 10);

const grouped = (
  rows: readonly Record<string, unknown>[],
  timeField: string,
): Map<string, string> => {
  const byDay = new Map<string, string[]>();
  for (const row of rows) {
    const day = dayOf(String(row[timeField]));
    byDay.set(day, [...(byDay.get(day) ?? []), JSON.stringify(row)]);
  }
  return new Map([...byDay].map(([day, lines]) => [day, `${lines.join('\n')}\n`]));
};

/** Every file one request contributes: per day, its events of that day and its sessions issued that day. */
export const exportFilesOf = (
  request: AccessRequest,
  sessions: readonly SessionRecord[],
): Map<string, string> => {
  const files = new Map<string, string>();
  for (const [day, body] of grouped(eventRowsOf(request), 'event_at'))
    files.set(exportKeyOf('events', day, request.id), body);
  for (const [day, body] of grouped(sessions.map(sessionRowOf), 'issued_at'))
    files.set(exportKeyOf('sessions', day, request.id), body);
  return files;
};

/**
 * Exports every request event and session record as JSON Lines, one file per request and day,
 * rewritten whole from the request's current state: a replayed or out-of-order stream record
 * writes the same content again, so each event is in its day's partition exactly once.
 */
export class JsonLinesExport implements RequestProjection {
  constructor(private readonly sink: ExportSink) {}

  async record(request: AccessRequest, sessions: readonly SessionRecord[]): Promise<number> {
    const files = exportFilesOf(request, sessions);
    for (const [key, body] of files) await this.sink.put(key, body);
    return files.size;
  }
}

/** Files under a folder (`.data/exports` locally); written to a temporary name, then renamed. */
export class FileExportSink implements ExportSink {
  constructor(private readonly root: string) {}

  async put(key: string, body: string): Promise<void> {
    const path = join(this.root, ...key.split('/'));
    await mkdir(dirname(path), { recursive: true });
    // A name of its own per write: two refreshes of one request in one process may overlap, and a
    // shared temporary name let the first rename take the second's file from under it (ENOENT).
    const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
    await writeFile(temporary, body, 'utf8');
    await rename(temporary, path);
  }
}
