import type { AccessRequest } from '../access-request';
import type { PersonRef } from '../actor';
import type { AudienceKind } from './audience';
import type { NotificationEventType } from './notification-event';
import { windowOf } from '../window';
import { NOTIFICATION_TEXT_LIMITS, requestLinkOf } from './compose-notification';
import { asciiSubject, plainText } from './plain-text';
import type { RenderedEmail } from './render-email';
import { escapeHtml } from './render-email';

/** The digest's delivery name in the ledger and in the dev mailbox. */
export const SELF_SERVICE_DIGEST = 'SELF_SERVICE_DIGEST';

/**
 * Reviewers hear of self-service approvals in their personal channels (e-mail, Slack DMs) through
 * the daily digest, not one message each: nothing asks them to act. Shared rooms (Slack channel,
 * Teams, SNS) still get each one.
 */
export const isDigestedForPerson = (type: NotificationEventType, audience: AudienceKind): boolean =>
  type === 'SELF_SERVICE_APPROVED' && audience === 'reviewers';

/** A request a self-service rule approved at creation (no reviewer decided it). */
export const isSelfServiceApproved = (request: AccessRequest): boolean =>
  request.approvedByPolicy === true && request.invitation === undefined;

/** One line of the digest: the request's facts, user text sanitised and bounded. */
export interface DigestEntry {
  readonly requestId: string;
  readonly requester: string;
  readonly what: string;
  readonly window: string;
  readonly justification: string;
  readonly link: string;
}

/** The reviewers' digest of self-service approvals of one UTC day: one e-mail per person. */
export interface SelfServiceDigest extends RenderedEmail {
  readonly day: string;
  readonly entries: readonly DigestEntry[];
  /** The page that lists recent self-service approvals (Active access). */
  readonly link: string;
  /** The reviewer groups its requests were routed to. */
  readonly groups: readonly string[];
}

export interface DigestContext {
  readonly appUrl: string;
  /** The account's name, if the policy still names it. */
  readonly accountNameOf: (accountId: string) => string | undefined;
}

const entryOf = (request: AccessRequest, context: DigestContext): DigestEntry => {
  const account = context.accountNameOf(request.accountId);
  const window = windowOf(request);
  return {
    requestId: request.id,
    requester: `${plainText(request.requester.name, NOTIFICATION_TEXT_LIMITS.name)} <${plainText(request.requester.email, NOTIFICATION_TEXT_LIMITS.email)}>`,
    what: `${request.roleName} in ${account === undefined ? request.accountId : `${plainText(account, NOTIFICATION_TEXT_LIMITS.name)} (${request.accountId})`}`,
    window:
      window === undefined
        ? `${request.requestedDurationMinutes} minutes`
        : `${window.startsAt} to ${window.endsAt} (UTC)`,
    justification: plainText(request.justification, 200),
    link: requestLinkOf(context.appUrl, request.id, false),
  };
};

/**
 * The digest `requests` (one day's self-service approvals a person may see) make: subject, plain
 * text and HTML with one link per request and one button to Active access. Nothing to decide —
 * policy approved them — so it says so; reviewers look for anything that seems off.
 */
export const composeSelfServiceDigest = (
  requests: readonly AccessRequest[],
  day: string,
  context: DigestContext,
): SelfServiceDigest => {
  const entries = [...requests]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((request) => entryOf(request, context));
  const link = `${context.appUrl.replace(/\/+$/u, '')}/access`;
  const count = entries.length === 1 ? '1 access' : `${entries.length} accesses`;
  const subject = asciiSubject(`[Elevate] Self-service digest ${day}: ${count} approved by policy`);
  const headline = `Self-service rules approved ${count} on ${day} (UTC) without a reviewer. Nothing needs a decision; open any that looks wrong.`;
  const text = [
    headline,
    '',
    ...entries.flatMap((entry) => [
      `- ${entry.requester}: ${entry.what}, ${entry.window}`,
      `  Justification: ${entry.justification}`,
      `  ${entry.link}`,
    ]),
    '',
    `Recent self-service approvals in Elevate: ${link}`,
    '',
    'Sent by Elevate once a day. Sign in to Elevate to act; this e-mail grants nothing by itself.',
  ].join('\n');
  const rows = entries
    .map(
      (entry) =>
        `<tr><td style="padding:6px 0;border-top:1px solid #e9ebed"><a href="${escapeHtml(entry.link)}" style="color:#0972d3">${escapeHtml(entry.what)}</a><br>${escapeHtml(entry.requester)}, ${escapeHtml(entry.window)}<br><span style="color:#5f6b7a">${escapeHtml(entry.justification)}</span></td></tr>`,
    )
    .join('');
  const html = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#000716">',
    `<p style="margin:0 0 16px;font-size:16px">${escapeHtml(headline)}</p>`,
    `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 20px">${rows}</table>`,
    `<p style="margin:0 0 20px"><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 18px;background:#0972d3;color:#fff;text-decoration:none;border-radius:16px;font-weight:bold">Self-service approvals in Elevate</a></p>`,
    '<p style="margin:0;color:#5f6b7a;font-size:12px">Sent by Elevate once a day. Sign in to Elevate to act; this e-mail grants nothing by itself.</p>',
    '</body></html>',
  ].join('');
  const groups = [...new Set(requests.flatMap((request) => request.routing.approverGroups))].sort();
  return { day, entries, link, groups, subject, text, html };
};

/** A channel that can send the daily digest to one person (SES, the dev mailbox). */
export interface DigestChannel {
  readonly name: string;
  deliverDigest(digest: SelfServiceDigest, recipient: PersonRef): Promise<void>;
}

export const isDigestChannel = <T extends object>(channel: T): channel is T & DigestChannel =>
  typeof (channel as Partial<DigestChannel>).deliverDigest === 'function';
