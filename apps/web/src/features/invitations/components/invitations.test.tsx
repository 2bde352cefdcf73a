import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import createWrapper from '@cloudscape-design/components/test-utils/dom';
import type { RequestSummary } from '@elevate/contracts';
import { ApiProblem } from '../../../lib/api-problem';
import { aRequest, anEntry, aRequestView, alice, rita } from '../../../testing/fixtures';
import { fakeApi, renderWithApp } from '../../../testing/render-with-app';
import { InvitationAnswer } from './invitation-answer';
import { InviteEngineerModal, inviteFieldErrors } from './invite-engineer-modal';
import { MyInvitations } from './my-invitations';

const invited = (overrides: Partial<RequestSummary> = {}): RequestSummary =>
  aRequest({
    id: 'inv-1',
    requester: { sub: 'elevate:invitee:alice@example.com', email: alice.email, name: alice.email },
    roleName: 'PowerUser',
    justification: 'Join the incident bridge',
    invitation: {
      inviter: rita,
      inviteeEmail: alice.email,
      state: 'AWAITING',
      invitedAt: '2026-05-12T11:00:00Z',
    },
    allowedActions: ['acceptInvitation', 'declineInvitation'],
    ...overrides,
  });

describe('invitations for the engineer', { timeout: 30_000 }, () => {
  afterEach(cleanup);

  it('lists nothing at all when nobody invited me', async () => {
    const api = fakeApi({ 'GET /invitations/mine?limit=100': () => ({ items: [] }) });
    const { container } = renderWithApp(<MyInvitations onFlash={vi.fn()} />, { api });
    await waitFor(() => expect(api.call).toHaveBeenCalled());
    expect(container.textContent).toBe('');
  });

  it('shows who invited me to what, and accepts', async () => {
    const accept = vi.fn(() =>
      aRequestView({ id: 'inv-1', requester: alice, status: 'APPROVED', approvalsCount: 1 }),
    );
    const onFlash = vi.fn();
    renderWithApp(<MyInvitations onFlash={onFlash} />, {
      api: fakeApi({
        'GET /invitations/mine?limit=100': () => ({ items: [invited()] }),
        'POST /requests/inv-1/accept': accept,
      }),
    });
    expect(
      await screen.findByText('Rita Reviewer invites you to PowerUser in sandbox'),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Invitations for you/ }).textContent).toContain(
      '(1)',
    );
    fireEvent.click(
      screen.getByRole('button', { name: 'Accept the invitation to PowerUser in sandbox' }),
    );
    await waitFor(() => expect(onFlash).toHaveBeenCalled());
    expect(accept).toHaveBeenCalledWith({}, '/requests/inv-1/accept');
    expect(onFlash.mock.calls[0]?.[0]).toMatchObject({
      type: 'success',
      header: 'Accepted: PowerUser in sandbox',
    });
  });

  it('opens an invitation’s details inside the app', async () => {
    const { router } = renderWithApp(<MyInvitations onFlash={vi.fn()} />, {
      api: fakeApi({ 'GET /invitations/mine?limit=100': () => ({ items: [invited()] }) }),
      routes: [{ path: '/requests/:id', element: <h1>Request page</h1> }],
    });
    const link = await screen.findByRole('link', {
      name: 'Details of the invitation to PowerUser in sandbox',
    });
    expect(fireEvent.click(link)).toBe(false);
    expect(await screen.findByRole('heading', { name: 'Request page' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/requests/inv-1');
  });

  it('shows the refusal when I am not eligible myself', async () => {
    renderWithApp(<InvitationAnswer request={invited()} onFlash={vi.fn()} />, {
      api: fakeApi({
        'POST /requests/inv-1/accept': () => {
          throw new ApiProblem({
            status: 403,
            code: 'NOT_ELIGIBLE',
            title: 'Not allowed',
            detail: 'PowerUser in sandbox is for members of engineers.',
          });
        },
      }),
    });
    fireEvent.click(screen.getByRole('button', { name: /Accept the invitation/ }));
    expect(
      await screen.findByText('PowerUser in sandbox is for members of engineers.'),
    ).toBeTruthy();
  });

  it('declines with an optional reason', async () => {
    const decline = vi.fn(() => aRequestView({ id: 'inv-1', status: 'CANCELLED' }));
    const onFlash = vi.fn();
    renderWithApp(<InvitationAnswer request={invited()} onFlash={onFlash} />, {
      api: fakeApi({ 'POST /requests/inv-1/decline': decline }),
    });
    fireEvent.click(screen.getByRole('button', { name: /Decline the invitation/ }));
    const dialog = within(await screen.findByRole('dialog'));
    createWrapper(document.body)
      .findModal()
      ?.findContent()
      .findTextarea()
      ?.setTextareaValue('On leave');
    fireEvent.click(dialog.getByRole('button', { name: 'Decline' }));
    await waitFor(() => expect(onFlash).toHaveBeenCalled());
    expect(decline).toHaveBeenCalledWith({ comment: 'On leave' }, '/requests/inv-1/decline');
  });

  it('shows others only that the invitation waits, without buttons', () => {
    renderWithApp(
      <InvitationAnswer request={invited({ allowedActions: [] })} onFlash={vi.fn()} />,
      {
        api: fakeApi({}),
      },
    );
    expect(screen.getByText('Invitation from Rita Reviewer')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Accept/ })).toBeNull();
  });
});

describe('inviting an engineer', { timeout: 30_000 }, () => {
  afterEach(cleanup);

  it('refuses an incomplete form before asking the server', () => {
    expect(
      inviteFieldErrors({
        inviteeEmail: 'alice',
        accountId: '123',
        roleName: ' ',
        durationMinutes: '10',
        justification: '',
        ticket: '',
      }),
    ).toEqual({
      inviteeEmail: "Enter the engineer's e-mail address.",
      accountId: 'Choose an account (12 digits).',
      roleName: 'Choose a role.',
      durationMinutes: 'At least 15 minutes.',
      justification: 'Say why the engineer needs it.',
    });
  });

  it('sends the invitation and opens the new request', async () => {
    const invite = vi.fn(() => aRequestView({ id: 'inv-9' }));
    renderWithApp(<InviteEngineerModal onClose={vi.fn()} />, {
      api: fakeApi({
        'GET /policy': () => ({
          eligibility: [anEntry({ roleName: 'PowerUser' })],
          roles: { reviewer: true, auditor: false, admin: false },
        }),
        'POST /invitations': invite,
      }),
      routes: [{ path: '/requests/:id', element: <p>request page</p> }],
    });
    const form = createWrapper(document.body).findModal()?.findContent();
    const fields = form?.findAll('input') ?? [];
    const [email, account, role, minutes, ticket] = fields.map((field) => field.getElement());
    const type = (element: HTMLElement | undefined, value: string) => {
      if (element === undefined) throw new Error('missing field');
      fireEvent.change(element, { target: { value } });
    };
    type(email, 'alice@example.com');
    type(account, '111111111111');
    type(role, 'PowerUser');
    type(minutes, '90');
    type(ticket, 'INC-7');
    form?.findTextarea()?.setTextareaValue('Join the incident bridge');
    fireEvent.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect(await screen.findByText('request page')).toBeTruthy();
    expect(invite).toHaveBeenCalledWith(
      {
        inviteeEmail: 'alice@example.com',
        accountId: '111111111111',
        roleName: 'PowerUser',
        durationMinutes: 90,
        justification: 'Join the incident bridge',
        ticket: 'INC-7',
      },
      '/invitations',
    );
  });
});
