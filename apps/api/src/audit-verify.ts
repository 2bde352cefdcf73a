// `pnpm audit:verify --from YYYY-MM-DD --to YYYY-MM-DD [--json]`: checks every day in the range
// against its signed digest, reading every request (a Scan: an operator's command), and names each
// entry that was altered, removed or inserted. Exit code 0 only when every day is signed and intact.
import { parseArgs } from 'node:util';
import { openAuditIntegrityForCommand } from './audit-integrity/audit-integrity-config';
import { verifyAuditRange } from './audit-integrity/verify-audit-range';

const { values } = parseArgs({
  options: { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } },
});
const DAY = /^\d{4}-\d{2}-\d{2}$/;
if (
  values.from === undefined ||
  !DAY.test(values.from) ||
  (values.to !== undefined && !DAY.test(values.to))
)
  throw new Error('Usage: pnpm audit:verify --from YYYY-MM-DD [--to YYYY-MM-DD] [--json]');
const from = values.from;
const to = values.to ?? from;

const { audit, close } = openAuditIntegrityForCommand();
const report = await verifyAuditRange(audit, from, to, { scan: true });
close();
if (values.json === true) {
  console.log(JSON.stringify(report, null, 2));
} else {
  for (const day of report.days) {
    console.log(
      `${day.day}  ${day.status.padEnd(17)} ${day.signedEntries} signed entries, ${day.requestsChecked} requests checked`,
    );
    for (const f of day.findings)
      console.log(
        `  ${f.change.padEnd(8)} request ${f.requestId} ${f.kind} ${f.key} (${f.label} at ${f.at}): ${f.detail}`,
      );
  }
  console.log(
    report.proven
      ? 'Every day is signed and intact.'
      : report.intact
        ? 'No change found, but not every day is signed.'
        : 'CHANGES FOUND.',
  );
}
process.exitCode = report.proven ? 0 : 1;
