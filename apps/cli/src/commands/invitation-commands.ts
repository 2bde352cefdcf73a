import { Command } from 'commander';
import { accountLabel, statusText, table, windowText } from '../output/format';
import type { CommandContext } from './command-context';
import { call } from './call-api';
import { CURSOR_OPTION, sayIfMore } from './list-pages';
import { requestActionCommand } from './request-action-command';

/**
 * The invited engineer's side of an invitation: list what waits for them, accept (their own
 * eligibility is checked then; the window opens once it is approved) or decline.
 */
export function invitationCommands(ctx: CommandContext): Command[] {
  const invitations = new Command('invitations')
    .description('Invitations made out to you that wait for your answer')
    .option(...CURSOR_OPTION)
    .option('--json', 'print JSON')
    .action(async (o: { cursor?: string; json?: boolean }) => {
      const { client } = await ctx.api();
      const page = await call(() =>
        client.call('listMyInvitations', {
          query: { limit: 100, ...(o.cursor === undefined ? {} : { cursor: o.cursor }) },
        }),
      );
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
      sayIfMore(ctx, page, 'elevate invitations');
    });

  const accept = requestActionCommand(ctx, {
    name: 'accept',
    description: 'Accept an invitation made out to you; access starts once it is approved',
    operation: 'acceptInvitation',
    comment: { help: 'a note for the history' },
    said: (r) =>
      r.status === 'APPROVED'
        ? `Accepted ${r.id}: ${statusText(r, ctx.ui.colors)}, ${windowText(r, ctx.now())}. Use elevate exec/console/env as usual.`
        : `Accepted ${r.id}: waiting for ${r.approvalsRequired - r.approvalsCount} more approval(s).`,
  });

  const decline = requestActionCommand(ctx, {
    name: 'decline',
    description: 'Decline an invitation made out to you; it never opens',
    operation: 'declineInvitation',
    comment: { help: 'why' },
    said: (r) => `Declined ${r.id}.`,
  });

  return [invitations, accept, decline];
}
