import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import type { DeployConfig } from '../config/deploy-config-schema';
import { NotificationChannels } from '../constructs/notification-channels';

/** One e-mail subscription as the deploy config gives it. */
type NotificationRecipient = DeployConfig['notifications']['recipients'][number];

export interface NotificationsStackProps extends StackProps {
  /** E-mail subscriptions, each filtered to the messages of its audience. */
  readonly recipients: readonly NotificationRecipient[];
  /** SES, Slack app and Teams settings (absent: SNS only). */
  readonly channels?: DeployConfig['notifications'];
}

/**
 * The subscription filter policy of a recipient, on the attributes the SNS channel publishes
 * (`audience`, `reviewerGroups`, `urgent`, `recipient`; docs/notifications.md). Every message is
 * published once per audience, so filtering on `audience` gives each inbox the text written for it.
 * A requester subscription only ever matches its own address.
 */
function filterPolicyOf(recipient: NotificationRecipient): Record<string, sns.SubscriptionFilter> {
  const allow = (...values: string[]) => sns.SubscriptionFilter.stringFilter({ allowlist: values });
  return {
    audience: allow(recipient.audience),
    ...(recipient.reviewerGroups === undefined
      ? {}
      : { reviewerGroups: allow(...recipient.reviewerGroups) }),
    ...(recipient.audience === 'requester' ? { recipient: allow(recipient.email) } : {}),
    ...(recipient.urgentOnly ? { urgent: allow('true') } : {}),
  };
}

/** The topic the notifier publishes request events to, encrypted with a key of its own. */
export class NotificationsStack extends Stack {
  readonly topic: sns.Topic;
  readonly key: kms.Key;
  /** SES identity and configuration set, Slack and Teams secrets, when configured. */
  readonly channels?: NotificationChannels;

  constructor(scope: Construct, id: string, props: NotificationsStackProps) {
    super(scope, id, props);

    this.key = new kms.Key(this, 'TopicKey', {
      description: 'Encrypts Elevate request notifications at rest',
      enableKeyRotation: true,
      rotationPeriod: Duration.days(365),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.topic = new sns.Topic(this, 'RequestEvents', {
      displayName: 'Elevate request events',
      masterKey: this.key,
      enforceSSL: true,
    });
    // No subscription without a filter: an unfiltered one would receive every audience's messages.
    for (const recipient of props.recipients) {
      this.topic.addSubscription(
        new subscriptions.EmailSubscription(recipient.email, {
          filterPolicy: filterPolicyOf(recipient),
        }),
      );
    }
    if (props.channels !== undefined)
      this.channels = new NotificationChannels(this, 'Channels', {
        config: props.channels,
        key: this.key,
      });
  }
}
