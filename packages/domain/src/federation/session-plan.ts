import type { DomainError } from '../domain-error';
import { domainError } from '../domain-error';
import type { Result } from '../result';
import { err, ok } from '../result';
import { earlierOf, toIso, toMillis } from '../time';
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
}

export interface SessionPlan {
  readonly durationSeconds: number;
  /** Inline session policy JSON, present when the window ends before the credentials would. */
  readonly sessionPolicy?: string;
  /** When access through this session stops: credential expiry, or the window's end if earlier. */
  readonly expiresAt: string;
}

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
    Statement: [
      { Sid: 'WithinTheRole', Effect: 'Allow', Action: '*', Resource: '*' },
      {
        Sid: 'NotAfterTheElevateWindow',
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { DateGreaterThan: { 'aws:CurrentTime': denyAfter } },
      },
    ],
  });

const clamp = (value: number, low: number, high: number): number =>
  Math.min(high, Math.max(low, value));

/**
 * DurationSeconds = min(configured, 3600, seconds left in the window), never below 900. When fewer
 * than 900 s remain, the session still gets 900 s (STS's floor) and the deny-after policy ends it
 * with the window. The policy is attached whenever the credentials could outlive the window
 * (allowing CLOCK_MARGIN_SECONDS for STS's clock); otherwise none is sent.
 */
export const sessionPlanFor = (input: SessionPlanInput): Result<SessionPlan, DomainError> => {
  const { now, window } = input;
  switch (phaseOfWindow(window, now)) {
    case 'scheduled':
      return err(
        domainError(
          'WINDOW_NOT_OPEN',
          `Your access window opens at ${window.startsAt}; sessions can start then.`,
        ),
      );
    case 'over':
      return err(
        domainError(
          'WINDOW_OVER',
          'The access window is over; submit a new request for more access.',
        ),
      );
    case 'active':
      break;
  }
  const left = secondsLeftInWindow(window, now);
  // Under a second left: nothing useful can be issued, and the window is over by the time STS answers.
  if (left < 1)
    return err(
      domainError(
        'WINDOW_OVER',
        'The access window is over; submit a new request for more access.',
      ),
    );
  const cap = clamp(
    Math.floor(input.configuredSessionSeconds),
    SESSION_LIMITS.minSeconds,
    SESSION_LIMITS.roleChainingMaxSeconds,
  );
  const durationSeconds = Math.max(SESSION_LIMITS.minSeconds, Math.min(cap, left));
  const credentialsExpireAt = toIso(toMillis(now) + durationSeconds * 1000);
  if (durationSeconds + CLOCK_MARGIN_SECONDS <= left)
    return ok({ durationSeconds, expiresAt: credentialsExpireAt });
  const denyAfter = denyAfterOf(window);
  return ok({
    durationSeconds,
    sessionPolicy: denyAfterPolicy(denyAfter),
    expiresAt: earlierOf(credentialsExpireAt, toIso(toMillis(denyAfter))),
  });
};
