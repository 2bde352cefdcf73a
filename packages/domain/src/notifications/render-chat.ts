import type { NotificationMessage } from './compose-notification';
import type { NotificationEventType } from './notification-event';

/**
 * Slack mrkdwn control characters: the only escaping Slack asks of message text. With `&`, `<` and
 * `>` escaped, user text cannot form a link (`<https://…|label>`), a mention (`<@U…>`) or a
 * broadcast (`<!channel>`); the text objects are also `verbatim`, so Slack does not turn bare URLs
 * or names into links either.
 */
export const escapeMrkdwn = (value: string): string =>
  value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** A mrkdwn text object Slack shows as written: no auto-linked URLs, channel names or mentions. */
const mrkdwnText = (text: string): Record<string, unknown> => ({
  type: 'mrkdwn',
  text,
  verbatim: true,
});

/** Events a shared room (a Slack or Teams channel) is told of as a new post. */
export const ROOM_POST_EVENTS: readonly NotificationEventType[] = [
  'REQUEST_CREATED',
  'BREAK_GLASS_USED',
  'SELF_SERVICE_APPROVED',
  'EXTENSION_REQUESTED',
  'REMINDER_ESCALATED',
];

/** Events that settle a posted request: its room post is updated in place (Slack) or followed up. */
export const ROOM_OUTCOME_EVENTS: readonly NotificationEventType[] = [
  'APPROVAL_RECORDED',
  'REQUEST_APPROVED',
  'REQUEST_REJECTED',
  'REQUEST_CANCELLED',
  'REQUEST_EXPIRED',
  'ACCESS_REVOKED',
  'BREAK_GLASS_REVIEWED',
];

/** What the updated room post says happened. */
export const outcomeOf = (message: NotificationMessage): ChatOutcome => {
  const statuses: Partial<Record<NotificationEventType, string>> = {
    APPROVAL_RECORDED: `Approved ${message.facts.approvals.count} of ${message.facts.approvals.required}`,
    REQUEST_APPROVED: 'Approved',
    REQUEST_REJECTED: 'Rejected',
    REQUEST_CANCELLED: 'Cancelled',
    REQUEST_EXPIRED: 'Expired without a decision',
    ACCESS_REVOKED: 'Revoked',
    BREAK_GLASS_REVIEWED: 'Reviewed',
  };
  const system = message.facts.actor.sub === 'elevate:system';
  return {
    status: statuses[message.eventType] ?? message.eventType,
    ...(system ? {} : { by: message.facts.actor.name }),
    at: message.facts.occurredAt,
  };
};

/** Slack Block Kit payload fields (the subset Elevate posts). */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: readonly Record<string, unknown>[];
}

/** What a decided request's chat message says once it is updated in place. */
export interface ChatOutcome {
  readonly status: string;
  readonly by?: string;
  readonly at: string;
}

const MAX_FIELD = 1900; // Block Kit section fields allow 2,000 characters.

/** Escaped, then cut to the field limit without leaving half an entity (`&am`) at the end. */
const boundedMrkdwn = (value: string): string =>
  escapeMrkdwn(value)
    .slice(0, MAX_FIELD)
    .replace(/&[a-z]{0,3}$/u, '');

const field = (label: string, value: string): Record<string, unknown> =>
  mrkdwnText(`*${escapeMrkdwn(label)}*\n${boundedMrkdwn(value)}`);

/** The button values identify the action; the interactive endpoint only acknowledges them. */
export const SLACK_ACTION_IDS = {
  approve: 'elevate_open_approve',
  reject: 'elevate_open_reject',
  open: 'elevate_open_request',
} as const;

/**
 * A message as Block Kit: header line, the details as fields, and buttons that open the request
 * page in Elevate (with the decision dialog when the reader is asked to decide). Buttons are URL
 * buttons: no decision is ever taken on Slack's word — the reviewer signs in and decides there.
 * `outcome` (after the decision) replaces the buttons with who decided and when.
 */
export const renderSlackMessage = (
  message: NotificationMessage,
  outcome?: ChatOutcome,
): SlackMessage => {
  const decide = message.link.includes('?decide=1');
  const headline = `${message.urgent ? ':rotating_light: *Urgent* ' : ''}${escapeMrkdwn(message.headline)}`;
  const details = message.details.slice(0, 10).map(([label, value]) => field(label, value));
  const buttons: Record<string, unknown>[] =
    decide && outcome === undefined
      ? [
          {
            type: 'button',
            action_id: SLACK_ACTION_IDS.approve,
            text: { type: 'plain_text', text: 'Approve…' },
            style: 'primary',
            url: message.link,
          },
          {
            type: 'button',
            action_id: SLACK_ACTION_IDS.reject,
            text: { type: 'plain_text', text: 'Reject…' },
            style: 'danger',
            url: message.link.replace('?decide=1', '?decide=reject'),
          },
        ]
      : [
          {
            type: 'button',
            action_id: SLACK_ACTION_IDS.open,
            text: { type: 'plain_text', text: 'Open in Elevate' },
            url: message.link.replace('?decide=1', ''),
          },
        ];
  const blocks: Record<string, unknown>[] = [
    { type: 'section', text: mrkdwnText(headline) },
    { type: 'section', fields: details },
    ...(outcome === undefined
      ? []
      : [
          {
            type: 'context',
            elements: [
              mrkdwnText(
                `*${escapeMrkdwn(outcome.status)}*${outcome.by === undefined ? '' : ` by ${escapeMrkdwn(outcome.by)}`} at ${escapeMrkdwn(outcome.at)}`,
              ),
            ],
          },
        ]),
    { type: 'actions', elements: buttons },
  ];
  // The notification text is mrkdwn too (and shows in push notifications): escaped like the rest.
  return { text: escapeMrkdwn(message.subject), blocks };
};

/**
 * Text for an Adaptive Card TextRun. TextRuns are never read as markdown (unlike TextBlock and
 * FactSet, where `[x](https://…)`, `**`, `_` and list markers in user text would format or link),
 * so the text needs no escaping but one: `{{` would start a DATE()/TIME() function, and a
 * zero-width space keeps it literal.
 */
export const adaptiveCardText = (value: string): string => value.replaceAll('{{', '{\u200B{');

const textRun = (text: string, style: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'TextRun',
  text: adaptiveCardText(text),
  ...style,
});

/**
 * A message as an Adaptive Card (Teams workflow webhooks take version 1.4): the same headline,
 * details and one action that opens the request page. Everything that carries request text (the
 * headline names people, account and role; the details hold justification and ticket) is a
 * RichTextBlock of TextRuns, which no host reads as markdown: user text cannot add a link,
 * formatting or a list to the card.
 */
export const renderTeamsCard = (message: NotificationMessage): Record<string, unknown> => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.4',
  body: [
    ...(message.urgent
      ? [{ type: 'TextBlock', text: 'Urgent', color: 'Attention', weight: 'Bolder' }]
      : []),
    {
      type: 'RichTextBlock',
      inlines: [textRun(message.headline, { weight: 'Bolder', size: 'Medium' })],
    },
    ...message.details.map(([label, value]) => ({
      type: 'RichTextBlock',
      spacing: 'Small',
      inlines: [textRun(`${label}: `, { weight: 'Bolder' }), textRun(value)],
    })),
  ],
  actions: [{ type: 'Action.OpenUrl', title: message.action, url: message.link }],
});

/** The envelope a Teams workflow ("Post to a channel when a webhook request is received") takes. */
export const teamsWebhookPayload = (card: Record<string, unknown>): Record<string, unknown> => ({
  type: 'message',
  attachments: [
    { contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card },
  ],
});
