// Test support, reached only through `@elevate/dev-stack/testing` (re-exported by
// @elevate/testing): a browser stand-in for the dev IdP's sign-in pages.
export { CookieJar, follow, parseSignInPage, pkcePair, send } from '../idp/oidc-test-client';
