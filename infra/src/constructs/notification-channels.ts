import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { DeployConfig } from '../config/deploy-config-schema';
import { acknowledge } from '../nag/acknowledge';

type NotificationsConfig = DeployConfig['notifications'];

/**
 * SES reviews an account at a 5 % bounce rate and a 0.1 % complaint rate (and may pause sending at
 * 10 % and 0.5 %): the alarms fire at the review thresholds, before sending is at risk.
 */
const SES_REPUTATION_ALARM_THRESHOLDS = { bounceRate: 0.05, complaintRate: 0.001 } as const;
/** The share of the daily sending quota at which the quota alarm fires. */
const SES_QUOTA_ALARM_SHARE = 0.8;

/**
 * The personal channels' resources (docs/deploy.md): the SES identity, a configuration set that
 * keeps SES's own suppression list for bounces and complaints and reports them to a feedback topic
 * (the notifier records them too), and empty Secrets Manager secrets for the Slack app and the
 * Teams webhook that an operator fills in. Functions are wired by `grantAndConfigure`.
 */
export class NotificationChannels extends Construct {
  readonly identity?: ses.EmailIdentity;
  readonly configurationSet?: ses.ConfigurationSet;
  readonly feedbackTopic?: sns.Topic;
  readonly slackSecret?: secretsmanager.Secret;
  readonly teamsSecret?: secretsmanager.Secret;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: { readonly config: NotificationsConfig; readonly key: kms.IKey },
  ) {
    super(scope, id);
    const { config, key } = props;
    if (config.ses !== undefined) {
      this.identity = new ses.EmailIdentity(this, 'Identity', {
        identity: config.ses.identity.includes('@')
          ? ses.Identity.email(config.ses.identity)
          : ses.Identity.domain(config.ses.identity),
      });
      this.configurationSet = new ses.ConfigurationSet(this, 'EmailConfiguration', {
        reputationMetrics: true,
        sendingEnabled: true,
        suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
        tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
      });
      this.feedbackTopic = new sns.Topic(this, 'EmailFeedback', {
        displayName: 'Elevate e-mail bounces and complaints',
        masterKey: key,
        enforceSSL: true,
      });
      // SES publishes to a KMS-encrypted topic only if the key lets it.
      key.grant(
        new iam.ServicePrincipal('ses.amazonaws.com'),
        'kms:GenerateDataKey*',
        'kms:Decrypt',
      );
      this.configurationSet.addEventDestination('BouncesAndComplaints', {
        destination: ses.EventDestination.snsTopic(this.feedbackTopic),
        events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
      });
    }
    const secretFor = (name: string, description: string): secretsmanager.Secret => {
      // Secrets Manager's own key: a grant on the topic's key would name the functions' roles
      // in this stack's key policy, and the API stack already depends on this one.
      const secret = new secretsmanager.Secret(this, name, {
        description,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      acknowledge(
        secret,
        ['AwsSolutions-SMG4'],
        'A third-party credential (Slack bot token and signing secret, Teams workflow URL): it is rotated in Slack or Teams and pasted in; Secrets Manager cannot rotate it.',
      );
      return secret;
    };
    if (config.slack !== undefined)
      this.slackSecret = secretFor(
        'SlackApp',
        'Elevate Slack app: {"botToken": "xoxb-...", "signingSecret": "..."}',
      );
    if (config.teams !== undefined)
      this.teamsSecret = secretFor(
        'TeamsWebhook',
        'Elevate Teams workflow: {"webhookUrl": "https://..."}',
      );
  }

  /** Environment of the notifier and the sweeper: which channels, and where their secrets are. */
  environment(): Record<string, string> {
    const { config } = this.props;
    return {
      ELEVATE_NOTIFY_ACTIVE_WITHIN_DAYS: String(config.activeWithinDays),
      ELEVATE_REMINDER_AFTER_MINUTES: String(config.reminderAfterMinutes),
      ELEVATE_ESCALATE_AFTER_MINUTES: String(config.escalateAfterMinutes),
      ELEVATE_EXPIRY_WARNING_MINUTES: String(config.expiryWarningMinutes),
      ...(config.ses === undefined || this.configurationSet === undefined
        ? {}
        : {
            ELEVATE_SES_FROM: config.ses.from,
            ELEVATE_SES_CONFIGURATION_SET: this.configurationSet.configurationSetName,
            ELEVATE_SES_MAX_SEND_RATE: String(config.ses.maxSendRatePerSecond),
          }),
      ...(this.slackSecret === undefined || config.slack === undefined
        ? {}
        : {
            ELEVATE_SLACK_SECRET_ID: this.slackSecret.secretArn,
            ELEVATE_SLACK_CHANNELS: JSON.stringify(config.slack.channels),
            ELEVATE_SLACK_DIRECT_MESSAGES: String(config.slack.directMessages),
          }),
      ...(this.teamsSecret === undefined
        ? {}
        : { ELEVATE_TEAMS_SECRET_ID: this.teamsSecret.secretArn }),
    };
  }

  /** Lets a sending function (notifier, sweeper) use the configured channels, and tells it how. */
  grantAndConfigure(fn: lambda.Function): void {
    for (const [name, value] of Object.entries(this.environment())) fn.addEnvironment(name, value);
    if (this.identity !== undefined && this.configurationSet !== undefined) {
      const stack = this.identity.stack;
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [
            stack.formatArn({
              service: 'ses',
              resource: 'identity',
              resourceName: this.identity.emailIdentityName,
            }),
            stack.formatArn({
              service: 'ses',
              resource: 'configuration-set',
              resourceName: this.configurationSet.configurationSetName,
            }),
          ],
        }),
      );
    }
    this.slackSecret?.grantRead(fn);
    this.teamsSecret?.grantRead(fn);
  }

  /**
   * SES's sending limits watched (in `scope`, the stack whose operators' topic they page): the
   * account's bounce and complaint rates (SES publishes them as `AWS/SES` `Reputation.*`) at the
   * rates SES reviews accounts at, and — when `dailyQuota` is set — a day's sends at 80 % of the
   * quota. None without SES.
   */
  sendingAlarms(scope: Construct): cloudwatch.Alarm[] {
    const ses = this.props.config.ses;
    if (ses === undefined) return [];
    const metric = (metricName: string, statistic: string, period: Duration) =>
      new cloudwatch.Metric({ namespace: 'AWS/SES', metricName, statistic, period });
    const alarms = [
      new cloudwatch.Alarm(scope, 'SesBounceRate', {
        alarmDescription:
          'SES bounce rate at the level SES reviews accounts at (docs/operations.md#sesbouncerate)',
        metric: metric('Reputation.BounceRate', cloudwatch.Stats.MAXIMUM, Duration.hours(1)),
        threshold: SES_REPUTATION_ALARM_THRESHOLDS.bounceRate,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      new cloudwatch.Alarm(scope, 'SesComplaintRate', {
        alarmDescription:
          'SES complaint rate at the level SES reviews accounts at (docs/operations.md#sescomplaintrate)',
        metric: metric('Reputation.ComplaintRate', cloudwatch.Stats.MAXIMUM, Duration.hours(1)),
        threshold: SES_REPUTATION_ALARM_THRESHOLDS.complaintRate,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    ];
    if (ses.dailyQuota !== undefined)
      alarms.push(
        new cloudwatch.Alarm(scope, 'SesDailyQuota', {
          alarmDescription:
            "A day's SES sends reached 80 % of the daily quota (docs/operations.md#sesdailyquota)",
          metric: metric('Send', cloudwatch.Stats.SUM, Duration.days(1)),
          threshold: Math.floor(ses.dailyQuota * SES_QUOTA_ALARM_SHARE),
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
      );
    return alarms;
  }

  /** The API function reads the Slack signing secret for the interactive endpoint. */
  configureApi(fn: lambda.Function): void {
    if (this.slackSecret === undefined) return;
    fn.addEnvironment('ELEVATE_SLACK_SECRET_ID', this.slackSecret.secretArn);
    this.slackSecret.grantRead(fn);
  }
}
