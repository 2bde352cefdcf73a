import * as z from 'zod/mini';
import { problemCodeSchema } from './problem-codes';

/** Where in the input one problem is (a 400's `errors`). */
export const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

/**
 * RFC 9457 problem details, as every API error is sent. `code` is stable and one of the closed
 * list in problem-codes.ts; `title` and `detail` are for people.
 */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int()),
  code: problemCodeSchema,
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  /** Present on 400s: where in the input each problem is. */
  errors: z.optional(z.array(fieldErrorSchema)),
  /** Present on 500s: quote it to an operator; the logs carry the rest. */
  correlationId: z.optional(z.string()),
  /** Present on STEP_UP_REQUIRED: sign in again (OIDC `max_age` at most this) and retry. */
  maxAuthAgeSeconds: z.optional(z.number().check(z.int(), z.nonnegative())),
});

export type Problem = z.infer<typeof problemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
