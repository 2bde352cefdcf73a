import { withoutSdkLogging } from '../sdk/without-sdk-logging';
import type { MessageAttributeValue } from '@aws-sdk/client-sns';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { NotificationChannel, NotificationMessage } from '@elevate/domain';
import { awsClientConfig, traced } from '../outbound';

/** SNS's limit on a published message, attributes included (256 KiB). */
export const SNS_MAX_MESSAGE_BYTES = 256 * 1024;

/** The JSON body machine subscribers (SQS, Lambda, HTTPS) get; `schema` versions it. */
export const machineBodyOf = (message: NotificationMessage): Record<string, unknown> => ({
  schema: 'elevate.notification/v1',
  audience: message.audience,
  urgent: message.urgent,
  subject: message.subject,
  link: message.link,
  ...message.facts,
});

const text = (value: string): MessageAttributeValue => ({ DataType: 'String', StringValue: value });

/**
 * Attributes subscription filter policies match on (docs/notifications.md): what happened, to
 * whom, where. `recipient` only on requester messages, `reviewerGroups` on every message.
 */
export const messageAttributesOf = (
  message: NotificationMessage,
): Record<string, MessageAttributeValue> => {
  const { facts, audience } = message;
  return {
    eventType: text(message.eventType),
    audience: text(audience.kind),
    accountId: text(facts.accountId),
    ...(facts.environment === undefined ? {} : { environment: text(facts.environment) }),
    ...(facts.reviewerGroups.length === 0
      ? {}
      : {
          reviewerGroups: {
            DataType: 'String.Array',
            StringValue: JSON.stringify(facts.reviewerGroups),
          },
        }),
    urgent: text(String(message.urgent)),
    ...(audience.kind === 'requester' ? { recipient: text(audience.person.email) } : {}),
  };
};

const sizeOf = (message: string, attributes: Record<string, MessageAttributeValue>): number =>
  Buffer.byteLength(message) +
  Object.entries(attributes).reduce(
    (sum, [name, value]) =>
      sum +
      Buffer.byteLength(name) +
      Buffer.byteLength(value.DataType ?? '') +
      Buffer.byteLength(value.StringValue ?? ''),
    0,
  );

/**
 * Publishes each message to one topic with `MessageStructure: 'json'`: a plain-text body for e-mail,
 * a JSON body for machine subscribers, and attributes for filter policies. One topic, filtered by
 * subscribers, rather than a topic per audience: reviewers' groups come from the policy and change
 * without a deploy.
 */
export class SnsNotificationChannel implements NotificationChannel {
  readonly name = 'sns';
  readonly scope = 'audience';
  readonly #client: SNSClient;
  readonly #topicArn: string;

  /** Without a client, one from the SDK's default chain (Lambda's region and role). */
  constructor(options: { readonly topicArn: string; readonly client?: SNSClient }) {
    this.#client =
      options.client ?? traced(withoutSdkLogging(new SNSClient(awsClientConfig('sns'))));
    this.#topicArn = options.topicArn;
  }

  async deliver(message: NotificationMessage): Promise<void> {
    const machine = JSON.stringify(machineBodyOf(message));
    const body = JSON.stringify({
      default: message.text,
      email: message.text,
      sqs: machine,
      lambda: machine,
      https: machine,
      'email-json': machine,
    });
    const attributes = messageAttributesOf(message);
    // The composer bounds every user field, so this only trips on a bug; SNS would refuse it anyway.
    if (sizeOf(body, attributes) > SNS_MAX_MESSAGE_BYTES)
      throw new Error(
        `Notification ${message.eventType} of ${message.facts.requestId} exceeds the SNS size limit`,
      );
    await this.#client.send(
      new PublishCommand({
        TopicArn: this.#topicArn,
        Subject: message.subject,
        MessageStructure: 'json',
        Message: body,
        MessageAttributes: attributes,
      }),
    );
  }
}
