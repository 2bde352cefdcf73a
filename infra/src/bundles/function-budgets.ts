import type { FunctionName } from '../stacks/function-specs';
import { bytesByOwner, type FunctionBundle } from './function-bundle';

/**
 * Minified bundle size each function may reach, in KiB. The authorizer meets issue #12's target
 * (250). The API and federate functions do not yet (target 400): the AWS SDK v3 (DynamoDB, STS,
 * the default credential chain) is ~300 KiB of them. Their budgets are ratchets just above today
 * (idempotency, identity bindings and the store's deadlines added ~45 KiB since the first cut;
 * issue #19's RE2 engine for policy patterns, re2js, adds 147 KiB to every function that parses
 * the policy: the price of linear-time matching for any pattern an admin writes; Powertools Logger
 * and Metrics add ~34 KiB to each function). This round's features
 * added ~200 KiB more: the S3 and KMS clients (signed audit digests, #17), S3 exports (#17),
 * SES and Secrets Manager (personal mail, Slack, #16) — a step away from #12's target, recorded in
 * docs/performance.md; loading them only on the paths that use them is the next cut. The notifier
 * and the sweeper read the policy without compiling its patterns (loadCompiledPolicyWithoutPatterns):
 * they never match one, so they carry no re2js (−149 KiB each). The federate function composes the
 * federate route alone (composeFederateApp): no other route, no S3, KMS or Secrets Manager (−259 KiB);
 * the API function builds no STS client (composeApiApp, −25 KiB). The chain-day index the daily
 * digest reads (#17) took the sweeper to 851 KiB. Powertools Tracer (#19: every AWS SDK call an X-Ray
 * subsegment) adds ~121 KiB to each function with an SDK client — aws-xray-sdk-core 69, semver 29
 * (the X-Ray SDK's Node version check), cls-hooked 8, the Tracer 9; the authorizer has no SDK
 * client and goes without it (Lambda's active tracing still records its invocations). Issue #11's
 * CPU cuts (the verified token pair cache, in-place CORS headers) took the API function 1 KiB over.
 * The Lambda bundles then dropped the SDK's default credential chain for its first link, the
 * environment (FUNCTION_BUNDLING.alias; what Lambda provides): −115 to −119 KiB in each function
 * with an SDK client (2026-12-05: api 1036, federate 794, notifier 840, sweeper 867, revoker 552).
 * semver, which the X-Ray SDK requires only for SDK v2's captureAWS (never called), became a stub
 * that refuses (FUNCTION_BUNDLING.alias): −29 KiB more (api 1007, federate 766, notifier 811,
 * sweeper 838, revoker 524). Production schemas moved from classic zod to zod/mini, whose functions
 * leave each bundle only the schema kinds and checks it uses: −59/−60 KiB per function, −40 in the
 * API, which keeps zod's JSON Schema generator for /openapi.json (api 968, federate 707, authorizer
 * 108, notifier 751, sweeper 778, revoker 465).
 */
export const FUNCTION_BUDGETS_KIB: Readonly<Record<FunctionName, number>> = {
  api: 972,
  federate: 711,
  authorizer: 250,
  notifier: 755,
  sweeper: 782,
  revoker: 469,
};

/** Issue #12's targets, for the report: what the budgets move towards. */
export const FUNCTION_TARGETS_KIB: Readonly<Partial<Record<FunctionName, number>>> = {
  api: 400,
  federate: 400,
  authorizer: 250,
};

/** What no function may carry: the YAML parser (the policy is compiled to JSON), the dev stack, tests. */
export const FORBIDDEN_INPUTS: readonly { what: string; matches: (path: string) => boolean }[] = [
  { what: 'the YAML parser', matches: (path) => /node_modules\/(\.pnpm\/)?yaml[@/]/.test(path) },
  { what: 'the dev stack', matches: (path) => /(^|\/)packages\/dev-stack\//.test(path) },
  {
    what: 'test code',
    matches: (path) =>
      /\.(test|spec)\.[cm]?[jt]sx?$/.test(path) ||
      /(^|\/)src\/testing\//.test(path) ||
      /node_modules\/(\.pnpm\/)?(vitest|fast-check|aws-sdk-client-mock|@vitest)[@/]/.test(path),
  },
];

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;

/** Every reason the bundle is unacceptable, each naming the file or package at fault. */
export function bundleViolations(name: FunctionName, bundle: FunctionBundle): string[] {
  const problems: string[] = [];
  const budget = FUNCTION_BUDGETS_KIB[name];
  if (bundle.bytes > budget * 1024) {
    const largest = bytesByOwner(bundle)
      .slice(0, 3)
      .map(({ owner, bytes }) => `${owner} ${kib(bytes)}`)
      .join(', ');
    problems.push(
      `${name}: ${kib(bundle.bytes)} is over its ${budget} KiB budget; largest: ${largest}`,
    );
  }
  for (const { what, matches } of FORBIDDEN_INPUTS) {
    const culprits = bundle.inputs.filter(({ path }) => matches(path)).map(({ path }) => path);
    if (culprits.length > 0)
      problems.push(`${name}: bundles ${what}: ${culprits.slice(0, 3).join(', ')}`);
  }
  return problems;
}
