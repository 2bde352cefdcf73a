import { escapeHtml, renderPage } from './page-layout';

/**
 * RFC 8628 pages at `/device`. oidc-provider hands over its own forms (xsrf token and fields);
 * these pages only frame them and add the buttons, as its `deviceFlow.*Source` hooks expect.
 */
export function renderDeviceCodePage(formHtml: string, error: string | undefined): string {
  const message = error
    ? `<p class="note" role="alert">${escapeHtml(error)} Check the code in your terminal and try again.</p>`
    : '';
  return renderPage(
    'Elevate dev IdP — sign in a device',
    `<header><h1>Sign in a terminal</h1>
<p class="sub">Enter the code that <code>elevate login --device</code> shows.</p></header>
${message}
<div class="panel" aria-label="Device code">${formHtml}
<p><button type="submit" form="op.deviceInputForm">Continue</button></p></div>`,
  );
}

/** Asks the signed-in person to confirm that the code on screen is the one in their terminal. */
export function renderDeviceConfirmPage(
  formHtml: string,
  clientId: string,
  userCode: string,
): string {
  return renderPage(
    'Elevate dev IdP — confirm the device',
    `<header><h1>Sign in ${escapeHtml(clientId)}?</h1>
<p class="sub">Continue only if your terminal shows this code.</p></header>
<div class="panel"><p><code>${escapeHtml(userCode)}</code></p>${formHtml}
<p><button type="submit" form="op.deviceConfirmForm" autofocus>Sign in the terminal</button>
<button type="submit" class="secondary" form="op.deviceConfirmForm" name="abort" value="yes">Cancel</button></p></div>`,
  );
}

export function renderDeviceDonePage(): string {
  return renderPage(
    'Elevate dev IdP — terminal signed in',
    `<header><h1>Your terminal is signed in</h1>
<p class="sub">You can close this page and go back to the terminal.</p></header>`,
  );
}
