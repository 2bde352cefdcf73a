import * as z from 'zod';

/** Upper bounds keep a typo (an extra zero) from becoming a month-long window. */
export const POLICY_LIMITS = {
  maxDurationMinutes: 7 * 24 * 60,
  maxPendingExpiryMinutes: 30 * 24 * 60,
  maxStartDelayMinutes: 30 * 24 * 60,
  maxApprovalsRequired: 10,
  maxJustificationLength: 2000,
} as const;

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

const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected a kebab-case id'),
  description: z.string().optional(),
  /** IdP groups whose members this rule makes eligible. */
  groups: groupList,
  accounts: accountSelectorSchema,
  roles: z.array(roleNameSchema).min(1),
  maxDurationMinutes: z.number().int().min(15).max(POLICY_LIMITS.maxDurationMinutes),
  defaultDurationMinutes: z.number().int().min(15).max(POLICY_LIMITS.maxDurationMinutes),
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
  approvalsRequired: z.number().int().min(1).max(POLICY_LIMITS.maxApprovalsRequired).default(1),
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
    admins: groupList,
  }),
  rules: z.array(ruleSchema).default([]),
});

/** The policy as validated; rules' `approverGroups` are always filled in by `parsePolicy`. */
export type PolicyDocument = z.output<typeof policySchema>;
export type PolicyAccount = PolicyDocument['accounts'][number];
export type PolicyRule = PolicyDocument['rules'][number] & {
  readonly approverGroups: readonly string[];
};
export type AccountSelector = PolicyRule['accounts'];
export type JustificationRule = PolicyRule['justification'];
export type StepUpRule = NonNullable<PolicyRule['stepUp']>;

export interface Policy extends Omit<PolicyDocument, 'rules'> {
  readonly rules: readonly PolicyRule[];
}
