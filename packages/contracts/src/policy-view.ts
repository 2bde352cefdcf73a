import * as z from 'zod/mini';
import { eligibilityEntrySchema, elevateRolesSchema } from './eligibility';

const stepUpSchema = z.object({
  mfa: z.literal(true),
  maxAuthAgeMinutes: z.number().check(z.int()),
});

/** A rule as the policy states it (after defaults). */
export const policyRuleViewSchema = z.object({
  id: z.string(),
  description: z.optional(z.string()),
  groups: z.array(z.string()),
  accounts: z.object({
    ids: z.optional(z.array(z.string())),
    tags: z.optional(z.record(z.string(), z.union([z.string(), z.array(z.string())]))),
  }),
  roles: z.array(z.string()),
  maxDurationMinutes: z.number().check(z.int()),
  defaultDurationMinutes: z.number().check(z.int()),
  pendingExpiryMinutes: z.number().check(z.int()),
  maxStartDelayMinutes: z.number().check(z.int()),
  justification: z.object({
    minLength: z.number().check(z.int()),
    maxLength: z.number().check(z.int()),
    pattern: z.optional(z.string()),
    patternHint: z.optional(z.string()),
  }),
  ticketRequired: z.boolean(),
  ticketPattern: z.optional(z.string()),
  ticketPatternHint: z.optional(z.string()),
  approvalsRequired: z.number().check(z.int()),
  approverGroups: z.array(z.string()),
  selfApproval: z.boolean(),
  breakGlass: z.boolean(),
  stepUp: z.optional(stepUpSchema),
});
export type PolicyRuleView = z.infer<typeof policyRuleViewSchema>;

/** The whole policy, shown to admins and auditors only. */
export const fullPolicyViewSchema = z.object({
  accounts: z.array(
    z.object({ id: z.string(), name: z.string(), tags: z.record(z.string(), z.string()) }),
  ),
  groups: z.object({
    reviewers: z.array(z.string()),
    auditors: z.array(z.string()),
    admins: z.array(z.string()),
  }),
  rules: z.array(policyRuleViewSchema),
});
export type FullPolicyView = z.infer<typeof fullPolicyViewSchema>;

/** `GET /policy`: what I may request and who reviews it; `policy` only for admins and auditors. */
export const policyViewSchema = z.object({
  eligibility: z.array(eligibilityEntrySchema),
  roles: elevateRolesSchema,
  policy: z.optional(fullPolicyViewSchema),
  /**
   * The operator states that the IdP demands MFA at every sign-in (its tokens cannot show it, e.g.
   * Cognito); step-up rules then rest on that statement, which people should be able to read.
   */
  idpEnforcesMfa: z.optional(z.boolean()),
});
export type PolicyView = z.infer<typeof policyViewSchema>;
