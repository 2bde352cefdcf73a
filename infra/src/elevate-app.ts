import { unreachableStepUpRules } from '@elevate/domain';
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { compilePolicyFile } from '@elevate/adapters';
import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { DeployConfig } from './config/deploy-config-schema';
import { DeployConfigError } from './config/load-deploy-config';
import { loadPolicyTargets, type PolicyTargets } from './config/load-policy-targets';
import { ApiStack } from './stacks/api-stack';
import { AnalyticsStack } from './stacks/analytics-stack';
import { DataStack } from './stacks/data-stack';
import {
  federateRoleName,
  revokerFunctionRoleName,
  targetRevokerRoleName,
} from './stacks/function-specs';
import { NotificationsStack } from './stacks/notifications-stack';
import { TargetRolesStack, type TargetRoleSpec } from './stacks/target-roles-stack';
import { WebStack } from './stacks/web-stack';

export interface ElevateAppOptions {
  readonly config: DeployConfig;
  /** The deploy config's path; only labels errors. */
  readonly configFile: string;
  /** The workspace root: paths in the config are relative to it. */
  readonly repoRoot: string;
  /** The SPA's build output; defaults to apps/web/dist. */
  readonly webDistDir?: string;
  /** Register cdk-nag as a synth-time validation plugin (default true; tests run it directly). */
  readonly nag?: boolean;
}

export interface ElevateStacks {
  readonly data: DataStack;
  readonly notifications: NotificationsStack;
  readonly api: ApiStack;
  readonly analytics: AnalyticsStack;
  readonly web: WebStack;
  /** Present when the config gives managed policies for the policy's roles. */
  readonly targetRoles?: TargetRolesStack;
  readonly policy: PolicyTargets;
}

/** The broker role's ARN, known before deploy because its name is fixed. */
export function brokerRoleArn(config: DeployConfig): string {
  return `arn:aws:iam::${config.account}:role/${federateRoleName(config)}`;
}

/** The revoker function's role, which every account's revoker role trusts. */
export function revokerRoleArn(config: DeployConfig): string {
  return `arn:aws:iam::${config.account}:role/${revokerFunctionRoleName(config)}`;
}

function targetRoleSpecs(
  config: DeployConfig,
  configFile: string,
  roleNames: readonly string[],
): TargetRoleSpec[] {
  const configured = config.targetRoles.managedPolicyArns;
  const issues = [
    ...roleNames
      .filter((name) => configured[name] === undefined)
      .map(
        (name) =>
          `targetRoles.managedPolicyArns.${name}: the policy names role ${name}; give its managed policies (or leave managedPolicyArns empty to roll out templates/target-role.yaml yourself)`,
      ),
    ...Object.keys(configured)
      .filter((name) => !roleNames.includes(name))
      .map(
        (name) => `targetRoles.managedPolicyArns.${name}: no rule in the policy names role ${name}`,
      ),
  ];
  if (issues.length > 0) throw new DeployConfigError(configFile, issues);
  return roleNames.map((roleName) => ({ roleName, managedPolicyArns: configured[roleName] ?? [] }));
}

/** The e-mail recipients, each reviewer-group filter checked against the groups the policy routes to. */
function notificationRecipients(
  config: DeployConfig,
  configFile: string,
  policy: PolicyTargets,
): DeployConfig['notifications']['recipients'] {
  const routed = new Set(policy.policy.rules.flatMap((rule) => rule.approverGroups));
  const issues = config.notifications.recipients.flatMap((recipient, index) =>
    (recipient.reviewerGroups ?? [])
      .filter((group) => !routed.has(group))
      .map(
        (group) =>
          `notifications.recipients.${index}.reviewerGroups: no rule in the policy routes requests to ${group}, so this filter would never match`,
      ),
  );
  if (issues.length > 0) throw new DeployConfigError(configFile, issues);
  return config.notifications.recipients;
}

