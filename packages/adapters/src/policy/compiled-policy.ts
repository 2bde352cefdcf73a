import { readFileSync } from 'node:fs';
import type { PatternProblem, Policy, PolicyError } from '@elevate/domain';
import { formatPolicyError, parsePolicy, parsePolicyWith } from '@elevate/domain';
import { PolicyFileError } from './policy-file-error';

// The policy as the functions read it: JSON written at synth from the validated YAML
// (compilePolicyFile in load-policy-file.ts), so no function bundles or runs a YAML parser.

/** Parses compiled policy JSON; validated again by the domain, so a hand-edited file cannot slip by. */
export const parseCompiledPolicy = (text: string, file: string): Policy =>
  parseCompiledPolicyWith(text, file, (data) => parsePolicy(data));

function parseCompiledPolicyWith(
  text: string,
  file: string,
  parse: (data: unknown) => ReturnType<typeof parsePolicy>,
): Policy {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new PolicyFileError(file, [
      `not compiled policy JSON (${error instanceof Error ? error.message : 'unreadable'}); ` +
        'a YAML policy is read by the local server only, Lambda functions read the JSON infra compiles',
    ]);
  }
  const parsed = parse(data);
  if (!parsed.ok)
    throw new PolicyFileError(
      file,
      parsed.error.map((error: PolicyError) => formatPolicyError(error)),
    );
  return parsed.value;
}

/** Reads the compiled policy at start-up; a broken file stops the function with actionable messages. */
export const loadCompiledPolicy = (path: string): Policy =>
  parseCompiledPolicy(readFileSync(path, 'utf8'), path);

/** Patterns are neither compiled nor matched here; see loadCompiledPolicyWithoutPatterns. */
const patternsUnchecked: PatternProblem = () => undefined;

/**
 * The compiled policy for a function that never matches a policy pattern (the notifier and the
 * sweeper name accounts and reviewers from it): validated like `loadCompiledPolicy` except that its
 * patterns are not compiled, so the function does not bundle the RE2 engine (147 KiB). Synth
 * compiled every pattern (compilePolicyFile), and the API and federate functions, which match
 * them, compile them again at start-up.
 */
export const loadCompiledPolicyWithoutPatterns = (path: string): Policy =>
  parseCompiledPolicyWith(readFileSync(path, 'utf8'), path, (data) =>
    parsePolicyWith(data, patternsUnchecked),
  );
