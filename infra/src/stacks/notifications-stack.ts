import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';

export interface NotificationsStackProps extends StackProps {
  /** Who gets an e-mail for every request event (reviewers' shared inbox, security team). */
  readonly emails: readonly string[];
}

/** The topic the notifier publishes request events to, encrypted with a key of its own. */
export class NotificationsStack extends Stack {
  readonly topic: sns.Topic;
  readonly key: kms.Key;

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
    for (const email of props.emails) {
      this.topic.addSubscription(new subscriptions.EmailSubscription(email));
    }
  }
}
