/**
 * What the Lambda bundles use in place of `semver` (esbuild `alias` in
 * infra/src/constructs/function-bundling.ts). Only aws-xray-sdk-core requires it, and only to check
 * the AWS SDK v2's version in `captureAWS`, which Elevate never calls: its clients are SDK v3 ones,
 * traced with `captureAWSv3Client` (observability/tracing.ts). The X-Ray SDK requires every patcher
 * when it loads, so semver (29 KiB, a few ms of regular expressions built at each cold start) came
 * along; infra/src/bundles/function-bundles.test.ts checks that nothing else asks for it.
 */
export function gte(): never {
  throw new Error(
    'semver is not bundled in Elevate functions: X-Ray captureAWS (AWS SDK v2) is not supported, use captureAWSv3Client',
  );
}
