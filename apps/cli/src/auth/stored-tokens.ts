import * as z from 'zod/mini';

/** What a sign-in leaves behind. Secrets: kept only in the keychain or a 0600 file, never printed. */
const storedTokensSchema = z.object({
  accessToken: z.string().check(z.minLength(1)),
  idToken: z.string().check(z.minLength(1)),
  refreshToken: z.optional(z.string().check(z.minLength(1))),
  /** When the access token expires, epoch seconds. */
  expiresAt: z.number(),
});
export type StoredTokens = z.infer<typeof storedTokensSchema>;

/** Where tokens live. One entry per deployment (issuer × client). */
export interface TokenStore {
  /** `keychain` or `file`, for `elevate whoami` and the docs. */
  readonly kind: 'keychain' | 'file';
  load(): Promise<StoredTokens | undefined>;
  save(tokens: StoredTokens): Promise<void>;
  clear(): Promise<void>;
}

export function parseStoredTokens(text: string | null | undefined): StoredTokens | undefined {
  if (!text) return undefined;
  try {
    const parsed = storedTokensSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
