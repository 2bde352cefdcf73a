import * as z from 'zod/mini';
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
  .check(z.regex(/^\d{12}$/, 'expected a 12-digit account id'));

const region = z
  .string()
  .check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected an AWS region name such as eu-west-1'));

const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https URL' });

/** An origin is scheme + host (+ port): no path, query or trailing slash, as browsers send it. */
const httpsOrigin = httpsUrl.check(
  z.refine((value) => new URL(value).origin === value, {
    message: 'must be an origin like https://elevate.example.com (no path, no trailing slash)',
  }),
);

const domainName = z
  .string()
  .check(
    z.regex(
      /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
      'expected a lower-case DNS name such as elevate.example.com',
    ),
  );

/** CloudFront only accepts ACM certificates from us-east-1. */
const cloudFrontCertificateArn = z
  .string()
  .check(
    z.regex(
      /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/,
      'expected an ACM certificate ARN in us-east-1 (CloudFront only uses certificates from us-east-1)',
    ),
  );

const managedPolicyArn = z
  .string()
  .check(
    z.regex(
      /^arn:aws[a-z-]*:iam::(aws|\d{12}):policy\/[\w+=,.@/-]+$/,
      'expected a managed policy ARN such as arn:aws:iam::aws:policy/ReadOnlyAccess',
    ),
  );

/** `sts:RoleSessionName` patterns use IAM's StringLike wildcards over STS's session-name alphabet. */
const sessionNamePattern = z
  .string()
  .check(
    z.regex(
      /^[\w+=,.@*?-]{1,64}$/,
      'expected a StringLike pattern over [\\w+=,.@-] with * and ? wildcards',
    ),
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
    reviewerGroups: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1))),
    /** Only urgent messages (break-glass use, revocation). */
    urgentOnly: z._default(z.boolean(), false),
  })
  .check(
    z.superRefine((recipient, ctx) => {
      if (recipient.reviewerGroups !== undefined && recipient.audience !== 'reviewers') {
        ctx.addIssue({
          code: 'custom',
          path: ['reviewerGroups'],
          message: 'only a reviewers recipient can be narrowed to reviewer groups',
        });
      }
    }),
  );

