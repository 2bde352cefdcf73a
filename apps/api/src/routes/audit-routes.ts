import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { auditExportQuerySchema, auditQuerySchema } from '@elevate/contracts';
import type { AuthedEnv } from '../app-env';
import { parseQuery } from '../http/validate';
import { errorFields } from '../logger';
import { csvRow } from '../use-cases/csv';
import { exportAuditCsv } from '../use-cases/export-audit-csv';
import { exportAuditJson } from '../use-cases/export-audit-json';
import { countAudit, listAudit } from '../use-cases/list-audit';
import type { UseCaseDeps } from '../use-cases/use-case-deps';

/** Auditors' and admins' view across every request: a paged listing and a streamed CSV. */
export function auditRoutes(deps: UseCaseDeps): Hono<AuthedEnv> {
  return new Hono<AuthedEnv>()
    .get('/audit/requests', async (c) =>
      c.json(await listAudit(deps, c.var.actor, parseQuery(c, auditQuerySchema))),
    )
    .get('/audit/requests/count', async (c) =>
      c.json(await countAudit(deps, c.var.actor, parseQuery(c, auditExportQuerySchema))),
    )
    .get('/audit/requests.json', async (c) => {
      const json = await exportAuditJson(
        deps,
        c.var.actor,
        parseQuery(c, auditExportQuerySchema),
        deps.auditExportLimits,
      );
      c.header('content-disposition', `attachment; filename="${json.filename}"`);
      return c.body(json.body, 200, { 'content-type': 'application/json; charset=utf-8' });
    })
    .get('/audit/requests.csv', async (c) => {
      const csv = await exportAuditCsv(
        deps,
        c.var.actor,
        parseQuery(c, auditExportQuerySchema),
        deps.auditExportLimits,
      );
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', `attachment; filename="${csv.filename}"`);
      return stream(
        c,
        async (out) => {
          for await (const line of csv.lines) await out.write(line);
        },
        // Headers are gone by now: say so in the file, so a cut-off export never passes for a whole one.
        async (error, out) => {
          c.var.logger.error('audit export failed', errorFields(error));
          await out.write(csvRow(['EXPORT INCOMPLETE', `correlation id ${c.var.correlationId}`]));
        },
      );
    });
}
