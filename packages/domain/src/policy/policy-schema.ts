import * as z from 'zod/mini';
import '../zod-messages';
import { MIN_DURATION_MINUTES, POLICY_LIMITS } from '../vocabulary';

const nonEmptyName = z.string().check(z.trim(), z.minLength(1), z.maxLength(256));
const groupList = z.array(nonEmptyName).check(z.minLength(1));

export const accountIdSchema = z
  .string({ error: 'expected a 12-digit account id as a string (quote it in YAML)' })
  .check(z.regex(/^\d{12}$/, 'expected a 12-digit account id'));

/** IAM role names: up to 64 characters of [\w+=,.@-]. */
export const roleNameSchema = z
  .string()
  .check(z.regex(/^[\w+=,.@-]{1,64}$/, 'expected an IAM role name ([\\w+=,.@-], 1–64 characters)'));

const tagValue = z.union([
  z.string().check(z.minLength(1)),
  z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
]);

const accountSchema = z.strictObject({
  id: accountIdSchema,
  name: nonEmptyName,
  tags: z._default(z.record(z.string().check(z.minLength(1)), z.string()), {}),
});

/** Accounts by explicit ids, or by tags (every listed key must match one of its values). */
const accountSelectorSchema = z
  .strictObject({
    ids: z.optional(z.array(accountIdSchema).check(z.minLength(1))),
    tags: z.optional(z.record(z.string().check(z.minLength(1)), tagValue)),
  })
  .check(
    z.refine((selector) => (selector.ids === undefined) !== (selector.tags === undefined), {
      message: 'give exactly one of ids or tags',
    }),
  );

const justificationRuleSchema = z.strictObject({
  minLength: z._default(
    z.number().check(z.int(), z.minimum(1), z.maximum(POLICY_LIMITS.maxJustificationLength)),
    10,
  ),
  maxLength: z._default(
    z.number().check(z.int(), z.minimum(1), z.maximum(POLICY_LIMITS.maxJustificationLength)),
    1000,
  ),
  /** A regular expression (Unicode mode) the justification must match somewhere. */
  pattern: z.optional(z.string().check(z.minLength(1))),
  /** Shown to people whose justification does not match, e.g. "mention the incident id". */
  patternHint: z.optional(z.string().check(z.minLength(1))),
});

const stepUpSchema = z.strictObject({
  mfa: z.literal(true),
  maxAuthAgeMinutes: z.number().check(z.int(), z.minimum(1), z.maximum(24 * 60)),
});

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const clockTime = z
  .string()
  .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour clock)'));

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** Local working hours: a request is inside them when it is created on one of `days` between `start` and `end`. */
const workingHoursSchema = z
  .strictObject({
    timeZone: z
      .string()
      .check(z.refine(isTimeZone, 'expected an IANA time zone such as Europe/Berlin')),
    days: z._default(z.array(z.enum(WEEKDAYS)).check(z.minLength(1)), [
      'mon',
      'tue',
      'wed',
      'thu',
      'fri',
    ]),
    start: clockTime,
    end: clockTime,
  })
  .check(z.refine((hours) => hours.start < hours.end, { message: 'start must be before end' }));

/**
 * Self-service: a request meeting every condition is approved at creation by the rule. Outside them
 * it goes to the rule's human approvers (when the rule names any) or is refused with the reason.
 */
const autoApprovalSchema = z.strictObject({
  maxDurationMinutes: z
    .number()
    .check(z.int(), z.minimum(MIN_DURATION_MINUTES), z.maximum(POLICY_LIMITS.maxDurationMinutes)),
  workingHours: z.optional(workingHoursSchema),
  /** A regular expression (Unicode mode) the justification must match for self-service. */
  justificationPattern: z.optional(z.string().check(z.minLength(1))),
  /** A regular expression a ticket must match; with it, self-service needs a ticket. */
  ticketPattern: z.optional(z.string().check(z.minLength(1))),
  /** Break-glass requests keep their post-access review instead of counting as self-approved. */
  notForBreakGlass: z._default(z.boolean(), true),
});

