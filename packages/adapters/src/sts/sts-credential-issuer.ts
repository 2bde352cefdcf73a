import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { STSClientConfig } from '@aws-sdk/client-sts';
import type { CredentialIssuer, IssueCredentialsInput, IssuedCredentials } from '@elevate/domain';
import { CredentialIssueError } from '@elevate/domain';
import { OUTBOUND_DEADLINES, traced } from '../outbound';
import { withoutSdkLogging } from '../sdk/without-sdk-logging';
import { classifyStsError } from './classify-sts-error';
import { RegionBreaker } from './region-breaker';

/** One AssumeRole attempt, for logs and metrics: never a credential, token or policy. */
export interface StsAttempt {
  readonly region: string;
  readonly outcome: 'issued' | 'retryable' | 'final';
  /** STS's error code, or '-' when issued. */
  readonly code: string;
  readonly elapsedMs: number;
}

export interface StsCredentialIssuerOptions {
  /** The deployment region first, then the failover regions, in order. */
  readonly regions: readonly string[];
  /** Per-region endpoint overrides (the local emulator); otherwise `https://sts.<region>.amazonaws.com`. */
  readonly endpoints?: Readonly<Record<string, string>>;
  /** The broker's own credentials; the SDK's default chain (the Lambda role) when absent. */
  readonly credentials?: STSClientConfig['credentials'];
  /** Upper bound for the whole call, all regions and rounds included. */
  readonly totalTimeoutMs?: number;
  /** Upper bound for one attempt in one region. */
  readonly attemptTimeoutMs?: number;
  /** Full jitter between rounds: random(0, min(maxBackoffMs, baseBackoffMs × 2^round)). */
  readonly baseBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** How long a region that just failed is tried only after the others (region-breaker.ts). */
  readonly regionCoolDownMs?: number;
  readonly onAttempt?: (attempt: StsAttempt) => void;
  /** Test seams. */
  readonly random?: () => number;
  readonly monotonicNow?: () => number;
}

export const STS_ISSUER_DEFAULTS = {
  totalTimeoutMs: OUTBOUND_DEADLINES.sts.totalMs,
  attemptTimeoutMs: OUTBOUND_DEADLINES.sts.attemptMs,
  baseBackoffMs: 100,
  maxBackoffMs: 1000,
  regionCoolDownMs: 30_000,
  /** Below this much time left an attempt cannot succeed; stop instead. */
  minAttemptMs: 50,
} as const;

export const regionalStsEndpoint = (region: string): string =>
  `https://sts.${region}.amazonaws.com`;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * AssumeRole through the regional STS endpoint of the deployment region, failing over in order to
 * the next regions on throttling, 5xx, network errors and timeouts, round after round with jittered
 * backoff, all within `totalTimeoutMs`. Final answers (AccessDenied, ValidationError) stop at once.
 * The SDK makes one attempt per call so that this loop alone decides retries and time.
 */
export class StsCredentialIssuer implements CredentialIssuer {
  private readonly clients = new Map<string, STSClient>();
  private readonly breaker: RegionBreaker;
  private readonly options: Required<
    Omit<StsCredentialIssuerOptions, 'credentials' | 'onAttempt' | 'endpoints'>
  > &
    Pick<StsCredentialIssuerOptions, 'credentials' | 'onAttempt' | 'endpoints'>;

  constructor(options: StsCredentialIssuerOptions) {
    if (options.regions.length === 0)
      throw new Error('StsCredentialIssuer needs at least one region');
    this.options = {
      totalTimeoutMs: STS_ISSUER_DEFAULTS.totalTimeoutMs,
      attemptTimeoutMs: STS_ISSUER_DEFAULTS.attemptTimeoutMs,
      baseBackoffMs: STS_ISSUER_DEFAULTS.baseBackoffMs,
      maxBackoffMs: STS_ISSUER_DEFAULTS.maxBackoffMs,
      regionCoolDownMs: STS_ISSUER_DEFAULTS.regionCoolDownMs,
      random: Math.random,
      monotonicNow: () => performance.now(),
      ...options,
    };
    this.breaker = new RegionBreaker({
      coolDownMs: this.options.regionCoolDownMs,
      now: this.options.monotonicNow,
    });
  }

  endpointFor(region: string): string {
    return this.options.endpoints?.[region] ?? regionalStsEndpoint(region);
  }

