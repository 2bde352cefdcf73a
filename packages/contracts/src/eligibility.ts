import * as z from 'zod/mini';

const patternRuleSchema = z.object({ pattern: z.string(), hint: z.optional(z.string()) });

/** One account × role the caller may request, with the limits that apply to them and who reviews it. */
export const eligibilityEntrySchema = z.object({
  accountId: z.string(),
  accountName: z.string(),
  accountTags: z.record(z.string(), z.string()),
  roleName: z.string(),
  maxDurationMinutes: z.number().check(z.int()),
  defaultDurationMinutes: z.number().check(z.int()),
  pendingExpiryMinutes: z.number().check(z.int()),
  maxStartDelayMinutes: z.number().check(z.int()),
  justification: z.object({
    minLength: z.number().check(z.int()),
    maxLength: z.number().check(z.int()),
    patterns: z.array(patternRuleSchema),
  }),
  ticketRequired: z.boolean(),
  ticketPatterns: z.array(patternRuleSchema),
  approvalsRequired: z.number().check(z.int()),
  approverGroups: z.array(z.string()),
  selfApproval: z.boolean(),
  breakGlassAllowed: z.boolean(),
  stepUp: z.optional(
    z.object({ mfa: z.literal(true), maxAuthAgeMinutes: z.number().check(z.int()) }),
  ),
});
export type EligibilityEntry = z.infer<typeof eligibilityEntrySchema>;

/** The caller's powers in Elevate itself, from the policy's groups. */
export const elevateRolesSchema = z.object({
  reviewer: z.boolean(),
  auditor: z.boolean(),
  admin: z.boolean(),
  /** Reads Insights; optional so that clients of an older API keep working. */
  securityLead: z.optional(z.boolean()),
});
export type ElevateRoles = z.infer<typeof elevateRolesSchema>;

/** Part of `GET /me`: what the caller may request and review. */
export const eligibilitySummarySchema = z.object({
  entries: z.array(eligibilityEntrySchema),
  roles: elevateRolesSchema,
});
export type EligibilitySummary = z.infer<typeof eligibilitySummarySchema>;
