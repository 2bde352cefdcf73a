import * as z from 'zod';
import {
  authorizeParamsSchema,
  claimNameSchema,
  defaultProviderFor,
  IDP_PROVIDERS,
  mfaEvidenceOverridesSchema,
  resolveIdpSettings,
  scopeSchema,
} from '@elevate/contracts';

const accountId = z
  .string({ error: 'expected a 12-digit account id as a string (quote it in YAML)' })
  .regex(/^\d{12}$/, 'expected a 12-digit account id');

const region = z
  .string()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected an AWS region name such as eu-west-1');

const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https URL' });

/** An origin is scheme + host (+ port): no path, query or trailing slash, as browsers send it. */
const httpsOrigin = httpsUrl.refine((value) => new URL(value).origin === value, {
  message: 'must be an origin like https://elevate.example.com (no path, no trailing slash)',
});

const domainName = z
  .string()
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'expected a lower-case DNS name such as elevate.example.com',
  );

/** CloudFront only accepts ACM certificates from us-east-1. */
const cloudFrontCertificateArn = z
  .string()
  .regex(
    /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/,
    'expected an ACM certificate ARN in us-east-1 (CloudFront only uses certificates from us-east-1)',
  );

const managedPolicyArn = z
  .string()
  .regex(
    /^arn:aws[a-z-]*:iam::(aws|\d{12}):policy\/[\w+=,.@/-]+$/,
    'expected a managed policy ARN such as arn:aws:iam::aws:policy/ReadOnlyAccess',
  );

/** `sts:RoleSessionName` patterns use IAM's StringLike wildcards over STS's session-name alphabet. */
const sessionNamePattern = z
  .string()
  .regex(
    /^[\w+=,.@*?-]{1,64}$/,
    'expected a StringLike pattern over [\\w+=,.@-] with * and ? wildcards',
  );

/** Who an e-mail subscription is for; its filter policy follows (docs/notifications.md). */
const NOTIFICATION_AUDIENCES = ['reviewers', 'security', 'requester'] as const;

const notificationRecipient = z
  .strictObject({
    email: z.email({ error: 'expected an e-mail address' }),
    /**
     * `reviewers`: messages for reviewers (optionally of some routed groups); `security`: the
     * security team's (break-glass); `requester`: this address's own requests only.
     */
    audience: z.enum(NOTIFICATION_AUDIENCES),
    /** Reviewers only: just requests routed to one of these approver groups. */
    reviewerGroups: z.array(z.string().min(1)).min(1).optional(),
    /** Only urgent messages (break-glass use, revocation). */
    urgentOnly: z.boolean().default(false),
  })
  .superRefine((recipient, ctx) => {
    if (recipient.reviewerGroups !== undefined && recipient.audience !== 'reviewers') {
      ctx.addIssue({
        code: 'custom',
        path: ['reviewerGroups'],
        message: 'only a reviewers recipient can be narrowed to reviewer groups',
      });
    }
  });

