import { readFileSync } from 'node:fs';
import type { Policy, PolicyError } from '@elevate/domain';
import { formatPolicyError, parsePolicy } from '@elevate/domain';
import { LineCounter, parseDocument } from 'yaml';
import { PolicyFileError } from './policy-file-error';

export { PolicyFileError };

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

/**
 * The policy file as the JSON the functions read (compiled-policy.ts): the document as written — not
 * the parsed policy, whose derived fields the schema would refuse — after the same validation the
 * API does. Stable key order and a trailing newline keep synth output diffable.
 */
export const compilePolicyFile = (path: string): string => {
  const text = readFileSync(path, 'utf8');
  parsePolicyYaml(text, path);
  return `${JSON.stringify(parseDocument(text).toJS(), null, 2)}\n`;
};
