// `pnpm bench:insights`: what one GET /insights costs on the daily aggregates. Fills an in-memory
// dynalite with facts for DAYS days × ACCOUNTS accounts × PER_DAY requests a day per account,
// then reads 30, 90 and 365 days (all accounts, and one account) and summarises them as the API
// does. Prints items read and milliseconds (median of 5 reads) per range; docs/performance.md.
import type { InsightFact } from '@elevate/domain';
import { summariseInsights } from '@elevate/domain';
import { DynamoDbInsightsReadModel, ensureTable, loadPolicyFile } from '@elevate/adapters';
import { startDynamoDb } from '@elevate/dev-stack';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { resolve } from 'node:path';

const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const ACCOUNTS = 4;
const PER_DAY = Number(process.env.BENCH_PER_DAY ?? 10);
const policy = loadPolicyFile(
  resolve(import.meta.dirname, '../../../../config/policy.example.yaml'),
);

const dynamo = await startDynamoDb({ host: '127.0.0.1', port: 0 });
const client = new DynamoDBClient({
  endpoint: dynamo.endpoint,
  region: 'local',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
await ensureTable(client, 'insights-bench');
const model = new DynamoDbInsightsReadModel({ client, tableName: 'insights-bench' });
const accounts = policy.accounts.slice(0, ACCOUNTS).map((account) => account.id);
const start = Date.parse('2025-01-01T00:00:00.000Z');
let n = 0;
for (let day = 0; day < DAYS; day += 1)
  for (const accountId of accounts)
    for (let i = 0; i < PER_DAY; i += 1) {
      n += 1;
      const createdAt = new Date(start + day * 86_400_000 + i * 60_000).toISOString();
      const fact: InsightFact = {
        requestId: `req-${n}`,
        createdAt,
        accountId,
        roleName: i % 2 === 0 ? 'ReadOnly' : 'PowerUser',
        ruleIds: ['engineers-non-production'],
        requesterEmail: `person${i % 7}@example.com`,
        status: 'ENDED',
        breakGlass: i === 0,
        selfApproved: false,
        approved: true,
        approvedSeconds: 3600,
        usedSeconds: 1800,
        sessions: 1,
        decisionSeconds: 60 * i,
        firstSessionSeconds: 30 * i,
        terms: ['deploy', 'rotate', `term${i}`],
        ticketPrefix: 'INC',
        revision: 300001,
      };
      await model.recordFact(fact);
    }
console.log(`${n} facts in ${DAYS} days × ${accounts.length} accounts`);
const end = (days: number) => new Date(start + (days - 1) * 86_400_000).toISOString().slice(0, 10);
for (const days of [30, 90, Math.min(365, DAYS)])
  for (const accountId of [undefined, accounts[0]]) {
    const times: number[] = [];
    let itemsRead = 0;
    for (let run = 0; run < 5; run += 1) {
      const began = performance.now();
      const read = await model.factsOfDays('2025-01-01', end(days), accountId);
      summariseInsights(policy, read.facts, {}, new Date().toISOString());
      times.push(performance.now() - began);
      itemsRead = read.itemsRead;
    }
    times.sort((a, b) => a - b);
    console.log(
      `${String(days).padStart(3)} days, ${accountId === undefined ? 'all accounts' : 'one account '}: ${itemsRead} items read, ${times[2]?.toFixed(0)} ms (median of 5)`,
    );
  }
client.destroy();
await dynamo.close();
