import { auditIntegrityQuerySchema } from '@elevate/contracts';
import { Hono } from 'hono';
import type { AuthedEnv } from '../app-env';
import { parseQuery } from '../http/validate';
import { assertMayAudit } from '../use-cases/list-audit';
import type { UseCaseDeps } from '../use-cases/use-case-deps';
import { UseCaseError } from '../use-cases/use-case-error';
import type { AuditIntegrityDeps } from './audit-integrity-deps';
import { verifyAuditRange } from './verify-audit-range';

/**
 * `GET /audit/integrity`: auditors check that days of history are as signed. No Scan on this path:
 * per day, the digest and one Query per request it lists (docs/threat-model.md says what that
 * covers and what `pnpm audit:verify` adds).
 */
export function auditIntegrityRoutes(
  deps: Pick<UseCaseDeps, 'policy'> & { readonly auditIntegrity?: AuditIntegrityDeps | undefined },
): Hono<AuthedEnv> {
  return new Hono<AuthedEnv>().get('/audit/integrity', async (c) => {
    assertMayAudit(deps, c.var.actor);
    const query = parseQuery(c, auditIntegrityQuerySchema);
    if (deps.auditIntegrity === undefined) {
      throw new UseCaseError(
        'AUDIT_INTEGRITY_UNAVAILABLE',
        'No digest store and signing key are configured for this deployment (ELEVATE_AUDIT_DIGEST_BUCKET, ELEVATE_AUDIT_SIGNING_KEY_ID).',
      );
    }
    return c.json(
      await verifyAuditRange(deps.auditIntegrity, query.from, query.to, { scan: false }),
    );
  });
}
