import * as z from 'zod/mini';
import { StsError, validationError } from '../sts-error';

const MAX_POLICY_CHARACTERS = 2048;
/** AWS accepts tab, newline, carriage return and U+0020–U+00FF in policy text. */
function isPolicyCharacter(code: number): boolean {
  return code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code <= 0xff);
}

const statementSchema = z.looseObject({ Effect: z.enum(['Allow', 'Deny']) });
const policySchema = z.looseObject({
  Version: z.optional(z.string()),
  Statement: z.union([statementSchema, z.array(statementSchema).check(z.minLength(1))]),
});

/** The inline session policy: ≤ 2048 characters of policy text, valid JSON, with a policy's outline. */
export function validateSessionPolicy(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  if (raw.length < 1)
    throw validationError(raw, 'policy', 'Member must have length greater than or equal to 1');
  if (raw.length > MAX_POLICY_CHARACTERS) {
    throw validationError(
      '(policy text)',
      'policy',
      `Member must have length less than or equal to ${MAX_POLICY_CHARACTERS}`,
    );
  }
  if (![...raw].every((c) => isPolicyCharacter(c.codePointAt(0) ?? 0))) {
    throw validationError(
      '(policy text)',
      'policy',
      'Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new StsError('MalformedPolicyDocument', 'The policy is not in the valid JSON format.');
  }
  if (!policySchema.safeParse(parsed).success) {
    throw new StsError('MalformedPolicyDocument', 'Syntax errors in policy.');
  }
  return parsed;
}
