import { describe, expect, it } from 'vitest';
import { EXIT } from '../exit-codes';
import { runCli } from '../run-cli';
import { fakeContext, requestView } from '../testing/fake-context';

// Every list the CLI prints is complete or says it is not: a page the server says has more ends
// with the command that shows the next, and --cursor asks for it.
const lists = [
  {
    argv: ['ls', '--status', 'pending'],
    operation: 'listMyRequests',
    next: 'elevate ls --limit 25 --status PENDING',
  },
  { argv: ['pending'], operation: 'listPendingReviews', next: 'elevate pending' },
  { argv: ['invitations'], operation: 'listMyInvitations', next: 'elevate invitations' },
] as const;

describe('lists longer than a page', () => {
  it.each(lists)('$operation says there are more and how to see them', async (list) => {
    const page = { items: [requestView({ id: 'req-1' })], nextCursor: 'c2' };
    const { ctx, ui } = fakeContext({ [list.operation]: () => page });
    expect(await runCli([...list.argv], ctx)).toBe(EXIT.ok);
    expect(ui.stderr).toContain(`1 shown; there are more: ${list.next} --cursor c2`);
    // The rows stay alone on stdout, for scripts.
    expect(ui.stdout.join('\n')).not.toContain('there are more');
  });

  it.each(lists)('$operation asks for the page --cursor names', async (list) => {
    const { ctx, ui, calls } = fakeContext({
      [list.operation]: () => ({ items: [requestView({ id: 'req-2' })] }),
    });
    expect(await runCli([...list.argv, '--cursor', 'c2'], ctx)).toBe(EXIT.ok);
    expect(calls[0]?.input).toMatchObject({ query: { cursor: 'c2' } });
    // The last page says nothing more.
    expect(ui.stderr.join('\n')).not.toContain('there are more');
  });
});
