import { describe, expect, it } from 'vitest';
import { ApiProblem } from '@elevate/client';
import { EXIT } from '../exit-codes';
import { runCli } from '../run-cli';
import { fakeContext, requestView } from '../testing/fake-context';

const invited = requestView({
  id: 'inv-1',
  status: 'PENDING',
  invitation: {
    inviter: { sub: 'rita', email: 'rita@example.com', name: 'Rita Reviewer' },
    inviteeEmail: 'alice@example.com',
    state: 'AWAITING',
    invitedAt: '2030-01-01T08:00:00.000Z',
  },
});

describe('elevate invitations, accept, decline', () => {
  it.each(['invitations', 'accept', 'decline'])('%s --help prints its usage', async (command) => {
    const { ctx, written, write } = fakeContext();
    expect(await runCli([command, '--help'], ctx, write)).toBe(EXIT.ok);
    expect(written.join('')).toContain(`Usage: elevate ${command}`);
  });

  it('lists the invitations that wait for me, with who invited me', async () => {
    const { ctx, ui, calls } = fakeContext({ listMyInvitations: () => ({ items: [invited] }) });
    expect(await runCli(['invitations'], ctx)).toBe(EXIT.ok);
    expect(calls[0]).toEqual({ operation: 'listMyInvitations', input: { query: { limit: 100 } } });
    expect(ui.stdout[1]).toMatch(/^inv-1\s.*rita@example\.com$/);
  });

  it('accepts and declines through their operations, with an optional comment', async () => {
    const accepted = fakeContext({
      acceptInvitation: () =>
        requestView({
          id: 'inv-1',
          status: 'APPROVED',
          phase: 'active',
          window: { startsAt: '2030-01-01T08:00:00.000Z', endsAt: '2030-01-01T11:00:00.000Z' },
        }),
    });
    expect(await runCli(['accept', 'inv-1'], accepted.ctx)).toBe(EXIT.ok);
    expect(accepted.calls[0]).toEqual({
      operation: 'acceptInvitation',
      input: { id: 'inv-1', body: {} },
    });
    expect(accepted.ui.stderr.join('\n')).toContain('Accepted inv-1');
    const declined = fakeContext({
      declineInvitation: () => requestView({ id: 'inv-1', status: 'CANCELLED' }),
    });
    expect(await runCli(['decline', 'inv-1', '--comment', 'on leave'], declined.ctx)).toBe(EXIT.ok);
    expect(declined.calls[0]).toEqual({
      operation: 'declineInvitation',
      input: { id: 'inv-1', body: { comment: 'on leave' } },
    });
  });

  it('exits with "refused" when Elevate refuses, e.g. an ineligible invitee', async () => {
    const { ctx, ui } = fakeContext({
      acceptInvitation: () => {
        throw new ApiProblem({
          status: 403,
          code: 'NOT_ELIGIBLE',
          title: 'Not allowed',
          detail: 'PowerUser in sandbox is for members of engineers.',
        });
      },
    });
    expect(await runCli(['accept', 'inv-1'], ctx)).toBe(EXIT.refused);
    expect(ui.stderr.join('\n')).toContain('members of engineers');
  });
});
