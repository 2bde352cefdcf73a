import { Command } from 'commander';
import { accountLabel, statusText, table, windowText } from '../output/format';
import type { CommandContext } from './command-context';
import { parseText } from './parse-input';
import { call } from './request-commands';

/**
 * The invited engineer's side of an invitation: list what waits for them, accept (their own
 * eligibility is checked then; the window opens once it is approved) or decline.
 */
export function invitationCommands(ctx: CommandContext): Command[] {
  const invitations = new Command('invitations')
    .description('Invitations made out to you that wait for your answer')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const { client } = await ctx.api();
      const page = await call(() => client.call('listMyInvitations', { query: { limit: 100 } }));
      if (o.json) {
        ctx.ui.json(page);
        return;
      }
      if (page.items.length === 0) {
        ctx.ui.err('No invitations.');
        return;
      }
      for (const line of table([
        ['ID', 'ACCOUNT', 'ROLE', 'MINUTES', 'INVITED BY'],
        ...page.items.map((r) => [
          r.id,
          accountLabel(r),
          r.roleName,
          String(r.requestedDurationMinutes),
          r.invitation?.inviter.email ?? '',
        ]),
      ]))
        ctx.ui.out(line);
    });

  const accept = new Command('accept')
    .description('Accept an invitation made out to you; access starts once it is approved')
    .argument('<id>', 'request id')
    .option('--comment <text>', 'a note for the history', parseText)
    .option('--json', 'print the request as JSON')
    .action(async (id: string, o: { comment?: string; json?: boolean }) => {
      const { client } = await ctx.api();
      const r = await call(() =>
        client.call('acceptInvitation', {
          id,
          body: o.comment === undefined ? {} : { comment: o.comment },
        }),
      );
      if (o.json) {
        ctx.ui.json(r);
        return;
      }
      const c = ctx.ui.colors;
      ctx.ui.err(
        r.status === 'APPROVED'
          ? `Accepted ${r.id}: ${statusText(r, c)}, ${windowText(r, ctx.now())}. Use elevate exec/console/env as usual.`
          : `Accepted ${r.id}: waiting for ${r.approvalsRequired - r.approvalsCount} more approval(s).`,
      );
    });

  const decline = new Command('decline')
    .description('Decline an invitation made out to you; it never opens')
    .argument('<id>', 'request id')
    .option('--comment <text>', 'why', parseText)
    .option('--json', 'print the request as JSON')
    .action(async (id: string, o: { comment?: string; json?: boolean }) => {
      const { client } = await ctx.api();
      const r = await call(() =>
        client.call('declineInvitation', {
          id,
          body: o.comment === undefined ? {} : { comment: o.comment },
        }),
      );
      if (o.json) ctx.ui.json(r);
      else ctx.ui.err(`Declined ${r.id}.`);
    });

  return [invitations, accept, decline];
}
