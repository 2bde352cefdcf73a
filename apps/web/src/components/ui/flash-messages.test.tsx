import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useFlashMessages } from '../../hooks/use-flash-messages';
import { fakeApi, renderWithApp } from '../../testing/render-with-app';
import { AnnouncerProvider } from './announcer';
import { FlashMessages } from './flash-messages';

function Page() {
  const flash = useFlashMessages();
  return (
    <>
      <FlashMessages flash={flash} />
      <button
        type="button"
        onClick={() =>
          flash.show({ type: 'success', header: 'Approved: Alice', content: 'She is told now.' })
        }
      >
        Approve
      </button>
      <button type="button" onClick={() => flash.show({ type: 'error', header: 'Could not save' })}>
        Fail
      </button>
    </>
  );
}

const renderPage = () =>
  renderWithApp(
    <AnnouncerProvider>
      <Page />
    </AnnouncerProvider>,
    { api: fakeApi({}) },
  );

describe('flash messages', { timeout: 30_000 }, () => {
  afterEach(cleanup);
  // Cloudscape's Flashbar starts each message's entering animation on a 115 ms timer it does not
  // clear on unmount; let the last one fire while the test window still exists.
  afterAll(() => new Promise((resolve) => setTimeout(resolve, 250)));

  it('are announced in a polite live region that was there before the message', async () => {
    renderPage();
    const region = screen.getByTestId('announcer-polite');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(region.textContent).toBe('Approved: Alice. She is told now.'));
  });

  it('show the text once to the eye: in the list named Messages, the announcer drawn nowhere', async () => {
    renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    const list = await screen.findByRole('list', { name: 'Messages' });
    expect(within(list).getByText('Approved: Alice')).toBeTruthy();
    const region = screen.getByTestId('announcer-polite');
    await waitFor(() => expect(region.textContent).toContain('Approved: Alice'));
    // The live region's box is clipped to nothing: read aloud, never drawn.
    const box = region.parentElement?.style;
    expect(box?.position).toBe('absolute');
    expect(box?.clip).toBe('rect(0px, 0px, 0px, 0px)');
    expect(box?.overflow).toBe('hidden');
  });

  it('announces errors assertively', async () => {
    renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Fail' }));
    const region = screen.getByTestId('announcer-assertive');
    await waitFor(() => expect(region.textContent).toBe('Could not save'));
    expect(screen.getByTestId('announcer-polite').textContent).toBe('');
  });

  it('take the focus, so the keyboard continues from the result of the action', async () => {
    renderPage();
    const button = screen.getByRole('button', { name: 'Approve' });
    button.focus();
    fireEvent.click(button);
    await waitFor(() => expect(document.activeElement?.id).toBe('flash-messages'));
    expect(document.activeElement?.textContent).toContain('Approved: Alice');
  });
});
