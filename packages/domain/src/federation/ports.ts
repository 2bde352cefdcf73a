import type { PersonRef } from '../actor';
import type { RepositoryError } from '../ports/access-request-repository';
import type { Result } from '../result';
import type { SessionTag } from './session-tags';

/** What to ask STS for; every field already derived and validated by the domain. */
export interface IssueCredentialsInput {
  readonly roleArn: string;
  readonly roleSessionName: string;
  readonly sourceIdentity: string;
  /** Sent as session tags, none transitive. */
  readonly tags: readonly SessionTag[];
  readonly durationSeconds: number;
  /** Inline session policy JSON (≤ 2048 characters). */
  readonly sessionPolicy?: string;
}

/** Temporary credentials: the secret key and token never reach a log, a table or an error. */
export interface SessionCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** ISO-8601 UTC. */
  readonly expiration: string;
}

export interface IssuedCredentials extends SessionCredentials {
  /** The STS region that answered (the deployment region, or a failover one). */
  readonly region: string;
  /** `arn:aws:sts::<account>:assumed-role/<role>/<session name>`, as CloudTrail will show it. */
  readonly assumedRoleArn?: string;
}

/** Issues temporary credentials for a target role on behalf of a person (AssumeRole in AWS). */
export interface CredentialIssuer {
  issue(input: IssueCredentialsInput): Promise<IssuedCredentials>;
}

export const CREDENTIAL_ISSUE_FAILURES = [
  /** STS refused: the target role does not trust the broker, or a condition failed. Final. */
  'denied',
  /** STS found the input invalid (name, tags, policy, duration). Final; a bug on our side. */
  'invalid',
  /** No region answered in time (throttling, 5xx, network, timeout). Worth retrying later. */
  'unavailable',
] as const;
export type CredentialIssueFailure = (typeof CREDENTIAL_ISSUE_FAILURES)[number];

/** Why no credentials were issued. Its message carries STS's error code, never an input secret. */
export class CredentialIssueError extends Error {
  override readonly name = 'CredentialIssueError';
  constructor(
    readonly failure: CredentialIssueFailure,
    /** STS's error code of the last attempt, e.g. AccessDenied, Throttling, TimeoutError. */
    readonly stsCode: string,
    /** Regions tried, in order, with repeats for later rounds. */
    readonly regionsTried: readonly string[],
    message: string,
  ) {
    super(message);
  }
}

export interface ConsoleSignInInput {
  readonly credentials: SessionCredentials;
  /** Console region for the default destination. */
  readonly region: string;
  /** A validated console path (`/s3/home`) or console URL; the region's console home when absent. */
  readonly destination?: string;
}

/** Turns temporary credentials into a one-time console sign-in URL. The URL is a secret. */
export interface ConsoleSignIn {
  signInUrl(input: ConsoleSignInInput): Promise<string>;
}

/** Why no sign-in URL was produced; never carries the token, the URL or the credentials. */
export class ConsoleSignInError extends Error {
  override readonly name = 'ConsoleSignInError';
  constructor(
    readonly failure: 'refused' | 'unavailable',
    message: string,
  ) {
    super(message);
  }
}

export const SESSION_RECORD_KINDS = ['console', 'cli'] as const;
export type SessionRecordKind = (typeof SESSION_RECORD_KINDS)[number];

/**
 * One issued session, written next to its request before any credentials leave the broker. It
 * identifies the session (the AccessKeyId ties CloudTrail events to the request) and never holds
 * the secret key, session token, sign-in token or sign-in URL.
 */
export interface SessionRecord {
  readonly id: string;
  readonly requestId: string;
  readonly kind: SessionRecordKind;
  /** Who asked for it: the requester, as the tokens of the federate call named them. */
  readonly issuedBy: PersonRef;
  readonly roleArn: string;
  readonly accountId: string;
  readonly accessKeyId: string;
  /** As CloudTrail shows them: `assumed-role/<role>/<roleSessionName>`, `sessionContext.sourceIdentity`. */
  readonly roleSessionName: string;
  readonly sourceIdentity: string;
  /** When access through the session stops (credential expiry, or the window's end if earlier). */
  readonly expiresAt: string;
  /** The STS region that issued the credentials (the deployment region or a failover one). */
  readonly region: string;
  readonly sourceIp?: string;
  readonly userAgent?: string;
  readonly issuedAt: string;
}

/** Where session records live, next to their requests. Records are written once, never changed. */
export interface SessionRecordRepository {
  /** Stores a new record; the same record (request, issue time, id) again is `ALREADY_EXISTS`, never an overwrite. */
  record(session: SessionRecord): Promise<Result<SessionRecord, RepositoryError>>;
  /**
   * Starts what recording a session of this request will need, so that a store's read (the
   * DynamoDB one reads the request's session chain head) overlaps the caller's checks instead of
   * following them; the function returned records like `record`, for this request only. Nothing is
   * written before it is called. Optional: without it, `record` does the whole work.
   */
  prepare?(
    requestId: string,
  ): (session: SessionRecord) => Promise<Result<SessionRecord, RepositoryError>>;
  /** Every session of one request, oldest first. */
  listForRequest(requestId: string): Promise<readonly SessionRecord[]>;
}
