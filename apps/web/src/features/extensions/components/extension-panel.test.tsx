import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import createWrapper from '@cloudscape-design/components/test-utils/dom';
import type { ExtensionView, RequestSummary } from '@elevate/contracts';
import { ApiProblem } from '../../../lib/api-problem';
import { aRequest, aRequestView } from '../../../testing/fixtures';
import { fakeApi, renderWithApp } from '../../../testing/render-with-app';
import { ExtensionPanel } from './extension-panel';

const openWindow = (overrides: Partial<RequestSummary> = {}): RequestSummary =>
  aRequest({
    id: 'r-1',
    status: 'APPROVED',
    phase: 'active',
    window: { startsAt: '2026-05-12T11:00:00Z', endsAt: '2026-05-12T12:00:00Z' },
    ...overrides,
  });

const pendingExtension: ExtensionView = {
  minutes: 45,
  reason: 'The migration runs long',
  requestedAt: '2026-05-12T11:30:00Z',
  state: 'PENDING',
  grantedByPolicy: false,
  approverGroups: ['reviewers'],
  approvalsRequired: 1,
  decisions: [],
};

const modal = () => createWrapper(document.body).findModal();

const render = (request: RequestSummary, api = fakeApi({}), onFlash = vi.fn()) => ({
  onFlash,
  ...renderWithApp(<ExtensionPanel request={request} onFlash={onFlash} />, { api }),
});

describe('extension panel', { timeout: 30_000 }, () => {
  afterEach(cleanup);

  it('shows nothing to a viewer who can neither extend nor decide', () => {
    const { container } = render(openWindow({ allowedActions: [] }));
    expect(container.textContent).toBe('');
  });

  it('lets the requester ask for more time and says when policy granted it at once', async () => {
    const extend = vi.fn(() =>
      aRequestView({
        id: 'r-1',
        status: 'APPROVED',
        extensions: [{ ...pendingExtension, state: 'GRANTED', grantedByPolicy: true }],
      }),
    );
    const { onFlash } = render(
      openWindow({ allowedActions: ['extend', 'endEarly'] }),
      fakeApi({ 'POST /requests/r-1/extend': extend }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Extend' }));
    const dialog = within(await screen.findByRole('dialog'));
    modal()?.findContent().findInput()?.setInputValue('45');
    modal()?.findContent().findTextarea()?.setTextareaValue(' The migration runs long ');
    fireEvent.click(dialog.getByRole('button', { name: 'Ask' }));
    await waitFor(() => expect(onFlash).toHaveBeenCalled());
    expect(extend).toHaveBeenCalledWith(
      { minutes: 45, reason: 'The migration runs long' },
      '/requests/r-1/extend',
    );
    expect(onFlash.mock.calls[0]?.[0]).toMatchObject({
      header: 'Extended by 45 minutes (granted by policy)',
    });
  });

  it('says it waits for a reviewer when the extension needs approval', async () => {
    const { onFlash } = render(
      openWindow({ allowedActions: ['extend'] }),
      fakeApi({
        'POST /requests/r-1/extend': () =>
          aRequestView({ id: 'r-1', status: 'APPROVED', extensions: [pendingExtension] }),
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Extend' }));
    const dialog = within(await screen.findByRole('dialog'));
    modal()?.findContent().findTextarea()?.setTextareaValue('Longer');
    fireEvent.click(dialog.getByRole('button', { name: 'Ask' }));
    await waitFor(() =>
      expect(onFlash.mock.calls[0]?.[0]).toMatchObject({
        header: 'More time asked for; waiting for a reviewer',
      }),
    );
  });

  it('shows the refusal in the dialog when more time would pass the rule’s maximum', async () => {
    const { onFlash } = render(
      openWindow({ allowedActions: ['extend'] }),
      fakeApi({
        'POST /requests/r-1/extend': () => {
          throw new ApiProblem({
            status: 422,
            code: 'EXTENSION_LIMIT',
            title: 'Refused by policy',
            detail: 'At most 30 more minutes: the rule allows 480 in total.',
          });
        },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Extend' }));
    const dialog = within(await screen.findByRole('dialog'));
    modal()?.findContent().findInput()?.setInputValue('600');
    modal()?.findContent().findTextarea()?.setTextareaValue('All night');
    fireEvent.click(dialog.getByRole('button', { name: 'Ask' }));
    expect(
      await dialog.findByText('At most 30 more minutes: the rule allows 480 in total.'),
    ).toBeTruthy();
    expect(onFlash).not.toHaveBeenCalled();
  });

  it('shows the requester their pending extension without decision buttons', () => {
    render(openWindow({ allowedActions: ['endEarly'], extensions: [pendingExtension] }));
    expect(screen.getByText('Extension asked for: +45 minutes')).toBeTruthy();
    expect(screen.getByText(/0 of 1 approvals from reviewers/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approve extension' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Extend' })).toBeNull();
  });

  it('lets an approver approve or refuse the pending extension', async () => {
    const approve = vi.fn(() => aRequestView({ id: 'r-1', status: 'APPROVED' }));
    const reject = vi.fn(() => aRequestView({ id: 'r-1', status: 'APPROVED' }));
    const request = openWindow({
      allowedActions: ['approveExtension', 'rejectExtension'],
      extensions: [pendingExtension],
    });
    const api = fakeApi({
      'POST /requests/r-1/extension/approve': approve,
      'POST /requests/r-1/extension/reject': reject,
    });
    const { onFlash } = render(request, api);
    fireEvent.click(screen.getByRole('button', { name: 'Approve extension' }));
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Approve' }),
    );
    await waitFor(() => expect(onFlash).toHaveBeenCalledTimes(1));
    expect(approve).toHaveBeenCalledWith({}, '/requests/r-1/extension/approve');
    expect(onFlash.mock.calls[0]?.[0]).toMatchObject({ header: 'Extension approved' });

    fireEvent.click(screen.getByRole('button', { name: 'Refuse extension' }));
    await waitFor(() =>
      expect(modal()?.findHeader().getElement().textContent).toBe('Refuse the extension'),
    );
    modal()?.findContent().findTextarea()?.setTextareaValue('Finish tomorrow');
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Refuse' }));
    await waitFor(() => expect(onFlash).toHaveBeenCalledTimes(2));
    expect(reject).toHaveBeenCalledWith(
      { comment: 'Finish tomorrow' },
      '/requests/r-1/extension/reject',
    );
    expect(onFlash.mock.calls[1]?.[0]).toMatchObject({ header: 'Extension refused' });
  });
});
