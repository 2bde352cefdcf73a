import { readFileSync } from 'node:fs';
import type { Policy, PolicyError } from '@elevate/domain';
import { formatPolicyError, parsePolicy } from '@elevate/domain';
import { LineCounter, parseDocument } from 'yaml';

/** The policy file could not be used; `problems` name the path inside the file, one per line of `message`. */
export class PolicyFileError extends Error {
  override readonly name = 'PolicyFileError';
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(
      `Invalid policy file ${file}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
  }
}

/** Parses policy YAML text; `file` only labels the errors. Throws PolicyFileError listing every problem. */
export const parsePolicyYaml = (text: string, file: string): Policy => {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new PolicyFileError(
      file,
      document.errors.map((error) => {
        const at = lineCounter.linePos(error.pos[0]);
        return `line ${at.line}, column ${at.col}: ${error.message.split('\n')[0] ?? error.code}`;
      }),
    );
  }
  const parsed = parsePolicy(document.toJS());
  if (!parsed.ok)
    throw new PolicyFileError(
      file,
      parsed.error.map((error: PolicyError) => formatPolicyError(error)),
    );
  return parsed.value;
};

/** Reads and validates the policy at start-up; a broken file stops the broker with actionable messages. */
export const loadPolicyFile = (path: string): Policy =>
  parsePolicyYaml(readFileSync(path, 'utf8'), path);
