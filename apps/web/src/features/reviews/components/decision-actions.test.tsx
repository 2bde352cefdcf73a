import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { aRequest } from '../../../testing/fixtures';
import { fakeApi, renderWithApp } from '../../../testing/render-with-app';
import { DecisionActions, decisionsAllowed } from './decision-actions';
import { ReviewQueues } from './review-queues';

describe('review actions', () => {
  afterEach(cleanup);

  it('offer exactly what the server allows', () => {
    expect(decisionsAllowed(aRequest({ allowedActions: ['approve', 'reject'] }))).toEqual([
      'approve',
      'reject',
    ]);
    expect(decisionsAllowed(aRequest({ allowedActions: ['cancel'] }))).toEqual([]);
    expect(decisionsAllowed(aRequest({ allowedActions: ['reviewBreakGlass', 'revoke'] }))).toEqual([
      'review',
      'revoke',
    ]);
    expect(
      decisionsAllowed(aRequest({ allowedActions: ['approve', 'reject', 'revoke'] }), [
        'approve',
        'reject',
      ]),
    ).toEqual(['approve', 'reject']);
  });

  it('show no approve or reject on a reviewer’s own request, where the server allows only cancel', () => {
    render(
      <DecisionActions
        request={aRequest({ allowedActions: ['cancel'] })}
        label="mine"
        onDecide={vi.fn()}
      />,
    );
    expect(screen.queryByRole('button', { name: /Approve/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Reject/ })).toBeNull();
  });

  it('name each button after the request it acts on', () => {
    const onDecide = vi.fn();
    render(
      <DecisionActions
        request={aRequest({ allowedActions: ['approve', 'reject'] })}
        label="Alice, ReadOnly in sandbox"
        onDecide={onDecide}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Reject: Alice, ReadOnly in sandbox' }));
    expect(onDecide).toHaveBeenCalledWith('reject');
  });
});

describe('pending queue', () => {
  afterEach(cleanup);

  const queues = (pending: unknown[]) =>
    fakeApi({
      'GET /reviews/pending?limit=20': () => ({ items: pending }),
      'GET /reviews/break-glass?limit=20': () => ({ items: [] }),
      'POST /requests/r-1/reject': () => ({ ...aRequest({ status: 'REJECTED' }), history: [] }),
    });

  it('shows quorum progress and hides decisions on the viewer’s own request', async () => {
    const others = aRequest({
      id: 'r-1',
      approvalsRequired: 2,
      approvalsCount: 1,
      allowedActions: ['approve', 'reject'],
    });
    const own = aRequest({
      id: 'r-2',
      requester: { sub: 'me', email: 'rita@example.com', name: 'Rita Reviewer' },
      allowedActions: ['cancel'],
    });
    renderWithApp(
      <ReviewQueues tab="pending" onTabChange={vi.fn()} onFlash={vi.fn()} viewerSub="me" />,
      { api: queues([others, own]) },
    );
    expect(await screen.findByText('1 of 2')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /^Approve:/ })).toHaveLength(1);
    expect(screen.getByRole('button', { name: /^Approve: Alice Requester/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Approve: Rita Reviewer/ })).toBeNull();
  });

  it('will not send a rejection without a comment', async () => {
    const api = queues([aRequest({ id: 'r-1', allowedActions: ['approve', 'reject'] })]);
    const onFlash = vi.fn();
    renderWithApp(
      <ReviewQueues tab="pending" onTabChange={vi.fn()} onFlash={onFlash} viewerSub="me" />,
      { api },
    );
    fireEvent.click(await screen.findByRole('button', { name: /^Reject:/ }));
    const dialog = await screen.findByRole('dialog');
    const confirm = [...dialog.querySelectorAll('button')].find(
      (button) => button.textContent === 'Reject',
    );
    if (!confirm) throw new Error('no Reject button in the dialog');
    fireEvent.click(confirm);
    expect(await screen.findByText('A comment is required.')).toBeTruthy();
    expect(api.call).not.toHaveBeenCalledWith('rejectRequest', expect.anything());

    const comment = dialog.querySelector('textarea');
    if (!comment) throw new Error('no comment box');
    fireEvent.change(comment, { target: { value: 'Use the read-only role for this' } });
    fireEvent.click(confirm);
    await vi.waitFor(() =>
      expect(onFlash).toHaveBeenCalledWith(expect.objectContaining({ type: 'success' })),
    );
    expect(api.call).toHaveBeenCalledWith('rejectRequest', {
      id: 'r-1',
      body: { comment: 'Use the read-only role for this' },
    });
  });
});
