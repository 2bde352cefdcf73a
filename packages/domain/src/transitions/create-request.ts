import type { AccessRequest } from '../access-request';
import { personOf } from '../actor';
import type { DomainError } from '../domain-error';
import { domainError } from '../domain-error';
import type { EffectiveRule, PatternRule } from '../policy/effective-rule';
import { selfServiceRefusals } from '../policy/auto-approval';
import { matchesPolicyPattern } from '../policy/policy-pattern';
import { effectiveRuleFor } from '../policy/policy-evaluator';
import type { Result } from '../result';
import { err, ok } from '../result';
import { addMinutes, isBefore, isIsoInstant } from '../time';
import { MIN_DURATION_MINUTES } from '../vocabulary';
import type { TransitionContext, TransitionResult } from './transition';
import { eventOf } from './transition';

export interface CreateRequestInput {
  /** From the IdGenerator port. */
  readonly id: string;
  readonly accountId: string;
  readonly roleName: string;
  readonly justification: string;
  readonly ticket?: string;
  /** Defaults to the rule's default duration. */
  readonly durationMinutes?: number;
  readonly scheduledStart?: string;
  readonly breakGlass?: boolean;
}

/** Tolerated skew between a client's idea of "now" and the server's for a scheduled start. */
export const SCHEDULE_SKEW_MINUTES = 5;

const refuse = (code: DomainError['code'], message: string): Result<never, DomainError> =>
  err(domainError(code, message));

// Controls, format characters (Cf: bidi marks, overrides, isolates, zero-width…) that can make text
// read differently than it is stored, and unpaired surrogates (Cs); the API refuses them too.
const FORBIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}\p{Cs}]/u;

const matchesAll = (value: string, patterns: readonly PatternRule[]): PatternRule | undefined =>
  patterns.find((rule) => !matchesPolicyPattern(rule.pattern, value));

export const checkJustification = (
  raw: string,
  rule: EffectiveRule,
): Result<string, DomainError> => {
  const justification = raw.trim();
  if (FORBIDDEN_CHARACTERS.test(justification)) {
    return refuse(
      'JUSTIFICATION_INVALID',
      'The justification contains control, format or text-direction characters, or unpaired surrogates.',
    );
  }
  const length = [...justification].length;
  const { minLength, maxLength, patterns } = rule.justification;
  if (length < minLength || length > maxLength) {
    return refuse(
      'JUSTIFICATION_INVALID',
      `The justification must be ${minLength}–${maxLength} characters long.`,
    );
  }
  const missed = matchesAll(justification, patterns);
  if (missed !== undefined) {
    return refuse(
      'JUSTIFICATION_INVALID',
      missed.hint ?? `The justification must match ${missed.pattern}.`,
    );
  }
  return ok(justification);
};

export const checkTicket = (
  raw: string | undefined,
  rule: EffectiveRule,
): Result<string | undefined, DomainError> => {
  const ticket = raw?.trim() === '' ? undefined : raw?.trim();
  if (ticket === undefined) {
    return rule.ticketRequired
      ? refuse(
          'TICKET_REQUIRED',
          `A ticket reference is required for ${rule.roleName} in ${rule.account.name}.`,
        )
      : ok(undefined);
  }
  const missed = matchesAll(ticket, rule.ticketPatterns);
  if (missed !== undefined)
    return refuse('TICKET_INVALID', missed.hint ?? `The ticket must match ${missed.pattern}.`);
  return ok(ticket);
};

export const checkDuration = (
  requested: number | undefined,
  rule: EffectiveRule,
): Result<number, DomainError> => {
  const minutes = requested ?? rule.defaultDurationMinutes;
  if (
    !Number.isInteger(minutes) ||
    minutes < MIN_DURATION_MINUTES ||
    minutes > rule.maxDurationMinutes
  ) {
    return refuse(
      'DURATION_OUT_OF_RANGE',
      `The duration must be ${MIN_DURATION_MINUTES}–${rule.maxDurationMinutes} minutes.`,
    );
  }
  return ok(minutes);
};

export const checkSchedule = (
  scheduledStart: string | undefined,
  breakGlass: boolean,
  rule: EffectiveRule,
  now: string,
): Result<string | undefined, DomainError> => {
  if (scheduledStart === undefined) return ok(undefined);
  if (breakGlass)
    return refuse('SCHEDULE_INVALID', 'Break-glass access starts now; it cannot be scheduled.');
  if (!isIsoInstant(scheduledStart))
    return refuse('SCHEDULE_INVALID', 'The scheduled start is not a valid time.');
  if (isBefore(scheduledStart, addMinutes(now, -SCHEDULE_SKEW_MINUTES))) {
    return refuse(
      'SCHEDULE_INVALID',
      'The scheduled start is in the past; leave it empty to start on approval.',
    );
  }
  if (isBefore(addMinutes(now, rule.maxStartDelayMinutes), scheduledStart)) {
    return refuse(
      'SCHEDULE_INVALID',
      `The start may be at most ${rule.maxStartDelayMinutes} minutes ahead.`,
    );
  }
  return ok(new Date(scheduledStart).toISOString());
};