/** CloudWatch Logs accepts only these retention periods. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;

const retentionDays = z.number().check(
  z.int(),
  z.refine((days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days), {
    message: `expected one of CloudWatch Logs' retention periods: ${LOG_RETENTION_DAYS.join(', ')}`,
  }),
);

export const deployConfigSchema = z.pipe(
  z
    .strictObject({
      /** Prefix of stack names and of the one fixed role name (the federate role's). */
      name: z._default(
        z
          .string()
          .check(
            z.regex(
              /^[a-z][a-z0-9-]{1,30}$/,
              'expected a lower-case name, 2-31 characters of a-z0-9-',
            ),
          ),
        'elevate',
      ),
      /** The dedicated AWS account Elevate runs in. */
      account: accountId,
      /** The home region: table, API, functions, topics. */
      region,
      idp: z.strictObject({
        /**
         * Fills in every setting below that is not given, as the provider documents its tokens
         * (docs/deploy.md). Default: `cognito` for a Cognito user pool issuer, else `generic`.
         */
        provider: z.optional(z.enum(IDP_PROVIDERS)),
        /** The OIDC issuer URL exactly as it appears in tokens' `iss`. */
        issuer: httpsUrl,
        /** The SPA's public client id (Authorization Code + PKCE). */
        clientId: z.string().check(z.minLength(1, 'must not be empty')),
        /**
         * The `elevate` CLI's public client (native app: PKCE with loopback redirects, and the device
         * grant where the IdP has it). Written to config.json; the API accepts its ID tokens too.
         */
        nativeClientId: z.optional(z.string().check(z.minLength(1, 'must not be empty'))),
        /**
         * A fixed loopback redirect URI for the CLI, for IdPs that match redirect URIs exactly, port
         * included (Cognito: `http://localhost:8400/callback`). Unset: any port on 127.0.0.1 (RFC 8252).
         */
        nativeRedirectUri: z.optional(
          z.url({ protocol: /^http$/, hostname: /^(127\.0\.0\.1|localhost|\[::1\])$/ }),
        ),
        /** The `aud` of access tokens; the client id when the IdP issues access tokens for it. */
        audience: z.optional(z.string().check(z.minLength(1, 'must not be empty'))),
        /** The claim carrying the user's groups (or app roles). */
        groupsClaim: z.optional(claimNameSchema),
        /** Splits a groups claim sent as one string. */
        groupsSeparator: z.optional(z.enum([',', ' ', ';'])),
        /** The ID-token claim with the person's e-mail address (`upn` for Entra ID, say). */
        emailClaim: z.optional(claimNameSchema),
        /** Refuse ID tokens whose `email` is marked `email_verified: false`. */
        requireEmailVerified: z._default(z.boolean(), true),
        /** Which token carries the groups claim. */
        groupsSource: z.optional(z.enum(['idToken', 'accessToken'])),
        /** Require `typ: at+jwt` on access tokens (RFC 9068); Entra ID and Cognito do not set it. */
        requireAccessTokenJwtType: z.optional(z.boolean()),
        /** Where access tokens name `audience`: `aud`, or `client_id` (Cognito). */
        accessTokenAudienceClaim: z.optional(z.enum(['aud', 'client_id'])),
        /** Without `at+jwt` (and with `aud` audiences): the claim only access tokens carry. */
        accessTokenClaim: z.optional(claimNameSchema),
        /** `jwt`, or `bound`: an opaque access token tied to the ID token by `at_hash` (Google). */
        accessTokenFormat: z.optional(z.enum(['jwt', 'bound'])),
        /** The claims that must be equal in the two tokens (Okta: `uid` ↔ `sub`). */
        accessTokenIdentityClaim: z.optional(claimNameSchema),
        idTokenIdentityClaim: z.optional(claimNameSchema),
        /** Scopes the SPA asks for, written to config.json. */
        scope: z.optional(scopeSchema),
        /** Extra authorize parameters, e.g. `audience` (Auth0) or `resource` (RFC 8707). */
        authorizeParams: z.optional(authorizeParamsSchema),
        /** What proves MFA for step-up rules; each field replaces the provider's default. */
        mfa: z.optional(mfaEvidenceOverridesSchema),
        /** Further origins the browser calls during sign-in (Cognito's hosted-UI domain). */
        browserOrigins: z._default(z.array(httpsOrigin), []),
      }),
      spa: z.strictObject({
        /** Where the SPA is served from: the only CORS origin and the IdP's redirect origin. */
        origin: httpsOrigin,
        /** A custom domain for CloudFront; needs certificateArn. */
        domainName: z.optional(domainName),
        certificateArn: z.optional(cloudFrontCertificateArn),
      }),
      /** The access policy, relative to the repository root. */
      policyFile: z._default(z.string().check(z.minLength(1)), 'config/policy.example.yaml'),
      notifications: z._default(
        z.strictObject({
          /** E-mail subscriptions to the request-events topic, each filtered to its audience. */
          recipients: z._default(z.array(notificationRecipient), []),
          /**
           * Personal e-mail through SES: `identity` is the verified domain (or address) in this
           * account and region, `from` the sender on it. Unset: no personal e-mail.
           */
          ses: z.optional(
            z.strictObject({
              identity: z.string().check(z.minLength(3), z.maxLength(253)),
              from: z.string().check(z.minLength(3), z.maxLength(320)),
              /**
               * SendEmail calls per second each sending function may make: at most the account's
               * SES maximum send rate (sandbox 1) divided by the senders (notifier, sweeper).
               */
              maxSendRatePerSecond: z._default(z.number().check(z.positive(), z.maximum(1000)), 1),
              /**
               * The account's SES daily sending quota (messages per 24 hours), if known: an alarm
               * fires when a day's sends reach 80 % of it. Unset: no quota alarm.
               */
              dailyQuota: z.optional(z.number().check(z.int(), z.positive())),
            }),
          ),
          /** The Elevate Slack app: its secret is created empty; put `{ botToken, signingSecret }` in it. */
          slack: z.optional(
            z.strictObject({
              /** Room posts: Slack channel ids by account id, by policy rule id, and a default. */
              channels: z._default(
                z.strictObject({
                  byAccount: z.optional(
                    z.record(
                      z.string().check(z.regex(/^\d{12}$/)),
                      z.string().check(z.minLength(1)),
                    ),
                  ),
                  byRule: z.optional(
                    z.record(z.string().check(z.minLength(1)), z.string().check(z.minLength(1))),
                  ),
                  default: z.optional(z.string().check(z.minLength(1))),
                }),
                {},
              ),
              /** Also DM each person concerned (found by e-mail). */
              directMessages: z._default(z.boolean(), true),
            }),
          ),
          /** Teams through a workflow webhook: its secret is created empty; put `{ webhookUrl }` in it. */
          teams: z.optional(z.strictObject({ enabled: z.literal(true) })),
          /** People not signed in within this many days are not addressed personally. */
          activeWithinDays: z._default(
            z.number().check(z.int(), z.minimum(1), z.maximum(3650)),
            30,
          ),
          /** Reviewers are reminded after this many minutes pending. */
          reminderAfterMinutes: z._default(
            z.number().check(z.int(), z.minimum(5), z.maximum(43200)),
            240,
          ),
          /** Admins are told after this many minutes pending (0: never). */
          escalateAfterMinutes: z._default(
            z.number().check(z.int(), z.minimum(0), z.maximum(43200)),
            1440,
          ),
          /** The requester is warned this many minutes before a pending request expires (0: never). */
          expiryWarningMinutes: z._default(
            z.number().check(z.int(), z.minimum(0), z.maximum(10080)),
            60,
          ),
          /** Replaced by `recipients`: an unfiltered subscription received every message. */
          emails: z.optional(
            z.never({
              error:
                'replaced by notifications.recipients: give each address an audience (reviewers, security or requester)',
            }),
          ),
        }),
        {
          recipients: [],
          activeWithinDays: 30,
          reminderAfterMinutes: 240,
          escalateAfterMinutes: 1440,
          expiryWarningMinutes: 60,
        },
      ),
      sts: z.optional(
        z.strictObject({
          /** Regional STS endpoints in the order the federate function tries them. */
          regions: z.array(region).check(z.minLength(1, 'list at least one region')),
        }),
      ),
      targetRoles: z._default(
        z.strictObject({
          /** What `sts:RoleSessionName` must match; the broker names sessions after the user's e-mail. */
          sessionNamePattern: z._default(sessionNamePattern, '*@*'),
          /** Managed policies attached to each target role, by role name (the operator's choice). */
          managedPolicyArns: z._default(
            z.record(
              z.string().check(z.minLength(1)),
              z.array(managedPolicyArn).check(z.minLength(1)),
            ),
            {},
          ),
          /** An SNS topic ARN told of IAM writes by brokered sessions (needs a trail; us-east-1). */
          iamWriteAlarmTopicArn: z.optional(
            z
              .string()
              .check(
                z.regex(
                  /^arn:aws[\w-]*:sns:[\w-]+:\d{12}:[\w-]{1,256}$/,
                  'expected an SNS topic ARN',
                ),
              ),
          ),
        }),
        { sessionNamePattern: '*@*', managedPolicyArns: {} },
      ),
      api: z._default(
        z.strictObject({
          /** Steady-state requests per second across the stage. */
          rateLimit: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(10000)), 50),
          burstLimit: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(5000)), 100),
        }),
        { rateLimit: 50, burstLimit: 100 },
      ),
      logs: z._default(
        z.strictObject({
          retentionDays: z._default(retentionDays, 365),
          /**
           * Map stack traces to the TypeScript sources (`NODE_OPTIONS=--enable-source-maps`). The maps
           * ship beside every bundle either way; loading them adds ~50 ms to each cold start.
           */
          sourceMaps: z._default(z.boolean(), false),
        }),
        { retentionDays: 365, sourceMaps: false },
      ),
    })
    .check(
      z.superRefine((config, ctx) => {
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
      }),
    ),
  z.transform((config) => {
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
  }),
);

/** The deployment as validated, with defaults filled in. */
export type DeployConfig = z.output<typeof deployConfigSchema>;
