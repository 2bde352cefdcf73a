import { Command } from 'commander';
import type { RequestView } from '@elevate/contracts';
import type { CommandContext } from './command-context';
import { parseText } from './parse-input';
import { call } from './call-api';

/** The API operations that move one request and take an optional comment. */
type CommentedAction =
  | 'acceptInvitation'
  | 'declineInvitation'
  | 'cancelRequest'
  | 'endRequest'
  | 'approveRequest'
  | 'rejectRequest';

interface RequestActionSpec {
  readonly name: string;
  readonly description: string;
  readonly operation: CommentedAction;
  /** What `--comment` is for; `required` makes it a required option (a rejection says why). */
  readonly comment: { readonly help: string; readonly required?: boolean };
  /** Work after the API answered, before anything is printed (e.g. forgetting cached credentials). */
  readonly after?: (r: RequestView) => Promise<unknown>;
  /** The line said on stderr when `--json` is not given. */
  readonly said: (r: RequestView) => string;
}

/**
 * `elevate <name> <id> [--comment <text>] [--json]`: one call that moves one request, then the
 * request as JSON or one line in words. Cancel, end, approve, reject, accept and decline differ
 * only in the operation, the comment's meaning and what they say.
 */
export function requestActionCommand(ctx: CommandContext, spec: RequestActionSpec): Command {
  const command = new Command(spec.name)
    .description(spec.description)
    .argument('<id>', 'request id');
  if (spec.comment.required === true)
    command.requiredOption('--comment <text>', spec.comment.help, parseText);
  else command.option('--comment <text>', spec.comment.help, parseText);
  return command
    .option('--json', 'print the request as JSON')
    .action(async (id: string, o: { comment?: string; json?: boolean }) => {
      const { client } = await ctx.api();
      const { comment } = o;
      const r = await call(() =>
        spec.operation === 'rejectRequest'
          ? client.call(spec.operation, { id, body: { comment: comment ?? '' } })
          : client.call(spec.operation, { id, body: comment === undefined ? {} : { comment } }),
      );
      await spec.after?.(r);
      if (o.json === true) ctx.ui.json(r);
      else ctx.ui.err(spec.said(r));
    });
}