/** More time while a window is open: up to `maxTotalMinutes` in all, some of it granted by policy. */
const extensionSchema = z.strictObject({
  /** The window's total length with every extension; defaults to the rule's maxDurationMinutes. */
  maxTotalMinutes: z.optional(
    z
      .number()
      .check(z.int(), z.minimum(MIN_DURATION_MINUTES), z.maximum(POLICY_LIMITS.maxDurationMinutes)),
  ),
  /** Extensions adding up to this many minutes are granted without a human. */
  grantedByPolicyUpToMinutes: z._default(
    z.number().check(z.int(), z.minimum(0), z.maximum(POLICY_LIMITS.maxDurationMinutes)),
    0,
  ),
  /** Beyond that, approvals needed; default: as many as the request needed (at least 1). */
  approvalsRequired: z.optional(
    z.number().check(z.int(), z.minimum(1), z.maximum(POLICY_LIMITS.maxApprovalsRequired)),
  ),
  /** Who approves an extension; default: the request's approver groups. */
  approverGroups: z.optional(groupList),
});

const ruleSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected a kebab-case id')),
  description: z.optional(z.string()),
  /** IdP groups whose members this rule makes eligible. */
  groups: groupList,
  accounts: accountSelectorSchema,
  roles: z.array(roleNameSchema).check(z.minLength(1)),
  maxDurationMinutes: z
    .number()
    .check(z.int(), z.minimum(MIN_DURATION_MINUTES), z.maximum(POLICY_LIMITS.maxDurationMinutes)),
  defaultDurationMinutes: z
    .number()
    .check(z.int(), z.minimum(MIN_DURATION_MINUTES), z.maximum(POLICY_LIMITS.maxDurationMinutes)),
  pendingExpiryMinutes: z._default(
    z.number().check(z.int(), z.minimum(5), z.maximum(POLICY_LIMITS.maxPendingExpiryMinutes)),
    24 * 60,
  ),
  /** How far ahead a requester may schedule the start. */
  maxStartDelayMinutes: z._default(
    z.number().check(z.int(), z.minimum(0), z.maximum(POLICY_LIMITS.maxStartDelayMinutes)),
    7 * 24 * 60,
  ),
  justification: z._default(justificationRuleSchema, { minLength: 10, maxLength: 1000 }),
  ticketRequired: z._default(z.boolean(), false),
  ticketPattern: z.optional(z.string().check(z.minLength(1))),
  ticketPatternHint: z.optional(z.string().check(z.minLength(1))),
  /** 0 makes the rule self-service: `autoApproval` then says when. */
  approvalsRequired: z._default(
    z.number().check(z.int(), z.minimum(0), z.maximum(POLICY_LIMITS.maxApprovalsRequired)),
    1,
  ),
  autoApproval: z.optional(autoApprovalSchema),
  extension: z.optional(extensionSchema),
  /** Let brokered sessions assume other roles (sts:AssumeRole*, GetFederationToken). Never by default. */
  allowRoleChaining: z._default(z.boolean(), false),
  /** Who may approve; defaults to `groups.reviewers`. */
  approverGroups: z.optional(groupList),
  /** The requester's own approval may count as one of N (needs N ≥ 2). Never by default. */
  selfApproval: z._default(z.boolean(), false),
  breakGlass: z._default(z.boolean(), false),
  /** Require recent MFA before federating (checked by the federate function). */
  stepUp: z.optional(stepUpSchema),
});

export const policySchema = z.strictObject({
  version: z.literal(1),
  accounts: z.array(accountSchema).check(z.minLength(1)),
  groups: z.strictObject({
    reviewers: groupList,
    auditors: z._default(z.array(nonEmptyName), []),
    /** Read Insights (with auditors and admins): who needs human access, where, why. */
    securityLeads: z._default(z.array(nonEmptyName), []),
    admins: groupList,
  }),
  rules: z._default(z.array(ruleSchema), []),
});

/** The policy as validated; rules' `approverGroups` are always filled in by `parsePolicy`. */
export type PolicyDocument = z.output<typeof policySchema>;
export type PolicyAccount = PolicyDocument['accounts'][number];
export type PolicyRule = PolicyDocument['rules'][number] & {
  readonly approverGroups: readonly string[];
  /**
   * Approvals a request needs when it does not qualify for self-service: `approvalsRequired`, or
   * for a self-service rule 1 if it names `approverGroups`, else 0 (refused outside the conditions).
   */
  readonly humanApprovalsRequired: number;
};
export type AutoApprovalRule = NonNullable<PolicyRule['autoApproval']>;
export type WorkingHours = NonNullable<AutoApprovalRule['workingHours']>;
export type ExtensionRule = NonNullable<PolicyRule['extension']>;
export type AccountSelector = PolicyRule['accounts'];
export type JustificationRule = PolicyRule['justification'];
export type StepUpRule = NonNullable<PolicyRule['stepUp']>;

export interface Policy extends Omit<PolicyDocument, 'rules'> {
  readonly rules: readonly PolicyRule[];
}
