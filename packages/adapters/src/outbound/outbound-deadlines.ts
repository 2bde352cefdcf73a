/**
 * Every outbound call's time bounds, in one place (docs/operations.md explains the numbers).
 * An attempt is bounded by `connectMs` to get a socket and `attemptMs` for the whole exchange; a
 * call makes at most `maxAttempts` attempts with full-jitter backoff between them, so its worst
 * case is about maxAttempts × attemptMs plus backoff. Each call also ends when its HTTP request's
 * budget does (see call-budget.ts), whichever comes first.
 */
export const OUTBOUND_DEADLINES = {
  /** The store: small items, usually single-digit ms; a slow answer is a sick store. */
  dynamodb: { connectMs: 500, attemptMs: 1_500, maxAttempts: 3 },
  /** E-mail through SNS, from the notifier only (never on a caller's path). */
  sns: { connectMs: 1_000, attemptMs: 3_000, maxAttempts: 2 },
  /** Slack incoming webhook, from the notifier only. */
  slack: { attemptMs: 5_000 },
  /** Personal e-mail through SES v2 SendEmail, from the notifier and sweeper only. */
  ses: { connectMs: 1_000, attemptMs: 3_000, maxAttempts: 2 },
  /** Slack Web API calls (chat.postMessage, chat.update, users.lookupByEmail), one attempt each. */
  slackApi: { attemptMs: 5_000 },
  /** A Teams workflow webhook post. */
  teams: { attemptMs: 5_000 },
  /** Secrets Manager GetSecretValue (Slack token and signing secret, Teams URL), cached after. */
  secretsManager: { connectMs: 1_000, attemptMs: 2_000, maxAttempts: 2 },
  /** The revoker's IAM calls and the STS AssumeRole before them: off every caller's path. */
  iam: { connectMs: 1_000, attemptMs: 5_000, maxAttempts: 3 },
  /** S3 (Insights exports, signed audit digests) from background jobs. */
  s3: { connectMs: 1_000, attemptMs: 10_000, maxAttempts: 3 },
  /** KMS Sign and GetPublicKey for the daily audit digest. */
  kms: { connectMs: 1_000, attemptMs: 3_000, maxAttempts: 3 },
  /** AWS federation endpoint (getSigninToken) for console links. */
  consoleSignIn: { attemptMs: 5_000 },
  /** STS AssumeRole: per region and attempt; regions and rounds share `totalMs`. */
  sts: { attemptMs: 3_000, totalMs: 8_000 },
  /**
   * A notifier's claim on one delivery: above the longest delivery (SNS 2 × 3 s, Slack 5 s) and
   * below the notifier function's 30 s timeout, so a retry after a timeout is never "busy".
   */
  deliveryLeaseSeconds: 20,
} as const;

/**
 * What one API request may spend in total, outbound calls included: below API Gateway's 29 s
 * integration limit and the API function's 15 s timeout (infra/src/stacks/function-specs.ts, whose
 * test checks it), so the caller always gets our problem+json rather than a gateway's bare 503/504.
 */
export const REQUEST_BUDGET_MS = 12_000;

/** Worst case of one call under these bounds (no backoff), for tests and docs. */
export const worstCaseMs = (deadline: { attemptMs: number; maxAttempts?: number }): number =>
  deadline.attemptMs * (deadline.maxAttempts ?? 1);
