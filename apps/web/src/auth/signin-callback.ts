import type { UserManager } from 'oidc-client-ts';
import { noticeFromState, returnToFromState } from './return-to';
import { rememberSignInNotice } from './sign-in-notice-store';

// Module-level on purpose: StrictMode mounts the callback page twice, and an authorization code
// can be redeemed only once. Keyed by URL because each callback URL carries its own code and state.
const completions = new Map<string, Promise<string>>();

/**
 * Redeems the authorization code once per callback URL; resolves to the path to return to.
 * `userManager` is asked for only once too (it loads oidc-client-ts).
 */
export function completeSignIn(
  userManager: () => Promise<Pick<UserManager, 'signinCallback'>>,
  url: string,
): Promise<string> {
  let completion = completions.get(url);
  if (!completion) {
    completion = userManager().then(async (manager) => {
      const user = await manager.signinCallback(url);
      rememberSignInNotice(noticeFromState(user?.state));
      return returnToFromState(user?.state);
    });
    completions.set(url, completion);
  }
  return completion;
}