/** Builds every Elevate stack into `app` and applies cdk-nag's AwsSolutions pack to all of them. */
export function buildElevateApp(app: App, options: ElevateAppOptions): ElevateStacks {
  const { config, repoRoot } = options;
  const policyFile = isAbsolute(config.policyFile)
    ? config.policyFile
    : resolve(repoRoot, config.policyFile);
  const policy = loadPolicyTargets(policyFile);
  const unreachable = unreachableStepUpRules(policy.policy, config.idp.settings.mfa);
  if (unreachable.length > 0) {
    // The API would refuse to start; say so at synth, naming the deploy.yaml settings.
    throw new DeployConfigError(options.configFile, [
      `idp.mfa: policy rules ${unreachable.join(', ')} ask for step-up (MFA), but with idp.provider ${config.idp.settings.provider} nothing in a token can show MFA; set idp.mfa.amr, idp.mfa.acr or idp.mfa.acrs to what your IdP sends, or idp.mfa.enforcedByIdp: true if it demands MFA at every sign-in (docs/deploy.md)`,
    ]);
  }
  // Functions read the validated policy as JSON: no YAML parser in any bundle or cold start.
  mkdirSync(app.outdir, { recursive: true });
  // Absolute: the bundling commands run in the workspace root, not where synth was started.
  const compiledPolicyFile = resolve(app.outdir, 'elevate-policy.json');
  writeFileSync(compiledPolicyFile, compilePolicyFile(policyFile));
  const env = { account: config.account, region: config.region };
  const stackName = (part: string): string => `${config.name}-${part}`;

  const data = new DataStack(app, stackName('data'), {
    env,
    description: 'Elevate: request store (retained)',
    terminationProtection: true,
  });
  const notifications = new NotificationsStack(app, stackName('notifications'), {
    env,
    description: 'Elevate: request event notifications',
    recipients: notificationRecipients(config, options.configFile, policy),
    channels: config.notifications,
  });
  const analytics = new AnalyticsStack(app, stackName('analytics'), {
    env,
    description: 'Elevate: JSON Lines exports, Glue tables and the Athena workgroup (retained)',
  });
  const api = new ApiStack(app, stackName('api'), {
    exportsBucket: analytics.exportsBucket,
    env,
    description: 'Elevate: HTTP API, authorizer, federation, notifier and sweeper',
    config,
    table: data.table,
    auditDigests: data.auditDigests,
    topic: notifications.topic,
    ...(notifications.channels === undefined ? {} : { channels: notifications.channels }),
    targets: policy.targets,
    repoRoot,
    compiledPolicyFile,
  });
  const web = new WebStack(app, stackName('web'), {
    env,
    description: 'Elevate: single-page app on S3 + CloudFront',
    config,
    apiUrl: api.httpApi.apiEndpoint,
    webDistDir: options.webDistDir ?? resolve(repoRoot, 'apps/web/dist'),
  });

  const hasTargetRoles = Object.keys(config.targetRoles.managedPolicyArns).length > 0;
  const targetRoles = hasTargetRoles
    ? new TargetRolesStack(app, stackName('target-roles'), {
        // No env: the same template goes to every controlled account.
        description: 'Elevate: target roles for an account the broker controls',
        brokerRoleArn: brokerRoleArn(config),
        sessionNamePattern: config.targetRoles.sessionNamePattern,
        roles: targetRoleSpecs(config, options.configFile, policy.roleNames),
        revokerFunctionRoleArn: revokerRoleArn(config),
        revokerRoleName: targetRevokerRoleName(config),
        ...(config.targetRoles.iamWriteAlarmTopicArn === undefined
          ? {}
          : { iamWriteAlarmTopicArn: config.targetRoles.iamWriteAlarmTopicArn }),
      })
    : undefined;

  // Every stack, every resource: any unacknowledged finding (warning or error) fails synth.
  if (options.nag ?? true) {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  }
  return {
    data,
    notifications,
    api,
    analytics,
    web,
    policy,
    ...(targetRoles ? { targetRoles } : {}),
  };
}
