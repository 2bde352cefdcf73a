import type { Persona } from '../config/dev-config';
import { escapeHtml, renderPage } from './page-layout';

const SIGN_IN_TITLE = 'Elevate dev IdP — sign in';

/** Form field names the sign-in page posts; the interaction route reads the same names. */
export const SIGN_IN_FIELDS = { persona: 'sub', mfa: 'mfa' } as const;
export const MFA_CHECKED_VALUE = 'yes';

export interface SignInPageInput {
  personas: readonly Persona[];
  /** Where the persona form posts. */
  loginAction: string;
  /** Where "Cancel" posts; the client then receives `access_denied`. */
  abortAction: string;
  clientId: string;
  /** The persona already signed in, when the client sent the user back (step-up, prompt=login, max_age). */
  signedInAs?: Persona | undefined;
}

/** The one-click persona picker. Every value is escaped: personas come from an editable YAML file. */
export function renderSignInPage(input: SignInPageInput): string {
  const { personas, loginAction, abortAction, clientId, signedInAs } = input;
  const reauth = signedInAs
    ? `<p class="note" role="status">Signed in as <strong>${escapeHtml(signedInAs.name)}</strong> (${escapeHtml(
        signedInAs.email,
      )}). The application asked you to sign in again — for example to confirm with MFA.</p>`
    : '';
  const items = personas.map((p) => renderPersona(p)).join('\n');
  const body = `<header>
<h1>Elevate dev IdP</h1>
<p class="sub">Local development sign-in for <strong>${escapeHtml(clientId)}</strong>. Pick a persona — there are no passwords.</p>
</header>
${reauth}
<form method="post" action="${escapeHtml(loginAction)}">
<div class="panel">
<label class="mfa"><input type="checkbox" name="${SIGN_IN_FIELDS.mfa}" value="${MFA_CHECKED_VALUE}">Signed in with MFA
<span class="hint">(sets <code>amr</code> to pwd + mfa; unchecked: pwd only)</span></label>
</div>
<div class="panel">
<ul class="personas" aria-label="Personas">
${items}
</ul>
</div>
</form>
<form method="post" action="${escapeHtml(abortAction)}">
<button type="submit" class="secondary">Cancel sign-in</button>
</form>
<footer><p>Personas come from <code>config/dev-stack.yaml</code>. Sessions live in memory and end when the dev IdP restarts.</p></footer>`;
  return renderPage(SIGN_IN_TITLE, body);
}

function renderPersona(p: Persona): string {
  const groups = p.groups.length
    ? p.groups.map((g) => `<span class="group">${escapeHtml(g)}</span>`).join('')
    : '<span class="role">no groups</span>';
  return `<li>
<div>
<div class="name">${escapeHtml(p.name)}</div>
<div class="email">${escapeHtml(p.email)}</div>
<div class="role">${escapeHtml(p.role)}</div>
<div class="groups" aria-label="Groups">${groups}</div>
</div>
<button type="submit" name="${SIGN_IN_FIELDS.persona}" value="${escapeHtml(p.sub)}">Sign in as ${escapeHtml(p.name)}</button>
</li>`;
}
