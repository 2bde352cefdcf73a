import * as z from 'zod/mini';

/** What we keep in the OIDC `state` across the round trip to the IdP. */
const signInStateSchema = z.object({
  returnTo: z.string(),
  /** Shown once after the round trip, e.g. what to do after a step-up sign-in. */
  notice: z.optional(z.string().check(z.maxLength(500))),
});

export type SignInState = z.infer<typeof signInStateSchema>;

/** Only a path on this site: `//host` and `https://host` would turn sign-in into an open redirect. */
export function safeReturnTo(value: unknown): string {
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\')
  ) {
    return '/';
  }
  return value;
}

export function returnToFromState(state: unknown): string {
  const parsed = signInStateSchema.safeParse(state);
  return parsed.success ? safeReturnTo(parsed.data.returnTo) : '/';
}

/** The notice to show after the round trip, if the sign-in carried one. */
export function noticeFromState(state: unknown): string | undefined {
  const parsed = signInStateSchema.safeParse(state);
  return parsed.success ? parsed.data.notice : undefined;
}

export function currentPath(
  location: Pick<Location, 'pathname' | 'search' | 'hash'> = window.location,
): string {
  return `${location.pathname}${location.search}${location.hash}`;
}
