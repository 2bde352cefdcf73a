import { escapeHtml, renderPage } from './page-layout';

/** The error page for requests that cannot be redirected back to the client (bad client, bad redirect URI...). */
export function renderErrorPage(out: {
  error: string;
  error_description?: string | undefined;
}): string {
  const description = out.error_description
    ? `<dt>Description</dt><dd>${escapeHtml(out.error_description)}</dd>`
    : '';
  return renderPage(
    'Elevate dev IdP — error',
    `<header><h1>Sign-in request refused</h1>
<p class="sub">The dev IdP could not send you back to the application.</p></header>
<div class="panel"><dl><dt>Error</dt><dd><code>${escapeHtml(out.error)}</code></dd>${description}</dl></div>
<footer><p>Start again from the application. If this keeps happening, check the client and redirect URIs in the dev stack config.</p></footer>`,
  );
}

/**
 * The sign-out step. oidc-provider requires a POST with its xsrf token; the page submits itself so the
 * SPA's sign-out lands back on the SPA, and keeps one button for browsers without JavaScript.
 */
export function renderLogoutPage(formHtml: string): string {
  return renderPage(
    'Elevate dev IdP — sign out',
    `<header><h1>Signing you out…</h1></header>
${formHtml}
<div class="panel"><button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Sign out</button></div>
<script>document.getElementById('op.logoutForm').insertAdjacentHTML('beforeend','<input type="hidden" name="logout" value="yes">');document.getElementById('op.logoutForm').submit();</script>`,
  );
}

/** Shown only when sign-out had no registered post_logout_redirect_uri to return to. */
export function renderSignedOutPage(): string {
  return renderPage(
    'Elevate dev IdP — signed out',
    `<header><h1>Signed out</h1><p class="sub">You are signed out of the Elevate dev IdP.</p></header>`,
  );
}