/** What a person asks for: a new request's fields (or an invitation's), each checked against the rule. */
type RequestAsk = Pick<
  AccessRequest,
  'justification' | 'ticket' | 'requestedDurationMinutes' | 'scheduledStart'
>;

export const checkAsk = (
  input: CreateRequestInput,
  rule: EffectiveRule,
  breakGlass: boolean,
  now: string,
): Result<RequestAsk, DomainError> => {
  const justification = checkJustification(input.justification, rule);
  if (!justification.ok) return justification;
  const ticket = checkTicket(input.ticket, rule);
  if (!ticket.ok) return ticket;
  const duration = checkDuration(input.durationMinutes, rule);
  if (!duration.ok) return duration;
  const schedule = checkSchedule(input.scheduledStart, breakGlass, rule, now);
  if (!schedule.ok) return schedule;
  return ok({
    justification: justification.value,
    ...(ticket.value === undefined ? {} : { ticket: ticket.value }),
    requestedDurationMinutes: duration.value,
    ...(schedule.value === undefined ? {} : { scheduledStart: schedule.value }),
  });
};

/**
 * Creates a request if the policy lets the actor ask for it. A break-glass request (where the rule
 * allows it) is approved at once, its window opens now, and it awaits a post-access review. A
 * request inside a self-service rule's conditions is approved at once by the rule; outside them it
 * waits for the rule's human approvers, or is refused with the reasons when the rule names none.
 */
export const createRequest = (
  input: CreateRequestInput,
  ctx: TransitionContext,
): TransitionResult => {
  const breakGlass = input.breakGlass ?? false;
  const ruleResult = effectiveRuleFor(ctx.policy, ctx.actor, input.accountId, input.roleName);
  if (!ruleResult.ok) return ruleResult;
  const rule = ruleResult.value;
  if (breakGlass && !rule.breakGlass) {
    return refuse(
      'BREAK_GLASS_NOT_ALLOWED',
      `Break-glass is not allowed for ${rule.roleName} in ${rule.account.name}.`,
    );
  }
  const checked = checkAsk(input, rule, breakGlass, ctx.now);
  if (!checked.ok) return checked;
  const ask = checked.value;

  const refusals = selfServiceRefusals(rule.autoApproval, {
    durationMinutes: ask.requestedDurationMinutes,
    justification: ask.justification,
    ...(ask.ticket === undefined ? {} : { ticket: ask.ticket }),
    breakGlass,
    startsAt: ask.scheduledStart ?? ctx.now,
  });
  const selfService = rule.autoApproval !== undefined && refusals.length === 0;
  // Outside the conditions a self-service rule without human approvers has nobody to ask.
  if (!selfService && !breakGlass && rule.approvalsRequired === 0) {
    return refuse(
      'SELF_SERVICE_CONDITIONS_UNMET',
      `${rule.roleName} in ${rule.account.name} is self-service only, and this request is outside its conditions: ${refusals.join('; ')}.`,
    );
  }
  const status = breakGlass || selfService ? 'APPROVED' : 'PENDING';
  const event = eventOf(
    'CREATED',
    ctx,
    status,
    selfService
      ? `Approved by policy (${rule.ruleIds.join(', ')}): within its self-service conditions.`
      : undefined,
  );
  const request: AccessRequest = {
    id: input.id,
    requester: personOf(ctx.actor),
    accountId: rule.account.id,
    roleName: rule.roleName,
    ...ask,
    status,
    breakGlass,
    ...(selfService
      ? { approvedByPolicy: true, approvedAt: ctx.now }
      : breakGlass
        ? { postAccessReview: { state: 'PENDING' as const }, approvedAt: ctx.now }
        : { pendingExpiresAt: addMinutes(ctx.now, rule.pendingExpiryMinutes) }),
    routing: {
      approverGroups: rule.approverGroups,
      routingKey: rule.routingKey,
      approvalsRequired: rule.approvalsRequired,
      selfApproval: rule.selfApproval,
      ruleIds: rule.ruleIds,
    },
    decisions: [],
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
    history: [event],
  };
  return ok({ request, event });
};

/** Break-glass: approved at creation, urgent, reviewed afterwards. */
export const createBreakGlassRequest = (
  input: Omit<CreateRequestInput, 'breakGlass'>,
  ctx: TransitionContext,
): TransitionResult => createRequest({ ...input, breakGlass: true }, ctx);
