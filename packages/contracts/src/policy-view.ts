import * as z from 'zod';
import { eligibilityEntrySchema, elevateRolesSchema } from './eligibility';

const stepUpSchema = z.object({ mfa: z.literal(true), maxAuthAgeMinutes: z.number().int() });

/** A rule as the policy states it (after defaults). */
export const policyRuleViewSchema = z.object({
  id: z.string(),
  description: z.string().optional(),
  groups: z.array(z.string()),
  accounts: z.object({
    ids: z.array(z.string()).optional(),
    tags: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  }),
  roles: z.array(z.string()),
  maxDurationMinutes: z.number().int(),
  defaultDurationMinutes: z.number().int(),
  pendingExpiryMinutes: z.number().int(),
  maxStartDelayMinutes: z.number().int(),
  justification: z.object({
    minLength: z.number().int(),
    maxLength: z.number().int(),
    pattern: z.string().optional(),
    patternHint: z.string().optional(),
  }),
  ticketRequired: z.boolean(),
  ticketPattern: z.string().optional(),
  ticketPatternHint: z.string().optional(),
  approvalsRequired: z.number().int(),
  approverGroups: z.array(z.string()),
  selfApproval: z.boolean(),
  breakGlass: z.boolean(),
  stepUp: stepUpSchema.optional(),
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
  policy: fullPolicyViewSchema.optional(),
  /**
   * The operator states that the IdP demands MFA at every sign-in (its tokens cannot show it, e.g.
   * Cognito); step-up rules then rest on that statement, which people should be able to read.
   */
  idpEnforcesMfa: z.boolean().optional(),
});
export type PolicyView = z.infer<typeof policyViewSchema>;
