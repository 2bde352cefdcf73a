// `pnpm bench:bundles`: builds every Lambda bundle as CDK does, prints its size, what fills it and
// its budget, writes each esbuild metafile (for https://esbuild.github.io/analyze/), and measures
// the cold import of each bundle in fresh Node processes, with and without source maps loaded.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compilePolicyFile } from '@elevate/adapters';
import { FUNCTION_SPECS } from '../stacks/function-specs';
import { bundleFunction, bytesByOwner } from './function-bundle';
import { bundleViolations, FUNCTION_BUDGETS_KIB, FUNCTION_TARGETS_KIB } from './function-budgets';

const repoRoot = resolve(import.meta.dirname, '../../..');
const outRoot = join(repoRoot, '.data/bench/bundles');
const runs = Number(process.env.BENCH_RUNS ?? 10);
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;

rmSync(outRoot, { recursive: true, force: true });
mkdirSync(outRoot, { recursive: true });
const policyFile = join(outRoot, 'policy.json');
writeFileSync(policyFile, compilePolicyFile(join(repoRoot, 'config/policy.example.yaml')));

// What each function is told in AWS (function-specs.ts), with placeholder values: nothing is called.
const env = {
  PATH: process.env.PATH ?? '',
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'placeholder',
  AWS_SECRET_ACCESS_KEY: 'placeholder',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  ELEVATE_IDP_ISSUER: 'https://idp.example.com',
  ELEVATE_API_AUDIENCE: 'urn:elevate:api',
  ELEVATE_CLIENT_ID: 'elevate-web',
  ELEVATE_TABLE_NAME: 'elevate',
  ELEVATE_POLICY_FILE: policyFile,
  ELEVATE_WEB_ORIGIN: 'https://elevate.example.com',
  ELEVATE_STS_REGIONS: 'eu-west-1,eu-central-1',
  ELEVATE_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:elevate-events',
  ELEVATE_REVOKER_ROLE_NAME: 'elevate-revoker',
  // The API and the sweeper are always deployed with the digest bucket and key (auditEnvironment).
  ELEVATE_AUDIT_DIGEST_BUCKET: 'elevate-audit-digests',
  ELEVATE_AUDIT_SIGNING_KEY_ID: 'arn:aws:kms:eu-west-1:123456789012:key/placeholder',
  ELEVATE_LOG_LEVEL: 'silent',
};

/** Milliseconds from `import()` to its resolution in a fresh process; median and max of `runs`. */
function coldImport(file: string, sourceMaps: boolean): { median: number; max: number } {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
  const times = Array.from({ length: runs }, () =>
    Number(
      execFileSync(
        process.execPath,
        [...(sourceMaps ? ['--enable-source-maps'] : []), '--input-type=module', '-e', script],
        { env, encoding: 'utf8' },
      ),
    ),
  ).sort((a, b) => a - b);
  return {
    median: times[Math.floor((times.length - 1) / 2)] ?? NaN,
    max: times[times.length - 1] ?? NaN,
  };
}

console.log(`Node ${process.version}; cold import = median of ${runs} fresh processes\n`);
const problems: string[] = [];
for (const spec of FUNCTION_SPECS) {
  const outDir = join(outRoot, spec.name);
  const bundle = await bundleFunction({ repoRoot, entry: spec.entry, outDir });
  writeFileSync(join(outDir, 'index.meta.json'), JSON.stringify(bundle.metafile));
  problems.push(...bundleViolations(spec.name, bundle));
  const plain = coldImport(bundle.file, false);
  const mapped = coldImport(bundle.file, true);
  const target = FUNCTION_TARGETS_KIB[spec.name];
  console.log(
    `${spec.name.padEnd(10)} ${kib(bundle.bytes).padStart(8)}  budget ${FUNCTION_BUDGETS_KIB[spec.name]} KiB${target === undefined ? '' : ` (target ${target})`}  cold import ${plain.median.toFixed(0)} ms (max ${plain.max.toFixed(0)}), with source maps ${mapped.median.toFixed(0)} ms`,
  );
  console.log(
    `           ${bytesByOwner(bundle)
      .slice(0, 6)
      .map(({ owner, bytes }) => `${owner} ${kib(bytes)}`)
      .join(', ')}`,
  );
}
console.log(`\nMetafiles: ${outRoot}/<function>/index.meta.json`);
if (problems.length > 0) {
  console.log(`\n${problems.join('\n')}`);
  process.exitCode = 1;
}
