import { Command, InvalidArgumentError } from 'commander';
import { MAX_DURATION_MINUTES, MIN_EXTENSION_MINUTES, type RequestView } from '@elevate/contracts';
import { clearCachedCredentials } from '../credentials/credential-cache';
import type { CommandContext } from './command-context';
import { parseText } from './parse-input';
import { call } from './call-api';

// The API's bounds per extension; the policy may allow less.
const MIN_MINUTES = MIN_EXTENSION_MINUTES;
const MAX_MINUTES = MAX_DURATION_MINUTES;

function parseExtensionMinutes(value: string): number {
  const minutes = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(minutes) || minutes < MIN_MINUTES || minutes > MAX_MINUTES)
    throw new InvalidArgumentError(
      `a whole number of minutes from ${MIN_MINUTES} to ${MAX_MINUTES}`,
    );
  return minutes;
}

/** What happened to the extension just asked for: the newest one on the request. */
function outcome(r: RequestView, minutes: number): string {
  const latest = r.extensions?.at(-1);
  const until = r.window ? ` — the window now ends at ${r.window.endsAt}` : '';
  if (latest?.state === 'GRANTED')
    return `Extended ${r.id} by ${minutes} minutes${latest.grantedByPolicy ? ' (granted by policy)' : ''}${until}.`;
  if (latest?.state === 'REFUSED') return `The extension of ${r.id} was refused.`;
  const approvals = latest
    ? ` (${latest.decisions.length}/${latest.approvalsRequired} approvals)`
    : '';
  return `Asked for ${minutes} more minutes on ${r.id}; waiting for a reviewer${approvals}. Credentials keep working until the current end.`;
}

/** `elevate extend <id> --minutes N --reason …`: more time on my open window. */
export function extendCommand(ctx: CommandContext): Command {
  return new Command('extend')
    .description('Ask for more time on your open window (granted at once where policy allows)')
    .argument('<id>', 'request id')
    .requiredOption(
      '--minutes <n>',
      `how many more minutes (${MIN_MINUTES} or more)`,
      parseExtensionMinutes,
    )
    .requiredOption('--reason <text>', 'why you need more time (reviewers read it)', parseText)
    .option('--json', 'print the request as JSON')
    .addHelpText(
      'after',
      '\nExit codes: 0 asked or granted, 4 refused by Elevate (not open, over the limit), 3 not signed in.',
    )
    .action(async (id: string, o: { minutes: number; reason: string; json?: boolean }) => {
      const { client } = await ctx.api();
      const r = await call(() =>
        client.call('extendRequest', { id, body: { minutes: o.minutes, reason: o.reason } }),
      );
      // Cached credentials were cut at the old end; the next credential-process call renews
      // them up to the new one.
      if (r.extensions?.at(-1)?.state === 'GRANTED')
        await clearCachedCredentials(ctx.env.cacheDir, id);
      if (o.json) ctx.ui.json(r);
      else ctx.ui.err(outcome(r, o.minutes));
    });
}
