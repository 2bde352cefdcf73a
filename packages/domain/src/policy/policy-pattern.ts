// Policy patterns (ticket and justification rules) run on every requester's text, in the API and
// in the SPA. They are compiled and run by re2js, a pure-JavaScript port of RE2: matching takes
// time linear in the input whatever the pattern, so no pattern shape can backtrack for seconds
// (`^(a+)+$` is as fast as `^a+$`) and there is no ReDoS analysis to keep conservative. RE2 has no
// lookaround or backreferences, the two features that need backtracking; such patterns are refused.
import { RE2JS } from 're2js';

/** Policy patterns longer than this are refused: a policy is read by people, not generated. */
export const MAX_PATTERN_LENGTH = 200;

/** Compiled patterns by source; a policy holds a handful, so the cache stays small. */
const compiled = new Map<string, RE2JS>();
const MAX_CACHED = 256;

const compile = (pattern: string): RE2JS => {
  const cached = compiled.get(pattern);
  if (cached !== undefined) return cached;
  const regex = RE2JS.compile(pattern);
  if (compiled.size >= MAX_CACHED) compiled.clear();
  compiled.set(pattern, regex);
  return regex;
};

/**
 * Why a pattern cannot be a policy pattern, or `undefined` when it can: too long, or not valid RE2
 * syntax (RE2's own description follows, e.g. "invalid or unsupported Perl syntax: `(?=`").
 */
export const policyPatternProblem = (pattern: string): string | undefined => {
  if (pattern.length > MAX_PATTERN_LENGTH) return `longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    compile(pattern);
    return undefined;
  } catch (error) {
    const detail =
      error instanceof Error ? error.message.replace(/^error parsing regexp: /u, '') : '';
    return `not a valid regular expression (RE2 syntax: no lookaround or backreferences): ${detail}`;
  }
};

/**
 * Whether `text` contains a match of `pattern` (like `RegExp#test`: anchor with `^…$` to match
 * the whole text). The pattern must have passed `policyPatternProblem`, as every parsed policy's
 * patterns have.
 */
export const matchesPolicyPattern = (pattern: string, text: string): boolean =>
  compile(pattern).matcher(text).find();
