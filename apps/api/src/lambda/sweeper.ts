import type { Context } from 'aws-lambda';
import { systemClock } from '@elevate/adapters';
import {
  composeAuditIntegrity,
  loadAuditIntegrityConfig,
} from '../audit-integrity/audit-integrity-config';
import { signDueDigest } from '../audit-integrity/sign-due-digest';
import { composeNotifier } from '../composition/compose-notifier';
import { functionRoot } from '../composition/function-root';
import { loadNotificationsConfig } from '../config';
import { observed } from '../observability/lambda-handler';
import type { SweepReport } from '../sweeper/sweep-requests';
import { sweepRequests } from '../sweeper/sweep-requests';

// Built once per container: the notifier's ports (the sweeper sends what it sends) on one store.
const config = loadNotificationsConfig();
const { logger, metrics, tracer, store } = functionRoot(config);
const deps = composeNotifier(config, store, { logger, metrics });
const auditConfig = loadAuditIntegrityConfig();
const audit = auditConfig === undefined ? undefined : composeAuditIntegrity(auditConfig, store);

/**
 * Run by EventBridge Scheduler: expires stale pending requests and sends due reminders, then signs
 * yesterday's audit digest if it is not signed yet (once a day; a no-op read otherwise).
 */
export const handler = observed(
  async (_event: unknown, _context: Context): Promise<SweepReport> => {
    const report = await sweepRequests(deps);
    if (audit !== undefined)
      await signDueDigest(
        audit,
        systemClock.now(),
        deps.logger.child({ component: 'audit-digest' }),
      );
    return report;
  },
  { logger, metrics, tracer },
);
