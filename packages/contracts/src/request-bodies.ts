import * as z from 'zod/mini';
import {
  JUSTIFICATION_MAX_LENGTH,
  MAX_DURATION_MINUTES,
  MIN_DURATION_MINUTES,
  MIN_EXTENSION_MINUTES,
} from './limits';
import {
  COMMENT_MAX_LENGTH,
  accountIdSchema,
  instantSchema,
  plainText,
  requiredText,
  roleNameSchema,
  ticketSchema,
} from './text';

/** `POST /requests`. Unknown fields are refused. Policy limits (lengths, patterns, max duration) are checked on the server. */
export const createRequestBodySchema = z.strictObject({
  accountId: accountIdSchema,
  roleName: roleNameSchema,
  justification: requiredText(JUSTIFICATION_MAX_LENGTH),
  ticket: z.optional(ticketSchema),
  /** Omit for the rule's default. */
  durationMinutes: z.optional(
    z.number().check(z.int(), z.minimum(MIN_DURATION_MINUTES), z.maximum(MAX_DURATION_MINUTES)),
  ),
  /** Omit to start at approval. */
  scheduledStart: z.optional(instantSchema),
  /** Immediate access where the policy allows it; reviewed afterwards. */
  breakGlass: z.optional(z.boolean()),
});
export type CreateRequestBody = z.infer<typeof createRequestBodySchema>;

/**
 * `POST /invitations` — a reviewer or admin opens a request for an engineer, who must accept it.
 * Never break-glass; the engineer's own eligibility is checked when they accept.
 */
export const inviteBodySchema = z.strictObject({
  inviteeEmail: z.email().check(z.maxLength(254)),
  accountId: accountIdSchema,
  roleName: roleNameSchema,
  justification: requiredText(JUSTIFICATION_MAX_LENGTH),
  ticket: z.optional(ticketSchema),
  durationMinutes: createRequestBodySchema.shape.durationMinutes,
  scheduledStart: z.optional(instantSchema),
});
export type InviteBody = z.infer<typeof inviteBodySchema>;

const optionalComment = z.strictObject({ comment: z.optional(plainText(COMMENT_MAX_LENGTH)) });
const requiredComment = z.strictObject({ comment: requiredText(COMMENT_MAX_LENGTH) });

/** `POST /requests/{id}/approve` — comment optional. */
export const approveBodySchema = optionalComment;
/** `POST /requests/{id}/reject` — comment required. */
export const rejectBodySchema = requiredComment;
/** `POST /requests/{id}/cancel` — comment optional. */
export const cancelBodySchema = optionalComment;
/** `POST /requests/{id}/revoke` — comment required. */
export const revokeBodySchema = requiredComment;
/** `POST /requests/{id}/end` — comment optional. */
export const endEarlyBodySchema = optionalComment;
/** `POST /requests/{id}/accept` and `/decline` — the invited engineer answers; comment optional. */
export const answerInvitationBodySchema = optionalComment;
/** `POST /requests/{id}/review` — a break-glass post-access review; comment required. */
export const reviewBreakGlassBodySchema = requiredComment;

export type OptionalCommentBody = z.infer<typeof optionalComment>;
export type RequiredCommentBody = z.infer<typeof requiredComment>;

/** `POST /requests/{id}/extend` — more minutes for an open window, with the reason. */
export const extendBodySchema = z.strictObject({
  minutes: z
    .number()
    .check(z.int(), z.minimum(MIN_EXTENSION_MINUTES), z.maximum(MAX_DURATION_MINUTES)),
  reason: requiredText(COMMENT_MAX_LENGTH),
});
export type ExtendBody = z.infer<typeof extendBodySchema>;
/** `POST /requests/{id}/extension/approve` — comment optional. */
export const approveExtensionBodySchema = optionalComment;
/** `POST /requests/{id}/extension/reject` — comment required. */
export const rejectExtensionBodySchema = requiredComment;
