import * as z from 'zod';

/** What we keep in the OIDC `state` across the round trip to the IdP. */
const signInStateSchema = z.object({ returnTo: z.string() });

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

export function currentPath(
  location: Pick<Location, 'pathname' | 'search' | 'hash'> = window.location,
): string {
  return `${location.pathname}${location.search}${location.hash}`;
}
