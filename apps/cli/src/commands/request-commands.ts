import { Command } from 'commander';
import type { ElevateClient } from '@elevate/client';
import {
  formatMinutes,
  formatRemaining,
  REQUEST_STATUS_IN_WORDS,
  requestStatusWords,
  type RequestSummary,
  type RequestView,
} from '@elevate/contracts';
import { clearCachedCredentials } from '../credentials/credential-cache';
import { CliError, EXIT } from '../exit-codes';
import { accountLabel, statusText, table, windowText } from '../output/format';
import { call } from './call-api';
import { resolveEntry, type CommandContext } from './command-context';
import { CURSOR_OPTION, sayIfMore } from './list-pages';
import { requestActionCommand } from './request-action-command';
import { parseDurationMinutes, parseStartTime, parseText } from './parse-input';

function requestLine(r: RequestSummary, now: number, ctx: CommandContext): string[] {
  return [r.id, accountLabel(r), r.roleName, statusText(r, ctx.ui.colors), windowText(r, now)];
}

function printRequest(r: RequestView | RequestSummary, ctx: CommandContext): void {
  const now = ctx.now();
  const c = ctx.ui.colors;
  ctx.ui.out(`${c.bold(r.id)}  ${statusText(r, c)}${r.breakGlass ? c.red('  BREAK-GLASS') : ''}`);
  ctx.ui.out(`account:  ${accountLabel(r)}`);
  ctx.ui.out(`role:     ${r.roleName}`);
  ctx.ui.out(`by:       ${r.requester.name} <${r.requester.email}>`);
  ctx.ui.out(`reason:   ${r.justification}`);
  if (r.ticket) ctx.ui.out(`ticket:   ${r.ticket}`);
  ctx.ui.out(`duration: ${formatMinutes(r.requestedDurationMinutes)}`);
  if (r.window)
    ctx.ui.out(`window:   ${r.window.startsAt} → ${r.window.endsAt} (${windowText(r, now)})`);
  else if (r.status === 'PENDING')
    ctx.ui.out(`approvals: ${r.approvalsCount}/${r.approvalsRequired}`);
  for (const d of r.decisions) {
    ctx.ui.out(
      `${d.decision === 'APPROVE' ? 'approved' : 'rejected'} by ${d.approver.email} at ${d.at}${d.comment ? `: ${d.comment}` : ''}`,
    );
  }
  if ('history' in r) {
    ctx.ui.out('history:');
    for (const e of r.history)
      ctx.ui.out(`  ${e.at}  ${e.type}  ${e.actor.email}${e.comment ? `  "${e.comment}"` : ''}`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until the request is decided; a live status line on a terminal. Exit 0 only when approved. */
async function waitForDecision(
  client: ElevateClient,
  id: string,
  ctx: CommandContext,
): Promise<void> {
  const started = ctx.now();
  for (;;) {
    const r = await call(() => client.call('getRequest', { id }));
    if (r.status !== 'PENDING') {
      ctx.ui.endStatus();
      const last = r.decisions.at(-1);
      const by = last ? ` by ${last.approver.email}${last.comment ? `: ${last.comment}` : ''}` : '';
      if (r.status === 'APPROVED') {
        ctx.ui.err(`${ctx.ui.colors.green('Approved')}${by}. ${windowText(r, ctx.now())}.`);
        return;
      }
      throw new CliError(
        `Request ${id} is ${REQUEST_STATUS_IN_WORDS[r.status]}${by}.`,
        EXIT.notApproved,
      );
    }
    const waited = formatRemaining(ctx.now() - started);
    ctx.ui.status(
      `Waiting for approval of ${id}: ${r.approvalsCount}/${r.approvalsRequired} approvals (${waited})…`,
    );
    await sleep(ctx.env.pollSeconds * 1000);
  }
}

export function requestCommands(ctx: CommandContext): Command[] {
  const request = new Command('request')
    .description('Ask for access to an account × role')
    .requiredOption('--account <name|id>', 'account name (from the policy) or 12-digit id')
    .requiredOption('--role <role>', 'IAM role name')
    .requiredOption('--reason <text>', 'why you need it (reviewers read this)', parseText)
    .option(
      '--duration <duration>',
      'how long, e.g. 2h, 90m (default: the rule’s default)',
      parseDurationMinutes,
    )
    .option('--ticket <ref>', 'ticket reference, e.g. OPS-1')
    .option('--start <time>', 'start later: ISO time with zone, or +30m', (v: string) =>
      parseStartTime(v, ctx.now()),
    )
    .option('--break-glass', 'immediate access where the policy allows it; reviewed afterwards')
    .option('--wait', 'wait until it is approved (exit 0), rejected or expired (exit 6)')
    .option('--json', 'print the request as JSON')
    .action(
      async (o: {
        account: string;
        role: string;
        reason: string;
        duration?: number;
        ticket?: string;
        start?: string;
        breakGlass?: boolean;
        wait?: boolean;
        json?: boolean;
      }) => {
        const { client } = await ctx.api();
        const { accountId } = await call(() => resolveEntry(client, o.account, o.role));
        const created = await call(() =>
          client.call('createRequest', {
            body: {
              accountId,
              roleName: o.role,
              justification: o.reason,
              ...(o.ticket === undefined ? {} : { ticket: o.ticket }),
              ...(o.duration === undefined ? {} : { durationMinutes: o.duration }),
              ...(o.start === undefined ? {} : { scheduledStart: o.start }),
              ...(o.breakGlass ? { breakGlass: true } : {}),
            },
          }),
        );
        if (o.json && !o.wait) ctx.ui.json(created);
        else if (!o.json) ctx.ui.out(created.id);
        ctx.ui.err(
          `Requested ${accountLabel(created)} / ${created.roleName}: ${requestStatusWords(created.status, created.phase)}.`,
        );
        if (o.wait && created.status === 'PENDING') await waitForDecision(client, created.id, ctx);
        if (o.json && o.wait)
          ctx.ui.json(await call(() => client.call('getRequest', { id: created.id })));
      },
    );

  const ls = new Command('ls')
    .description('Your requests, newest first, with time left on open windows')
    .option('--status <status>', 'only this status, e.g. APPROVED or PENDING')
    .option('--limit <n>', 'at most this many (1-100)', (v: string) => Number(v), 25)
    .option(...CURSOR_OPTION)
    .option('--json', 'print JSON')
    .action(async (o: { status?: string; limit: number; cursor?: string; json?: boolean }) => {
      const { client } = await ctx.api();
      const status =
        o.status === undefined ? undefined : (o.status.toUpperCase() as RequestSummary['status']);
      const page = await call(() =>
        client.call('listMyRequests', {
          query: {
            limit: o.limit,
            ...(status === undefined ? {} : { status }),
            ...(o.cursor === undefined ? {} : { cursor: o.cursor }),
          },
        }),
      );
      if (o.json) {
        ctx.ui.json(page);
        return;
      }
      if (page.items.length === 0) {
        ctx.ui.err('No requests.');
        return;
      }
      const now = ctx.now();
      for (const line of table([
        ['ID', 'ACCOUNT', 'ROLE', 'STATUS', 'WINDOW'],
        ...page.items.map((r) => requestLine(r, now, ctx)),
      ]))
        ctx.ui.out(line);
      sayIfMore(
        ctx,
        page,
        `elevate ls --limit ${o.limit}${status === undefined ? '' : ` --status ${status}`}`,
      );
    });

  const show = new Command('show')
    .description('One request with its history')
    .argument('<id>', 'request id')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { json?: boolean }) => {
      const { client } = await ctx.api();
      const r = await call(() => client.call('getRequest', { id }));
      if (o.json) ctx.ui.json(r);
      else printRequest(r, ctx);
    });

  const cancel = requestActionCommand(ctx, {
    name: 'cancel',
    description: 'Cancel your pending request',
    operation: 'cancelRequest',
    comment: { help: 'why' },
    said: (r) => `Cancelled ${r.id}.`,
  });

  const end = requestActionCommand(ctx, {
    name: 'end',
    description: 'End your window early (credentials stop working)',
    operation: 'endRequest',
    comment: { help: 'why' },
    after: (r) => clearCachedCredentials(ctx.env.cacheDir, r.id),
    said: (r) => `Ended ${r.id}; cached credentials for it are forgotten.`,
  });

  return [request, ls, show, cancel, end];
}

export function reviewCommands(ctx: CommandContext): Command[] {
  const pending = new Command('pending')
    .description('Requests waiting for your decision, oldest first')
    .option(...CURSOR_OPTION)
    .option('--json', 'print JSON')
    .action(async (o: { cursor?: string; json?: boolean }) => {
      const { client } = await ctx.api();
      const page = await call(() =>
        client.call('listPendingReviews', {
          query: { limit: 100, ...(o.cursor === undefined ? {} : { cursor: o.cursor }) },
        }),
      );
      if (o.json) {
        ctx.ui.json(page);
        return;
      }
      if (page.items.length === 0) {
        ctx.ui.err('Nothing waiting for you.');
        return;
      }
      const rows = page.items.map((r) => [
        r.id,
        r.requester.email,
        accountLabel(r),
        r.roleName,
        `${r.requestedDurationMinutes}m`,
        r.justification,
      ]);
      for (const line of table([['ID', 'REQUESTER', 'ACCOUNT', 'ROLE', 'FOR', 'REASON'], ...rows]))
        ctx.ui.out(line);
      sayIfMore(ctx, page, 'elevate pending');
    });

  const approve = requestActionCommand(ctx, {
    name: 'approve',
    description: 'Approve a request routed to you',
    operation: 'approveRequest',
    comment: { help: 'a note for the requester and the audit' },
    said: (r) =>
      r.status === 'APPROVED'
        ? `Approved ${r.id}.`
        : `Recorded your approval of ${r.id} (${r.approvalsCount}/${r.approvalsRequired}).`,
  });

  const reject = requestActionCommand(ctx, {
    name: 'reject',
    description: 'Reject a request routed to you, saying why',
    operation: 'rejectRequest',
    comment: { help: 'why (the requester reads it)', required: true },
    said: (r) => `Rejected ${r.id}.`,
  });

  return [pending, approve, reject];
}