  async issue(input: IssueCredentialsInput): Promise<IssuedCredentials> {
    const { regions, totalTimeoutMs, attemptTimeoutMs, monotonicNow } = this.options;
    const startedAt = monotonicNow();
    const deadline = startedAt + totalTimeoutMs;
    const tried: string[] = [];
    let lastCode = 'TimeoutError';
    for (let round = 0; ; round++) {
      for (const region of this.breaker.order(regions)) {
        const remaining = deadline - monotonicNow();
        if (remaining < STS_ISSUER_DEFAULTS.minAttemptMs)
          return this.giveUp(tried, lastCode, totalTimeoutMs);
        tried.push(region);
        const attemptStart = monotonicNow();
        try {
          const issued = await this.attempt(region, input, Math.min(attemptTimeoutMs, remaining));
          this.report(region, 'issued', '-', attemptStart);
          this.breaker.succeeded(region);
          return issued;
        } catch (error) {
          const verdict = classifyStsError(error);
          lastCode = verdict.code;
          if (!verdict.retry) {
            this.report(region, 'final', verdict.code, attemptStart);
            throw new CredentialIssueError(
              verdict.failure,
              verdict.code,
              tried,
              `STS refused AssumeRole in ${region}: ${verdict.code}`,
            );
          }
          this.report(region, 'retryable', verdict.code, attemptStart);
          this.breaker.failed(region);
        }
      }
      const backoff =
        this.options.random() *
        Math.min(this.options.maxBackoffMs, this.options.baseBackoffMs * 2 ** round);
      const remaining = deadline - monotonicNow();
      if (remaining - backoff < STS_ISSUER_DEFAULTS.minAttemptMs)
        return this.giveUp(tried, lastCode, totalTimeoutMs);
      await sleep(backoff);
    }
  }

  /** Closes the SDK clients' sockets. */
  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }

  private giveUp(tried: readonly string[], lastCode: string, totalTimeoutMs: number): never {
    throw new CredentialIssueError(
      'unavailable',
      lastCode,
      tried,
      `No STS region issued credentials within ${totalTimeoutMs} ms (tried ${tried.join(', ') || 'none'}; last error ${lastCode})`,
    );
  }

  private report(
    region: string,
    outcome: StsAttempt['outcome'],
    code: string,
    attemptStart: number,
  ): void {
    this.options.onAttempt?.({
      region,
      outcome,
      code,
      elapsedMs: Math.round(this.options.monotonicNow() - attemptStart),
    });
  }

  private clientFor(region: string, timeoutMs: number): STSClient {
    const existing = this.clients.get(region);
    if (existing) return existing;
    // One client per region for the life of the process: its sockets, credentials and endpoint
    // resolution are reused by every call.
    const client = traced(
      withoutSdkLogging(
        new STSClient({
          region,
          endpoint: this.endpointFor(region),
          ...(this.options.credentials === undefined
            ? {}
            : { credentials: this.options.credentials }),
          maxAttempts: 1,
          // A backstop only: each attempt is also aborted at its own (possibly shorter) deadline.
          requestHandler: { connectionTimeout: timeoutMs, requestTimeout: timeoutMs },
        }),
      ),
    );
    this.clients.set(region, client);
    return client;
  }

  private async attempt(
    region: string,
    input: IssueCredentialsInput,
    timeoutMs: number,
  ): Promise<IssuedCredentials> {
    const client = this.clientFor(region, this.options.attemptTimeoutMs);
    const command = new AssumeRoleCommand({
      RoleArn: input.roleArn,
      RoleSessionName: input.roleSessionName,
      SourceIdentity: input.sourceIdentity,
      DurationSeconds: input.durationSeconds,
      Tags: input.tags.map((tag) => ({ Key: tag.key, Value: tag.value })),
      ...(input.sessionPolicy === undefined ? {} : { Policy: input.sessionPolicy }),
    });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const output = await client.send(command, { abortSignal: controller.signal });
      const credentials = output.Credentials;
      if (
        !credentials?.AccessKeyId ||
        !credentials.SecretAccessKey ||
        !credentials.SessionToken ||
        !credentials.Expiration
      ) {
        throw Object.assign(new Error('AssumeRole answered without credentials'), {
          name: 'IncompleteResponse',
          $fault: 'server',
        });
      }
      return {
        accessKeyId: credentials.AccessKeyId,
        secretAccessKey: credentials.SecretAccessKey,
        sessionToken: credentials.SessionToken,
        expiration: credentials.Expiration.toISOString(),
        region,
        ...(output.AssumedRoleUser?.Arn === undefined
          ? {}
          : { assumedRoleArn: output.AssumedRoleUser.Arn }),
      };
    } catch (error) {
      // Our own abort surfaces as AbortError; report it as the timeout it is.
      if (controller.signal.aborted)
        throw Object.assign(new Error(`No answer from STS in ${region} within ${timeoutMs} ms`), {
          name: 'TimeoutError',
        });
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
