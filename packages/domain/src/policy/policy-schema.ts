import * as z from 'zod';
import { MIN_DURATION_MINUTES, POLICY_LIMITS } from '../vocabulary';

const nonEmptyName = z.string().trim().min(1).max(256);
const groupList = z.array(nonEmptyName).min(1);

export const accountIdSchema = z
  .string({ error: 'expected a 12-digit account id as a string (quote it in YAML)' })
  .regex(/^\d{12}$/, 'expected a 12-digit account id');

/** IAM role names: up to 64 characters of [\w+=,.@-]. */
export const roleNameSchema = z
  .string()
  .regex(/^[\w+=,.@-]{1,64}$/, 'expected an IAM role name ([\\w+=,.@-], 1–64 characters)');

const tagValue = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const accountSchema = z.strictObject({
  id: accountIdSchema,
  name: nonEmptyName,
  tags: z.record(z.string().min(1), z.string()).default({}),
});

/** Accounts by explicit ids, or by tags (every listed key must match one of its values). */
const accountSelectorSchema = z
  .strictObject({
    ids: z.array(accountIdSchema).min(1).optional(),
    tags: z.record(z.string().min(1), tagValue).optional(),
  })
  .refine((selector) => (selector.ids === undefined) !== (selector.tags === undefined), {
    message: 'give exactly one of ids or tags',
  });

const justificationRuleSchema = z.strictObject({
  minLength: z.number().int().min(1).max(POLICY_LIMITS.maxJustificationLength).default(10),
  maxLength: z.number().int().min(1).max(POLICY_LIMITS.maxJustificationLength).default(1000),
  /** A regular expression (Unicode mode) the justification must match somewhere. */
  pattern: z.string().min(1).optional(),
  /** Shown to people whose justification does not match, e.g. "mention the incident id". */
  patternHint: z.string().min(1).optional(),
});

const stepUpSchema = z.strictObject({
  mfa: z.literal(true),
  maxAuthAgeMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
});

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour clock)');

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
    timeZone: z.string().refine(isTimeZone, 'expected an IANA time zone such as Europe/Berlin'),
    days: z.array(z.enum(WEEKDAYS)).min(1).default(['mon', 'tue', 'wed', 'thu', 'fri']),
    start: clockTime,
    end: clockTime,
  })
  .refine((hours) => hours.start < hours.end, { message: 'start must be before end' });

/**
 * Self-service: a request meeting every condition is approved at creation by the rule. Outside them
 * it goes to the rule's human approvers (when the rule names any) or is refused with the reason.
 */
const autoApprovalSchema = z.strictObject({
  maxDurationMinutes: z
    .number()
    .int()
    .min(MIN_DURATION_MINUTES)
    .max(POLICY_LIMITS.maxDurationMinutes),
  workingHours: workingHoursSchema.optional(),
  /** A regular expression (Unicode mode) the justification must match for self-service. */
  justificationPattern: z.string().min(1).optional(),
  /** A regular expression a ticket must match; with it, self-service needs a ticket. */
  ticketPattern: z.string().min(1).optional(),
  /** Break-glass requests keep their post-access review instead of counting as self-approved. */
  notForBreakGlass: z.boolean().default(true),
});

/** More time while a window is open: up to `maxTotalMinutes` in all, some of it granted by policy. */
const extensionSchema = z.strictObject({
  /** The window's total length with every extension; defaults to the rule's maxDurationMinutes. */
  maxTotalMinutes: z
    .number()
    .int()
    .min(MIN_DURATION_MINUTES)
    .max(POLICY_LIMITS.maxDurationMinutes)
    .optional(),
  /** Extensions adding up to this many minutes are granted without a human. */
  grantedByPolicyUpToMinutes: z
    .number()
    .int()
    .min(0)
    .max(POLICY_LIMITS.maxDurationMinutes)
    .default(0),
  /** Beyond that, approvals needed; default: as many as the request needed (at least 1). */
  approvalsRequired: z.number().int().min(1).max(POLICY_LIMITS.maxApprovalsRequired).optional(),
  /** Who approves an extension; default: the request's approver groups. */
  approverGroups: groupList.optional(),
});

const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected a kebab-case id'),
  description: z.string().optional(),
  /** IdP groups whose members this rule makes eligible. */
  groups: groupList,
  accounts: accountSelectorSchema,
  roles: z.array(roleNameSchema).min(1),
  maxDurationMinutes: z
    .number()
    .int()
    .min(MIN_DURATION_MINUTES)
    .max(POLICY_LIMITS.maxDurationMinutes),
  defaultDurationMinutes: z
    .number()
    .int()
    .min(MIN_DURATION_MINUTES)
    .max(POLICY_LIMITS.maxDurationMinutes),
  pendingExpiryMinutes: z
    .number()
    .int()
    .min(5)
    .max(POLICY_LIMITS.maxPendingExpiryMinutes)
    .default(24 * 60),
  /** How far ahead a requester may schedule the start. */
  maxStartDelayMinutes: z
    .number()
    .int()
    .min(0)
    .max(POLICY_LIMITS.maxStartDelayMinutes)
    .default(7 * 24 * 60),
  justification: justificationRuleSchema.default({ minLength: 10, maxLength: 1000 }),
  ticketRequired: z.boolean().default(false),
  ticketPattern: z.string().min(1).optional(),
  ticketPatternHint: z.string().min(1).optional(),
  /** 0 makes the rule self-service: `autoApproval` then says when. */
  approvalsRequired: z.number().int().min(0).max(POLICY_LIMITS.maxApprovalsRequired).default(1),
  autoApproval: autoApprovalSchema.optional(),
  extension: extensionSchema.optional(),
  /** Let brokered sessions assume other roles (sts:AssumeRole*, GetFederationToken). Never by default. */
  allowRoleChaining: z.boolean().default(false),
  /** Who may approve; defaults to `groups.reviewers`. */
  approverGroups: groupList.optional(),
  /** The requester's own approval may count as one of N (needs N ≥ 2). Never by default. */
  selfApproval: z.boolean().default(false),
  breakGlass: z.boolean().default(false),
  /** Require recent MFA before federating (checked by the federate function). */
  stepUp: stepUpSchema.optional(),
});

export const policySchema = z.strictObject({
  version: z.literal(1),
  accounts: z.array(accountSchema).min(1),
  groups: z.strictObject({
    reviewers: groupList,
    auditors: z.array(nonEmptyName).default([]),
    /** Read Insights (with auditors and admins): who needs human access, where, why. */
    securityLeads: z.array(nonEmptyName).default([]),
    admins: groupList,
  }),
  rules: z.array(ruleSchema).default([]),
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
