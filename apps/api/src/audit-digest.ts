// `pnpm audit:digest [--day YYYY-MM-DD]`: signs a day's digest of the audit hash chains (default:
// yesterday, UTC) into the configured store — .data/audit/ locally, the Object Lock bucket in AWS.
// The sweeper does the same once a day; this is for a first run, a backfill or a missed day.
import { parseArgs } from 'node:util';
import { openAuditIntegrityForCommand } from './audit-integrity/audit-integrity-config';
import { produceDailyDigest } from './audit-integrity/produce-daily-digest';
import { previousUtcDayOf } from './audit-integrity/utc-days';

const { values } = parseArgs({ options: { day: { type: 'string' } } });
const day = values.day ?? previousUtcDayOf(new Date().toISOString());
if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error('--day takes YYYY-MM-DD');
const today = new Date().toISOString().slice(0, 10);
if (day >= today) throw new Error(`${day} is not over yet (UTC); sign only past days`);

const { audit, close } = openAuditIntegrityForCommand();
const report = await produceDailyDigest(audit, day, new Date().toISOString());
console.log(
  report.written
    ? `Signed ${day}: ${report.leaves} entries, Merkle root ${report.root}.`
    : `${day} already has a digest (${report.leaves} entries, root ${report.root}); it is never replaced.`,
);
for (const finding of report.unsound)
  console.log(
    `NOT SIGNED ${finding.requestId} ${finding.kind} ${finding.key} (${finding.label} at ${finding.at}): ${finding.detail}`,
  );
close();
if (report.unsound.length > 0) process.exitCode = 1;
