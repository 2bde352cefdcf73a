import type { DomainError } from '../domain-error';
import { domainError } from '../domain-error';
import type { Result } from '../result';
import { err, ok } from '../result';
import { earlierOf, toIso, toMillis } from '../time';
import type { AccessPhase } from '../vocabulary';
import type { AccessWindow } from '../window';
import { phaseOfWindow, secondsLeftInWindow } from '../window';

export const SESSION_LIMITS = {
  /** STS's floor for DurationSeconds. */
  minSeconds: 900,
  /** The federate function's role assumes target roles: role chaining caps sessions at one hour. */
  roleChainingMaxSeconds: 3600,
  /** STS's plaintext limit for an inline session policy. */
  maxSessionPolicyChars: 2048,
} as const;

/**
 * How late STS may start the credentials' clock after our `now` (latency, clock skew). When the
 * window ends less than this after the credentials would, the deny-after policy is attached anyway.
 */
export const CLOCK_MARGIN_SECONDS = 60;

export interface SessionPlanInput {
  readonly now: string;
  readonly window: AccessWindow;
  /** The deployment's session length; clamped to 900–3600. */
  readonly configuredSessionSeconds: number;
  /** The rule lets brokered sessions assume other roles; otherwise the session policy denies it. */
  readonly allowRoleChaining?: boolean;
}

export interface SessionPlan {
  readonly durationSeconds: number;
  /**
   * Inline session policy JSON: denies role chaining (unless the rule allows it) and, when the
   * window ends before the credentials would, everything after the window. Absent when neither applies.
   */
  readonly sessionPolicy?: string;
  /** True when the window ends before the credentials would, so `expiresAt` is the window's end. */
  readonly endsWithWindow: boolean;
  /** When access through this session stops: credential expiry, or the window's end if earlier. */
  readonly expiresAt: string;
}

/**
 * What a brokered session may not do: obtain another session (assume a role, get a federation
 * token). A session policy binds only the session it is attached to, so a chained session would
 * escape both the window's deny-after and a revocation; this closes that door.
 */
export const ROLE_CHAINING_ACTIONS = ['sts:AssumeRole*', 'sts:GetFederationToken'] as const;

const allowWithinTheRole = { Sid: 'WithinTheRole', Effect: 'Allow', Action: '*', Resource: '*' };
const denyRoleChaining = {
  Sid: 'NoSessionsOutOfElevateSessions',
  Effect: 'Deny',
  Action: [...ROLE_CHAINING_ACTIONS],
  Resource: '*',
};
const denyAfterStatement = (denyAfter: string) => ({
  Sid: 'NotAfterTheElevateWindow',
  Effect: 'Deny',
  Action: '*',
  Resource: '*',
  Condition: { DateGreaterThan: { 'aws:CurrentTime': denyAfter } },
});

/** The session policy: everything the role allows, minus chaining (unless allowed) and minus time after `denyAfter`. */
export const sessionPolicyOf = (options: {
  readonly allowRoleChaining: boolean;
  readonly denyAfter?: string;
}): string | undefined => {
  const statements = [
    ...(options.allowRoleChaining ? [] : [denyRoleChaining]),
    ...(options.denyAfter === undefined ? [] : [denyAfterStatement(options.denyAfter)]),
  ];
  return statements.length === 0
    ? undefined
    : JSON.stringify({ Version: '2012-10-17', Statement: [allowWithinTheRole, ...statements] });
};

const windowOver = (): DomainError =>
  domainError('WINDOW_OVER', 'The access window is over; submit a new request for more access.');

/** Why no session can start in a window that is not open at this phase; undefined while it is. */
export const closedWindowRefusal = (
  window: AccessWindow,
  phase: AccessPhase,
): DomainError | undefined => {
  switch (phase) {
    case 'scheduled':
      return domainError(
        'WINDOW_NOT_OPEN',
        `Your access window opens at ${window.startsAt}; sessions can start then.`,
      );
    case 'over':
      return windowOver();
    case 'active':
      return undefined;
  }
};

/** The window's end, down to the whole second, so the deny never starts later than the window ends. */
const denyAfterOf = (window: AccessWindow): string =>
  toIso(Math.floor(toMillis(window.endsAt) / 1000) * 1000).replace('.000Z', 'Z');

/**
 * Allows whatever the role allows, and denies everything once `aws:CurrentTime` is past the window's
 * end, so credentials that outlive the window stop working exactly when it closes.
 */
export const denyAfterPolicy = (denyAfter: string): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [allowWithinTheRole, denyAfterStatement(denyAfter)],
  });

const clamp = (value: number, low: number, high: number): number =>
  Math.min(high, Math.max(low, value));

/**
 * DurationSeconds = min(configured, 3600, seconds left in the window), never below 900. When fewer
 * than 900 s remain, the session still gets 900 s (STS's floor) and the deny-after policy ends it
 * with the window. The deny-after is attached whenever the credentials could outlive the window
 * (allowing CLOCK_MARGIN_SECONDS for STS's clock); the role-chaining deny always, unless the rule
 * allows chaining.
 */
export const sessionPlanFor = (input: SessionPlanInput): Result<SessionPlan, DomainError> => {
  const { now, window } = input;
  const closed = closedWindowRefusal(window, phaseOfWindow(window, now));
  if (closed !== undefined) return err(closed);
  const left = secondsLeftInWindow(window, now);
  // Under a second left: nothing useful can be issued, and the window is over by the time STS answers.
  if (left < 1) return err(windowOver());
  const cap = clamp(
    Math.floor(input.configuredSessionSeconds),
    SESSION_LIMITS.minSeconds,
    SESSION_LIMITS.roleChainingMaxSeconds,
  );
  const durationSeconds = Math.max(SESSION_LIMITS.minSeconds, Math.min(cap, left));
  const credentialsExpireAt = toIso(toMillis(now) + durationSeconds * 1000);
  const allowRoleChaining = input.allowRoleChaining ?? false;
  if (durationSeconds + CLOCK_MARGIN_SECONDS <= left) {
    const sessionPolicy = sessionPolicyOf({ allowRoleChaining });
    return ok({
      durationSeconds,
      ...(sessionPolicy === undefined ? {} : { sessionPolicy }),
      endsWithWindow: false,
      expiresAt: credentialsExpireAt,
    });
  }
  const denyAfter = denyAfterOf(window);
  return ok({
    durationSeconds,
    sessionPolicy: sessionPolicyOf({ allowRoleChaining, denyAfter }) ?? denyAfterPolicy(denyAfter),
    endsWithWindow: true,
    expiresAt: earlierOf(credentialsExpireAt, toIso(toMillis(denyAfter))),
  });
};