/** CloudWatch Logs accepts only these retention periods. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;

const retentionDays = z
  .number()
  .int()
  .refine((days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days), {
    message: `expected one of CloudWatch Logs' retention periods: ${LOG_RETENTION_DAYS.join(', ')}`,
  });

export const deployConfigSchema = z
  .strictObject({
    /** Prefix of stack names and of the one fixed role name (the federate role's). */
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,30}$/, 'expected a lower-case name, 2-31 characters of a-z0-9-')
      .default('elevate'),
    /** The dedicated AWS account Elevate runs in. */
    account: accountId,
    /** The home region: table, API, functions, topics. */
    region,
    idp: z.strictObject({
      /**
       * Fills in every setting below that is not given, as the provider documents its tokens
       * (docs/deploy.md). Default: `cognito` for a Cognito user pool issuer, else `generic`.
       */
      provider: z.enum(IDP_PROVIDERS).optional(),
      /** The OIDC issuer URL exactly as it appears in tokens' `iss`. */
      issuer: httpsUrl,
      /** The SPA's public client id (Authorization Code + PKCE). */
      clientId: z.string().min(1, 'must not be empty'),
      /**
       * The `elevate` CLI's public client (native app: PKCE with loopback redirects, and the device
       * grant where the IdP has it). Written to config.json; the API accepts its ID tokens too.
       */
      nativeClientId: z.string().min(1, 'must not be empty').optional(),
      /**
       * A fixed loopback redirect URI for the CLI, for IdPs that match redirect URIs exactly, port
       * included (Cognito: `http://localhost:8400/callback`). Unset: any port on 127.0.0.1 (RFC 8252).
       */
      nativeRedirectUri: z
        .url({ protocol: /^http$/, hostname: /^(127\.0\.0\.1|localhost|\[::1\])$/ })
        .optional(),
      /** The `aud` of access tokens; the client id when the IdP issues access tokens for it. */
      audience: z.string().min(1, 'must not be empty').optional(),
      /** The claim carrying the user's groups (or app roles). */
      groupsClaim: claimNameSchema.optional(),
      /** Splits a groups claim sent as one string. */
      groupsSeparator: z.enum([',', ' ', ';']).optional(),
      /** The ID-token claim with the person's e-mail address (`upn` for Entra ID, say). */
      emailClaim: claimNameSchema.optional(),
      /** Refuse ID tokens whose `email` is marked `email_verified: false`. */
      requireEmailVerified: z.boolean().default(true),
      /** Which token carries the groups claim. */
      groupsSource: z.enum(['idToken', 'accessToken']).optional(),
      /** Require `typ: at+jwt` on access tokens (RFC 9068); Entra ID and Cognito do not set it. */
      requireAccessTokenJwtType: z.boolean().optional(),
      /** Where access tokens name `audience`: `aud`, or `client_id` (Cognito). */
      accessTokenAudienceClaim: z.enum(['aud', 'client_id']).optional(),
      /** Without `at+jwt` (and with `aud` audiences): the claim only access tokens carry. */
      accessTokenClaim: claimNameSchema.optional(),
      /** `jwt`, or `bound`: an opaque access token tied to the ID token by `at_hash` (Google). */
      accessTokenFormat: z.enum(['jwt', 'bound']).optional(),
      /** The claims that must be equal in the two tokens (Okta: `uid` ↔ `sub`). */
      accessTokenIdentityClaim: claimNameSchema.optional(),
      idTokenIdentityClaim: claimNameSchema.optional(),
      /** Scopes the SPA asks for, written to config.json. */
      scope: scopeSchema.optional(),
      /** Extra authorize parameters, e.g. `audience` (Auth0) or `resource` (RFC 8707). */
      authorizeParams: authorizeParamsSchema.optional(),
      /** What proves MFA for step-up rules; each field replaces the provider's default. */
      mfa: mfaEvidenceOverridesSchema.optional(),
      /** Further origins the browser calls during sign-in (Cognito's hosted-UI domain). */
      browserOrigins: z.array(httpsOrigin).default([]),
    }),
    spa: z.strictObject({
      /** Where the SPA is served from: the only CORS origin and the IdP's redirect origin. */
      origin: httpsOrigin,
      /** A custom domain for CloudFront; needs certificateArn. */
      domainName: domainName.optional(),
      certificateArn: cloudFrontCertificateArn.optional(),
    }),
    /** The access policy, relative to the repository root. */
    policyFile: z.string().min(1).default('config/policy.example.yaml'),
    notifications: z
      .strictObject({
        /** E-mail subscriptions to the request-events topic, each filtered to its audience. */
        recipients: z.array(notificationRecipient).default([]),
        /**
         * Personal e-mail through SES: `identity` is the verified domain (or address) in this
         * account and region, `from` the sender on it. Unset: no personal e-mail.
         */
        ses: z
          .strictObject({
            identity: z.string().min(3).max(253),
            from: z.string().min(3).max(320),
            /**
             * SendEmail calls per second each sending function may make: at most the account's
             * SES maximum send rate (sandbox 1) divided by the senders (notifier, sweeper).
             */
            maxSendRatePerSecond: z.number().positive().max(1000).default(1),
            /**
             * The account's SES daily sending quota (messages per 24 hours), if known: an alarm
             * fires when a day's sends reach 80 % of it. Unset: no quota alarm.
             */
            dailyQuota: z.number().int().positive().optional(),
          })
          .optional(),
        /** The Elevate Slack app: its secret is created empty; put `{ botToken, signingSecret }` in it. */
        slack: z
          .strictObject({
            /** Room posts: Slack channel ids by account id, by policy rule id, and a default. */
            channels: z
              .strictObject({
                byAccount: z.record(z.string().regex(/^\d{12}$/), z.string().min(1)).optional(),
                byRule: z.record(z.string().min(1), z.string().min(1)).optional(),
                default: z.string().min(1).optional(),
              })
              .default({}),
            /** Also DM each person concerned (found by e-mail). */
            directMessages: z.boolean().default(true),
          })
          .optional(),
        /** Teams through a workflow webhook: its secret is created empty; put `{ webhookUrl }` in it. */
        teams: z.strictObject({ enabled: z.literal(true) }).optional(),
        /** People not signed in within this many days are not addressed personally. */
        activeWithinDays: z.number().int().min(1).max(3650).default(30),
        /** Reviewers are reminded after this many minutes pending. */
        reminderAfterMinutes: z.number().int().min(5).max(43200).default(240),
        /** Admins are told after this many minutes pending (0: never). */
        escalateAfterMinutes: z.number().int().min(0).max(43200).default(1440),
        /** The requester is warned this many minutes before a pending request expires (0: never). */
        expiryWarningMinutes: z.number().int().min(0).max(10080).default(60),
        /** Replaced by `recipients`: an unfiltered subscription received every message. */
        emails: z
          .never({
            error:
              'replaced by notifications.recipients: give each address an audience (reviewers, security or requester)',
          })
          .optional(),
      })
      .default({
        recipients: [],
        activeWithinDays: 30,
        reminderAfterMinutes: 240,
        escalateAfterMinutes: 1440,
        expiryWarningMinutes: 60,
      }),
    sts: z
      .strictObject({
        /** Regional STS endpoints in the order the federate function tries them. */
        regions: z.array(region).min(1, 'list at least one region'),
      })
      .optional(),
    targetRoles: z
      .strictObject({
        /** What `sts:RoleSessionName` must match; the broker names sessions after the user's e-mail. */
        sessionNamePattern: sessionNamePattern.default('*@*'),
        /** Managed policies attached to each target role, by role name (the operator's choice). */
        managedPolicyArns: z
          .record(z.string().min(1), z.array(managedPolicyArn).min(1))
          .default({}),
        /** An SNS topic ARN told of IAM writes by brokered sessions (needs a trail; us-east-1). */
        iamWriteAlarmTopicArn: z
          .string()
          .regex(/^arn:aws[\w-]*:sns:[\w-]+:\d{12}:[\w-]{1,256}$/, 'expected an SNS topic ARN')
          .optional(),
      })
      .default({ sessionNamePattern: '*@*', managedPolicyArns: {} }),
    api: z
      .strictObject({
        /** Steady-state requests per second across the stage. */
        rateLimit: z.number().int().min(1).max(10000).default(50),
        burstLimit: z.number().int().min(1).max(5000).default(100),
      })
      .default({ rateLimit: 50, burstLimit: 100 }),
    logs: z
      .strictObject({
        retentionDays: retentionDays.default(365),
        /**
         * Map stack traces to the TypeScript sources (`NODE_OPTIONS=--enable-source-maps`). The maps
         * ship beside every bundle either way; loading them adds ~50 ms to each cold start.
         */
        sourceMaps: z.boolean().default(false),
      })
      .default({ retentionDays: 365, sourceMaps: false }),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.notifications.recipients.forEach((recipient, index) => {
      const address = recipient.email.toLowerCase();
      if (seen.has(address)) {
        ctx.addIssue({
          code: 'custom',
          path: ['notifications', 'recipients', index, 'email'],
          message:
            'each address subscribes once, with one audience (use a second address or a mail alias for another audience)',
        });
      }
      seen.add(address);
    });
    const { spa } = config;
    if ((spa.domainName === undefined) !== (spa.certificateArn === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['spa', spa.domainName === undefined ? 'domainName' : 'certificateArn'],
        message: 'spa.domainName and spa.certificateArn go together: give both or neither',
      });
    }
    if (spa.domainName !== undefined && spa.origin !== `https://${spa.domainName}`) {
      ctx.addIssue({
        code: 'custom',
        path: ['spa', 'origin'],
        message: `must be https://${spa.domainName} when spa.domainName is set`,
      });
    }
  })
  .transform((config) => {
    const { idp } = config;
    const provider = idp.provider ?? defaultProviderFor(idp.issuer);
    const audience = idp.audience ?? idp.clientId;
    return {
      ...config,
      idp: {
        issuer: idp.issuer,
        clientId: idp.clientId,
        audience,
        requireEmailVerified: idp.requireEmailVerified,
        browserOrigins: idp.browserOrigins,
        nativeClientId: idp.nativeClientId,
        nativeRedirectUri: idp.nativeRedirectUri,
        /** Every IdP setting, the provider's defaults under the operator's overrides. */
        settings: resolveIdpSettings(provider, audience, {
          scope: idp.scope,
          authorizeParams: idp.authorizeParams,
          accessTokenAudienceClaim: idp.accessTokenAudienceClaim,
          accessTokenFormat: idp.accessTokenFormat,
          requireAccessTokenType: idp.requireAccessTokenJwtType,
          accessTokenClaim: idp.accessTokenClaim,
          accessTokenIdentityClaim: idp.accessTokenIdentityClaim,
          idTokenIdentityClaim: idp.idTokenIdentityClaim,
          emailClaim: idp.emailClaim,
          groupsClaim: idp.groupsClaim,
          groupsSource: idp.groupsSource,
          groupsSeparator: idp.groupsSeparator,
          mfa: idp.mfa,
        }),
      },
      sts: config.sts ?? { regions: [config.region] },
    };
  });

/** The deployment as validated, with defaults filled in. */
export type DeployConfig = z.output<typeof deployConfigSchema>;
