import type { CommandContext } from './command-context';

/** `--cursor`: the page after one that said there are more (the server's opaque token). */
export const CURSOR_OPTION = [
  '--cursor <cursor>',
  'the next page, as a previous page named it',
] as const;

/**
 * A list is complete or says it is not: after a page the server says is not the last, one line on
 * stderr with the command that shows the next (stdout keeps only the rows, for scripts).
 */
export function sayIfMore(
  ctx: CommandContext,
  page: { readonly items: readonly unknown[]; readonly nextCursor?: string | undefined },
  nextCommand: string,
): void {
  if (page.nextCursor === undefined) return;
  ctx.ui.err(
    `${page.items.length} shown; there are more: ${nextCommand} --cursor ${page.nextCursor}`,
  );
}
