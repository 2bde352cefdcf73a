import type { NotificationMessage } from './compose-notification';

/** HTML text and attribute escaping: every value in the e-mail comes from a request. */
export const escapeHtml = (value: string): string =>
  value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

export interface RenderedEmail {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

/**
 * The personal e-mail of a message: a small table-based HTML body (what mail clients render
 * reliably, inline styles only, no images or scripts) and the plain-text body, with one button to
 * the exact request page. Used by SES in AWS and by the dev mailbox locally, so both show the same.
 */
export const renderEmail = (message: NotificationMessage): RenderedEmail => {
  const rows = message.details
    .map(
      ([label, value]) =>
        `<tr><th align="left" valign="top" style="padding:4px 12px 4px 0;color:#5f6b7a;font-weight:normal;white-space:nowrap">${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  const banner = message.urgent
    ? '<p style="margin:0 0 12px;padding:8px 12px;background:#d91515;color:#fff;font-weight:bold">Urgent</p>'
    : '';
  const html = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(message.subject)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#000716">',
    banner,
    `<p style="margin:0 0 16px;font-size:16px">${escapeHtml(message.headline)}</p>`,
    `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 20px">${rows}</table>`,
    `<p style="margin:0 0 20px"><a href="${escapeHtml(message.link)}" style="display:inline-block;padding:10px 18px;background:#0972d3;color:#fff;text-decoration:none;border-radius:16px;font-weight:bold">${escapeHtml(message.action)}</a></p>`,
    `<p style="margin:0;color:#5f6b7a;font-size:12px">Request ${escapeHtml(message.facts.requestId)}, version ${message.facts.version}. Sent by Elevate. Sign in to Elevate to act; this e-mail grants nothing by itself.</p>`,
    '</body></html>',
  ].join('');
  return { subject: message.subject, html, text: message.text };
};
