import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { useLocation } from 'react-router';
import type { RequestSummary } from '@elevate/contracts';
import { aRequest } from '../../../testing/fixtures';
import { fakeApi, renderWithApp } from '../../../testing/render-with-app';
import { useDecideFlag } from './use-decide-flag';

function Probe({
  request,
  open,
}: {
  request: RequestSummary | undefined;
  open: (target: { request: RequestSummary; decision: string }) => void;
}) {
  const { notDecidable } = useDecideFlag(request, open);
  const location = useLocation();
  return (
    <p>
      search={location.search || '(none)'} notDecidable={String(notDecidable)}
    </p>
  );
}

describe('the decide flag of notification links', () => {
  afterEach(cleanup);

  it('opens the approve dialog once for a reviewer who may decide, and drops the flag', async () => {
    const open = vi.fn();
    const request = aRequest({ allowedActions: ['approve', 'reject'] });
    renderWithApp(<Probe request={request} open={open} />, {
      api: fakeApi({}),
      path: '/requests/req-1?decide=1',
    });
    await waitFor(() => expect(open).toHaveBeenCalledTimes(1));
    expect(open).toHaveBeenCalledWith({ request, decision: 'approve' });
    await screen.findByText('search=(none) notDecidable=false');
  });

  it("opens the reject dialog for Slack's Reject button", async () => {
    const open = vi.fn();
    const request = aRequest({ allowedActions: ['approve', 'reject'] });
    renderWithApp(<Probe request={request} open={open} />, {
      api: fakeApi({}),
      path: '/requests/req-1?decide=reject',
    });
    await waitFor(() => expect(open).toHaveBeenCalledWith({ request, decision: 'reject' }));
  });

  it('opens nothing for a viewer the server does not let decide, and says so', async () => {
    const open = vi.fn();
    renderWithApp(<Probe request={aRequest({ allowedActions: ['cancel'] })} open={open} />, {
      api: fakeApi({}),
      path: '/requests/req-1?decide=1',
    });
    await screen.findByText('search=?decide=1 notDecidable=true');
    expect(open).not.toHaveBeenCalled();
  });

  it('waits for the request to load, and does nothing without the flag', async () => {
    const open = vi.fn();
    renderWithApp(<Probe request={undefined} open={open} />, {
      api: fakeApi({}),
      path: '/requests/req-1?decide=1',
    });
    await screen.findByText('search=?decide=1 notDecidable=false');
    cleanup();
    renderWithApp(<Probe request={aRequest({ allowedActions: ['approve'] })} open={open} />, {
      api: fakeApi({}),
      path: '/requests/req-1',
    });
    await screen.findByText('search=(none) notDecidable=false');
    expect(open).not.toHaveBeenCalled();
  });
});
