import type { ConsoleSession } from '../emulator-state';
import { escapeHtml } from './escape-html';

const CONSOLE_TITLE = 'AWS console (Elevate emulator)';

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;background:#f2f3f3;color:#16191f}
header{background:#232f3e;color:#fff;padding:12px 24px}main{padding:24px;max-width:960px}
section{background:#fff;border-radius:8px;padding:16px 20px;margin:0 0 16px;box-shadow:0 1px 2px #0002}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e9ebed;vertical-align:top}
th[scope=row]{width:220px;color:#545b64;font-weight:600}td{overflow-wrap:anywhere}pre{background:#f8f8f8;padding:12px;overflow:auto}
p.alert{background:#fde8e8;border-left:4px solid #d13212;padding:12px}`;

function page(title: string, body: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><header>${escapeHtml(CONSOLE_TITLE)}</header>` +
    `<main>${body}</main></body></html>`
  );
}

function row(id: string, label: string, value: string): string {
  return `<tr><th scope="row" id="${id}">${escapeHtml(label)}</th><td aria-labelledby="${id}">${escapeHtml(value)}</td></tr>`;
}

function tagsSection(consoleSession: ConsoleSession): string {
  const { tags } = consoleSession.session;
  const content =
    tags.length === 0
      ? '<p>No session tags.</p>'
      : `<table aria-labelledby="tags-heading"><thead><tr><th scope="col">Key</th><th scope="col">Value</th><th scope="col">Transitive</th></tr></thead><tbody>` +
        tags
          .map(
            (t) =>
              `<tr><td>${escapeHtml(t.key)}</td><td>${escapeHtml(t.value)}</td><td>${t.transitive ? 'yes' : 'no'}</td></tr>`,
          )
          .join('') +
        '</tbody></table>';
  return `<section aria-labelledby="tags-heading"><h2 id="tags-heading">Session tags</h2>${content}</section>`;
}

function policySection(consoleSession: ConsoleSession): string {
  const { sessionPolicy, policyArns } = consoleSession.session;
  const inline =
    sessionPolicy === undefined
      ? '<p>No inline session policy.</p>'
      : `<pre aria-labelledby="policy-heading">${escapeHtml(JSON.stringify(sessionPolicy, null, 2))}</pre>`;
  const managed =
    policyArns.length === 0
      ? ''
      : `<h3 id="policy-arns-heading">Managed session policies</h3><ul aria-labelledby="policy-arns-heading">${policyArns
          .map((arn) => `<li>${escapeHtml(arn)}</li>`)
          .join('')}</ul>`;
  return `<section aria-labelledby="policy-heading"><h2 id="policy-heading">Session policy</h2>${inline}${managed}</section>`;
}

/** The page a successful `Action=login` lands on: what a real console would let you see about the session. */
export function renderConsolePage(consoleSession: ConsoleSession): string {
  const s = consoleSession.session;
  const rows = [
    row('f-account', 'Account', s.account),
    row('f-role', 'Role', s.roleName),
    row('f-role-arn', 'Role ARN', s.roleArn),
    row('f-assumed-role-arn', 'Assumed-role ARN', s.assumedRoleArn),
    row('f-session-name', 'Session name', s.sessionName),
    row('f-source-identity', 'Source identity', s.sourceIdentity ?? '(none)'),
    row('f-credential-expiry', 'Credential expiry', s.expiresAt.toISOString()),
    row('f-console-expiry', 'Console session expiry', consoleSession.expiresAt.toISOString()),
  ].join('');
  const signIn = [
    row('f-destination', 'Destination', consoleSession.destination),
    row('f-issuer', 'Issuer', consoleSession.issuer ?? '(none)'),
  ].join('');
  return page(
    CONSOLE_TITLE,
    `<h1>${escapeHtml(CONSOLE_TITLE)}</h1>` +
      `<p>Signed in through the local federation endpoint. This page stands in for the AWS Management Console; nothing here reaches AWS.</p>` +
      `<section aria-labelledby="session-heading"><h2 id="session-heading">Session</h2><table aria-labelledby="session-heading"><tbody>${rows}</tbody></table></section>` +
      tagsSection(consoleSession) +
      policySection(consoleSession) +
      `<section aria-labelledby="sign-in-heading"><h2 id="sign-in-heading">Sign-in request</h2><table aria-labelledby="sign-in-heading"><tbody>${signIn}</tbody></table></section>`,
  );
}

/** A refused sign-in or an unknown console session: a heading and the reason, nothing secret. */
export function renderErrorPage(heading: string, message: string): string {
  return page(
    `${heading} - ${CONSOLE_TITLE}`,
    `<h1>${escapeHtml(heading)}</h1><p class="alert" role="alert">${escapeHtml(message)}</p>`,
  );
}
