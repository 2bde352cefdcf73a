// Policy patterns run in the browser with the engine the API uses (re2js, RE2 semantics, linear
// time), never with RegExp: a policy may hold `^(a+)+$`, harmless under RE2 but able to freeze a
// backtracking engine on one keystroke. The engine (~46 KiB gzip) is its own chunk, fetched when
// a page that checks patterns first loads this module, so no page's first load carries it.
import type { RE2JS } from 're2js';

let engine: typeof RE2JS | undefined;
const compiled = new Map<string, RE2JS | null>();

/** Starts fetching the engine; resolves once it is ready (tests await it). */
export const policyPatternEngineReady: Promise<void> = import('re2js').then(
  (module) => {
    engine = module.RE2JS;
  },
  () => undefined,
);

/**
 * Whether `value` contains a match of the policy pattern. `true` while the engine is still loading
 * or when the pattern does not compile here: the form's checks are a courtesy, the API decides.
 */
export function matchesPolicyPattern(pattern: string, value: string): boolean {
  if (engine === undefined) return true;
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    try {
      regex = engine.compile(pattern);
    } catch {
      regex = null;
    }
    compiled.set(pattern, regex);
  }
  return regex === null ? true : regex.matcher(value).find();
}
