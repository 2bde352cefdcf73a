import * as z from 'zod/mini';
import { eligibilitySummarySchema } from './eligibility';

/** `GET /me`: who the API took the caller to be, from both verified tokens. */
export const meResponseSchema = z.object({
  sub: z.string(),
  email: z.string(),
  name: z.string(),
  groups: z.array(z.string()),
  /** Authentication methods from the ID token, e.g. ["pwd", "mfa"]. */
  amr: z.array(z.string()),
  /** When the user last authenticated, ISO-8601 UTC. */
  authTime: z.optional(z.string()),
  /** What the caller may request, and whether they review, audit or administer Elevate. */
  eligibility: eligibilitySummarySchema,
});

export type MeResponse = z.infer<typeof meResponseSchema>;
