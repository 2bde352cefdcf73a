import type { AccessRequest } from '../access-request';
import type { AutoApprovalRule, Weekday, WorkingHours } from './policy-schema';
import { matchesPolicyPattern } from './policy-pattern';

/** The facts of a request that self-service conditions look at. */
export interface SelfServiceFacts {
  readonly durationMinutes: number;
  readonly justification: string;
  readonly ticket?: string;
  readonly breakGlass: boolean;
  /** When the window would open: the scheduled start, or now. */
  readonly startsAt: string;
}

const WEEKDAY_OF: Readonly<Record<string, Weekday>> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

/** Day of week and HH:MM of an instant in a time zone (Intl does the zone arithmetic, DST included). */
export const localTimeOf = (instant: string, timeZone: string): { day: Weekday; time: string } => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return { day: WEEKDAY_OF[part('weekday')] ?? 'mon', time: `${part('hour')}:${part('minute')}` };
};

export const isWithinWorkingHours = (instant: string, hours: WorkingHours): boolean => {
  const local = localTimeOf(instant, hours.timeZone);
  return hours.days.includes(local.day) && local.time >= hours.start && local.time < hours.end;
};

/** Why one rule's conditions do not hold for the facts; empty when they all do. */
const unmetConditionsOf = (rule: AutoApprovalRule, facts: SelfServiceFacts): string[] => {
  const unmet: string[] = [];
  if (facts.breakGlass && rule.notForBreakGlass)
    unmet.push('break-glass requests are reviewed after the fact, not self-approved');
  if (facts.durationMinutes > rule.maxDurationMinutes)
    unmet.push(`self-service is for at most ${rule.maxDurationMinutes} minutes`);
  const hours = rule.workingHours;
  if (hours !== undefined && !isWithinWorkingHours(facts.startsAt, hours))
    unmet.push(
      `self-service is for windows starting ${hours.days.join('/')} ${hours.start}–${hours.end} ${hours.timeZone}`,
    );
  if (
    rule.justificationPattern !== undefined &&
    !matchesPolicyPattern(rule.justificationPattern, facts.justification)
  )
    unmet.push(`the justification must match ${rule.justificationPattern} for self-service`);
  if (
    rule.ticketPattern !== undefined &&
    (facts.ticket === undefined || !matchesPolicyPattern(rule.ticketPattern, facts.ticket))
  )
    unmet.push(`self-service needs a ticket matching ${rule.ticketPattern}`);
  return unmet;
};

/**
 * Why a request does not qualify for self-service under every matching rule's conditions; an empty
 * list means it does. No conditions at all (the rule is not self-service) never qualifies.
 */
export const selfServiceRefusals = (
  conditions: readonly AutoApprovalRule[] | undefined,
  facts: SelfServiceFacts,
): string[] => {
  if (conditions === undefined || conditions.length === 0) return ['the rule is not self-service'];
  return [...new Set(conditions.flatMap((rule) => unmetConditionsOf(rule, facts)))];
};

/**
 * Whether a request approved by policy would still be, under the policy as it is now: federation
 * asks this so that withdrawing self-service (or tightening it) stops new sessions at once. The
 * start was inside working hours when it was approved; only the other conditions are checked again.
 */
export const stillSelfService = (
  request: Pick<
    AccessRequest,
    'requestedDurationMinutes' | 'justification' | 'ticket' | 'breakGlass'
  >,
  conditions: readonly AutoApprovalRule[] | undefined,
): boolean =>
  selfServiceRefusals(
    conditions?.map(({ workingHours: _hours, ...rest }) => rest),
    {
      durationMinutes: request.requestedDurationMinutes,
      justification: request.justification,
      ...(request.ticket === undefined ? {} : { ticket: request.ticket }),
      breakGlass: request.breakGlass,
      startsAt: '1970-01-01T00:00:00.000Z',
    },
  ).length === 0;
