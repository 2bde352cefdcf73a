import { errorFields } from '../logger';
import type { Logger } from '../logger';
import type { AuditIntegrityDeps } from './audit-integrity-deps';
import { produceDailyDigest } from './produce-daily-digest';
import type { DigestReport } from './produce-daily-digest';
import { previousUtcDayOf } from './utc-days';

/**
 * Signs yesterday's digest (UTC) unless it exists. Called by every sweeper run: one read of the
 * store when there is nothing to do, the day's Scan once a day. Never throws — a failure is logged
 * and the next run tries again; the day stays UNSIGNED until then (the verifier says so).
 */
export async function signDueDigest(
  deps: AuditIntegrityDeps,
  now: string,
  logger: Logger,
): Promise<DigestReport | undefined> {
  const day = previousUtcDayOf(now);
  try {
    if ((await deps.store.get(day)) !== undefined) return undefined;
    const report = await produceDailyDigest(deps, day, now);
    logger.info('audit digest signed', {
      day,
      leaves: report.leaves,
      root: report.root,
      unsound: report.unsound.length,
    });
    for (const finding of report.unsound)
      logger.error('audit chain broken before signing', { ...finding });
    return report;
  } catch (error) {
    logger.error('audit digest failed', { day, ...errorFields(error) });
    return undefined;
  }
}
