import * as z from 'zod/mini';

/** A person as requests, decisions and sessions name them. */
export const personSchema = z.object({ sub: z.string(), email: z.string(), name: z.string() });
export type Person = z.infer<typeof personSchema>;
