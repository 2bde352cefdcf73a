import type { AccessRequest } from '../access-request';
import { approvalsOf } from '../access-request';
import type { Actor } from '../actor';
import type { DomainError } from '../domain-error';
import { domainError } from '../domain-error';
import type { EffectiveRule } from '../policy/effective-rule';
import { stillSelfService } from '../policy/auto-approval';
import { effectiveRuleFor } from '../policy/policy-evaluator';
import type { Policy } from '../policy/policy-schema';
import { DEFAULT_MFA_EVIDENCE, meetsStepUp } from './mfa-evidence';
import type { MfaEvidence } from './mfa-evidence';
import type { Result } from '../result';
import { err, ok } from '../result';
import { awaitsAcceptance, isInvitee } from '../invitation';
import { isRequester } from '../transitions/transition';
import type { AccessWindow } from '../window';
import { accessPhase, windowOf } from '../window';
import { closedWindowRefusal } from './session-plan';

/** What the federate code needs once every check passed. */
export interface FederationGrant {
  readonly rule: EffectiveRule;
  readonly window: AccessWindow;
}

/** A refusal; STEP_UP_REQUIRED also says how recent the sign-in must be (for OIDC `max_age`). */
export interface FederationDenial extends DomainError {
  readonly maxAuthAgeSeconds?: number;
}

/** Statuses other than APPROVED, and why they give no session. */
const notApprovedReason = (request: AccessRequest): string => {
  switch (request.status) {
    case 'PENDING':
      if (awaitsAcceptance(request))
        return 'This invitation waits for the engineer to accept it; sessions start once it is accepted and approved.';
      return 'This request is still waiting for approval; sessions start once it is approved.';
    case 'REJECTED':
      return 'This request was rejected; it gives no access.';
    case 'CANCELLED':
      return 'This request was cancelled; it gives no access.';
    case 'EXPIRED':
      return 'This request expired before anyone decided it; it gives no access.';
    case 'REVOKED':
      return 'This access was revoked; submit a new request if you still need access.';
    case 'ENDED':
      return 'You ended this access early; submit a new request if you need access again.';
    case 'APPROVED':
      return 'This request is approved.';
  }
};

/**
 * Whether the request's approvals meet the rule as it is now (the policy may have been tightened
 * since approval): distinct approvers, the requester counted only where the rule allows
 * self-approval, and always at least one other person.
 */
const meetsCurrentApprovalRule = (request: AccessRequest, rule: EffectiveRule): boolean => {
  if (request.approvedByPolicy === true) return stillSelfService(request, rule.autoApproval);
  const approvers = new Set(approvalsOf(request).map((decision) => decision.approver.sub));
  const selfApproved = approvers.delete(request.requester.sub);
  const counted = approvers.size + (selfApproved && rule.selfApproval ? 1 : 0);
  return approvers.size >= 1 && counted >= rule.approvalsRequired;
};

/**
 * The checks before any session is issued, all evaluated now (the token verifier has already
 * authenticated the actor): it is the actor's own request; they are still eligible under the
 * current policy with the groups in their tokens (leaving an IdP group stops new sessions); the
 * request is approved, not revoked or ended, and its window is open by the clock; and, if a rule
 * asks for it, they signed in with MFA recently enough. Step-up comes last so a fresh sign-in is
 * only asked for when everything else would allow the session.
 */
export const federationCheck = (
  request: AccessRequest,
  actor: Actor,
  policy: Policy,
  now: string,
  /** What proves MFA with the configured IdP. */
  mfaEvidence: MfaEvidence = DEFAULT_MFA_EVIDENCE,
): Result<FederationGrant, FederationDenial> => {
  // Defensive: an unanswered invitation is PENDING, so it would be refused below anyway.
  if (isInvitee(request, actor))
    return err(
      domainError(
        'INVALID_STATE',
        'Accept the invitation first; sessions start once it is approved.',
      ),
    );
  if (!isRequester(request, actor)) {
    return err(
      domainError('NOT_REQUESTER', 'Only the requester can start sessions for a request.'),
    );
  }
  const rule = effectiveRuleFor(policy, actor, request.accountId, request.roleName);
  if (!rule.ok) return rule;
  if (request.breakGlass && !rule.value.breakGlass) {
    return err(
      domainError(
        'BREAK_GLASS_NOT_ALLOWED',
        `Break-glass is no longer allowed for ${request.roleName} in ${rule.value.account.name}.`,
      ),
    );
  }
  if (request.status !== 'APPROVED')
    return err(domainError('INVALID_STATE', notApprovedReason(request)));
  const window = windowOf(request);
  if (window === undefined)
    return err(
      domainError('INVALID_STATE', 'This request has no approval time; it gives no access.'),
    );
  const closed = closedWindowRefusal(window, accessPhase(request, now) ?? 'over');
  if (closed !== undefined) return err(closed);
  if (!request.breakGlass && !meetsCurrentApprovalRule(request, rule.value)) {
    return err(
      domainError(
        'APPROVALS_BELOW_POLICY',
        `${request.roleName} in ${rule.value.account.name} now needs ${rule.value.approvalsRequired} approvals from other people than this request has; submit a new request.`,
      ),
    );
  }
  const { stepUp } = rule.value;
  if (stepUp !== undefined && !meetsStepUp(actor, stepUp, now, mfaEvidence)) {
    return err({
      ...domainError(
        'STEP_UP_REQUIRED',
        `${request.roleName} in ${rule.value.account.name} needs a sign-in with MFA in the last ${stepUp.maxAuthAgeMinutes} minutes; sign in again to continue.`,
      ),
      maxAuthAgeSeconds: stepUp.maxAuthAgeMinutes * 60,
    });
  }
  return ok({ rule: rule.value, window });
};
