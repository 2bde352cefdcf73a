import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePolicyFile, loadPolicyFile } from '@elevate/adapters';
import type { Policy } from '@elevate/domain';

export const EXAMPLE_POLICY_FILE = fileURLToPath(
  new URL('../../../config/policy.example.yaml', import.meta.url),
);

/** config/policy.example.yaml, read and validated by the same loader the API starts with. */
export const examplePolicyFromFile = (): Policy => loadPolicyFile(EXAMPLE_POLICY_FILE);

/** The example policy compiled to JSON as infra does at synth: what the functions read. */
export const EXAMPLE_COMPILED_POLICY_FILE = (() => {
  const file = join(mkdtempSync(join(tmpdir(), 'elevate-policy-')), 'policy.json');
  writeFileSync(file, compilePolicyFile(EXAMPLE_POLICY_FILE));
  return file;
})();
