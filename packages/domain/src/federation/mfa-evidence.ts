import type { Actor } from '../actor';
import type { Policy, StepUpRule } from '../policy/policy-schema';
import { isIsoInstant, secondsBetween } from '../time';

/**
 * What proves MFA in a sign-in, as the operator configured it for their IdP. Any one match is
 * enough: an `amr` value (RFC 8176: `mfa`, `otp`, `hwk`, …), an `acr` value, an Entra
 * authentication-context id in `acrs`, or — for IdPs whose tokens carry no per-sign-in signal
 * (Cognito) — the operator's statement that the IdP demands MFA of every sign-in.
 */
export interface MfaEvidence {
  readonly amr: readonly string[];
  readonly acr: readonly string[];
  readonly acrs: readonly string[];
  readonly enforcedByIdp: boolean;
}

/** The standards-only default: `mfa` in `amr`. */
export const DEFAULT_MFA_EVIDENCE: MfaEvidence = {
  amr: ['mfa'],
  acr: [],
  acrs: [],
  enforcedByIdp: false,
};

/** Whether the actor's sign-in shows MFA under `evidence`. */
export const signedInWithMfa = (actor: Actor, evidence: MfaEvidence): boolean =>
  evidence.enforcedByIdp ||
  actor.amr.some((method) => evidence.amr.includes(method)) ||
  (actor.acr !== undefined && evidence.acr.includes(actor.acr)) ||
  (actor.acrs ?? []).some((context) => evidence.acrs.includes(context));

/**
 * Whether the actor's sign-in satisfies a step-up rule at `now`: MFA by the configured evidence,
 * and recent enough by `auth_time` (which every profile's IdP can send).
 */
export const meetsStepUp = (
  actor: Actor,
  stepUp: StepUpRule,
  now: string,
  evidence: MfaEvidence = DEFAULT_MFA_EVIDENCE,
): boolean => {
  if (!signedInWithMfa(actor, evidence)) return false;
  if (actor.authTime === undefined || !isIsoInstant(actor.authTime)) return false;
  return secondsBetween(actor.authTime, now) <= stepUp.maxAuthAgeMinutes * 60;
};

/** Whether any sign-in could ever show MFA under `evidence`. */
export const canEvidenceMfa = (evidence: MfaEvidence): boolean =>
  evidence.enforcedByIdp ||
  evidence.amr.length > 0 ||
  evidence.acr.length > 0 ||
  evidence.acrs.length > 0;

/**
 * The ids of policy rules asking for step-up that no sign-in could ever meet with this evidence:
 * the API refuses to start with any, rather than refusing each person at their click.
 */
export const unreachableStepUpRules = (policy: Policy, evidence: MfaEvidence): string[] =>
  canEvidenceMfa(evidence)
    ? []
    : policy.rules.filter((rule) => rule.stepUp !== undefined).map((rule) => rule.id);
