import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * What the Lambda bundles use in place of `@aws-sdk/credential-provider-node` (esbuild `alias` in
 * infra/src/constructs/function-bundling.ts): the SDK's default credential chain reduced to its
 * first link, the environment. Lambda gives every function its role's credentials in
 * AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN and sets no AWS_PROFILE, so the
 * default chain never gets past that link there; its other links (SSO, shared ini files, credential
 * processes, web identity, container and instance metadata) and the STS, SSO and sign-in clients
 * they build (@aws-sdk/nested-clients) were ~100 KiB of every function's bundle, parsed at each
 * cold start. Local runs (tsx, tests, operator commands) are not bundled and keep the whole chain.
 */
export const defaultProvider = (init: Parameters<typeof fromEnv>[0] = {}) => fromEnv(init);
