/** Policy patterns longer than this are refused: they run on every request's text. */
export const MAX_PATTERN_LENGTH = 200;

/** A `{n,m}` repeat with a larger `m` counts as unbounded, like `*` and `+`. */
const MAX_BOUNDED_REPEAT = 10;

interface Repeat {
  readonly min: number;
  readonly max: number;
}

type Node =
  | { readonly kind: 'atom'; readonly source: string; readonly repeat: Repeat }
  | {
      readonly kind: 'group';
      readonly alternatives: readonly Node[][];
      readonly repeat: Repeat;
      readonly lookahead: boolean;
    };

class Unsafe extends Error {}

/**
 * Why an admin-written pattern (already known to compile in Unicode mode) could backtrack
 * catastrophically on user input, or `undefined` when it looks safe. Conservative on purpose: it
 * refuses a repeated group holding a quantifier or an alternation (`^(a+)+$`, `(a|aa)*`,
 * `(.*a){20}`), backreferences and lookbehind, and two unbounded repeats that can match the same
 * characters with nothing disjoint between them (`\w+\w+`, `.*-.*`), which are polynomial and
 * already take seconds on a 2000-character justification. Realistic ticket and justification
 * patterns (`^[A-Z]+-\d+$`, `\b(?:INC|CHG)\d{6,}\b`) pass.
 */
export const unsafePatternReason = (pattern: string): string | undefined => {
  if (pattern.length > MAX_PATTERN_LENGTH) return `longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    const tree = new PatternReader(pattern).read();
    checkAlternatives(tree, { mandatory: true });
    return undefined;
  } catch (error) {
    if (error instanceof Unsafe) return error.message;
    throw error;
  }
};

const ONCE: Repeat = { min: 1, max: 1 };

const isRepeating = (repeat: Repeat): boolean => repeat.max > 1;
const isUnbounded = (repeat: Repeat): boolean => repeat.max > MAX_BOUNDED_REPEAT;

/** A small reader for the subset of JavaScript regex syntax that compiles with the `u` flag. */
class PatternReader {
  private index = 0;

  constructor(private readonly source: string) {}

  read(): Node[][] {
    const alternatives = this.alternatives();
    if (this.index < this.source.length) throw new Unsafe('unbalanced parentheses');
    return alternatives;
  }

  private alternatives(): Node[][] {
    const alternatives: Node[][] = [[]];
    while (this.index < this.source.length) {
      const char = this.source[this.index];
      if (char === ')') break;
      if (char === '|') {
        this.index += 1;
        alternatives.push([]);
        continue;
      }
      const node = this.term();
      if (node !== undefined) alternatives[alternatives.length - 1]?.push(node);
    }
    return alternatives;
  }

  /** One atom or group with its quantifier; `undefined` for zero-width assertions. */
  private term(): Node | undefined {
    const start = this.index;
    const char = this.source[this.index];
    this.index += 1;
    switch (char) {
      case '^':
      case '$':
        return undefined;
      case '\\':
        return this.escape(start);
      case '[':
        this.skipClass();
        return this.atom(start);
      case '(':
        return this.group();
      default:
        return this.atom(start);
    }
  }

  private escape(start: number): Node | undefined {
    const next = this.source[this.index] ?? '';
    this.index += 1;
    if (/[1-9]/.test(next) || next === 'k') throw new Unsafe('backreferences are not allowed');
    if (next === 'b' || next === 'B') return undefined;
    if ((next === 'p' || next === 'P' || next === 'u') && this.source[this.index] === '{') {
      this.index = this.source.indexOf('}', this.index) + 1;
    } else if (next === 'u') {
      this.index += 4;
    } else if (next === 'x') {
      this.index += 2;
    } else if (next === 'c') {
      this.index += 1;
    }
    return this.atom(start);
  }

  private skipClass(): void {
    while (this.index < this.source.length && this.source[this.index] !== ']') {
      this.index += this.source[this.index] === '\\' ? 2 : 1;
    }
    this.index += 1;
  }

  private group(): Node {
    let lookahead = false;
    if (this.source.startsWith('?<=', this.index) || this.source.startsWith('?<!', this.index)) {
      throw new Unsafe('lookbehind is not allowed');
    }
    if (this.source.startsWith('?=', this.index) || this.source.startsWith('?!', this.index)) {
      lookahead = true;
      this.index += 2;
    } else if (this.source.startsWith('?:', this.index)) {
      this.index += 2;
    } else if (this.source.startsWith('?<', this.index)) {
      this.index = this.source.indexOf('>', this.index) + 1;
    }
    const alternatives = this.alternatives();
    this.index += 1; // ')'
    return { kind: 'group', alternatives, repeat: this.repeat(), lookahead };
  }

  private atom(start: number): Node {
    const source = this.source.slice(start, this.index);
    return { kind: 'atom', source, repeat: this.repeat() };
  }

  private repeat(): Repeat {
    const rest = this.source.slice(this.index);
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(rest);
    let repeat = ONCE;
    if (rest.startsWith('*')) repeat = { min: 0, max: Infinity };
    else if (rest.startsWith('+')) repeat = { min: 1, max: Infinity };
    else if (rest.startsWith('?')) repeat = { min: 0, max: 1 };
    else if (braces !== null) {
      const min = Number(braces[1]);
      const max = braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3]);
      repeat = { min, max };
    }
    if (repeat === ONCE) return repeat;
    this.index += braces?.[0].length ?? 1;
    if (this.source[this.index] === '?') this.index += 1; // lazy: same backtracking
    return repeat;
  }
}

const containsQuantifierOrAlternation = (alternatives: readonly Node[][]): boolean =>
  alternatives.length > 1 ||
  alternatives.some((sequence) =>
    sequence.some(
      (node) =>
        node.repeat !== ONCE ||
        (node.kind === 'group' && containsQuantifierOrAlternation(node.alternatives)),
    ),
  );

const containsUnbounded = (alternatives: readonly Node[][]): boolean =>
  alternatives.some((sequence) =>
    sequence.some(
      (node) =>
        isUnbounded(node.repeat) || (node.kind === 'group' && containsUnbounded(node.alternatives)),
    ),
  );

/** Each alternative is its own sequence; groups inside are checked on the way. */
const checkAlternatives = (
  alternatives: readonly Node[][],
  context: { mandatory: boolean },
): void => {
  for (const sequence of alternatives) checkSequence(flatten(sequence, context.mandatory));
};

/** An item of a flattened sequence: an atom's character set (`null`: any character). */
interface Item {
  readonly source: string | null;
  readonly mandatory: boolean;
  readonly unbounded: boolean;
}

const ANY = null;

/**
 * Inlines single-alternative groups that do not repeat, so neighbours across group boundaries are
 * compared; checks the other groups on their own and stands them in as "any character".
 */
const flatten = (sequence: readonly Node[], mandatory: boolean): Item[] =>
  sequence.flatMap((node): Item[] => {
    const required = mandatory && node.repeat.min >= 1;
    if (node.kind === 'atom') {
      return [{ source: node.source, mandatory: required, unbounded: isUnbounded(node.repeat) }];
    }
    if (node.lookahead) {
      checkAlternatives(node.alternatives, { mandatory: false });
      return [];
    }
    if (isRepeating(node.repeat)) {
      if (containsQuantifierOrAlternation(node.alternatives)) {
        throw new Unsafe('a repeated group contains a quantifier or an alternation');
      }
      return [{ source: ANY, mandatory: false, unbounded: isUnbounded(node.repeat) }];
    }
    const [only, ...others] = node.alternatives;
    if (only !== undefined && others.length === 0) return flatten(only, required);
    checkAlternatives(node.alternatives, { mandatory: required });
    return [{ source: ANY, mandatory: false, unbounded: containsUnbounded(node.alternatives) }];
  });

/**
 * Two unbounded repeats that can match the same characters, with no mandatory character between
 * them that the first cannot match, split the text in many ways: refused.
 */
const checkSequence = (items: readonly Item[]): void => {
  let live: Item[] = [];
  for (const item of items) {
    if (item.unbounded && live.some((earlier) => overlaps(earlier.source, item.source))) {
      throw new Unsafe('two unbounded repeats can match the same text');
    }
    if (item.mandatory) live = live.filter((earlier) => overlaps(earlier.source, item.source));
    if (item.unbounded) live.push(item);
  }
};

/** Every BMP code point outside the surrogates, and a few astral ones; built on first use. */
let samples: readonly string[] | undefined;
const sampleCharacters = (): readonly string[] => {
  samples ??= [
    ...Array.from({ length: 0xd800 }, (_, i) => i),
    ...Array.from({ length: 0x10000 - 0xe000 }, (_, i) => 0xe000 + i),
    ...[0x10000, 0x1f600, 0x20000, 0xe0001, 0x10fffd],
  ].map((point) => String.fromCodePoint(point));
  return samples;
};

const overlapCache = new Map<string, boolean>();

/** Whether two single-character atoms can match a common character. */
const overlaps = (a: string | null, b: string | null): boolean => {
  if (a === ANY || b === ANY) return true;
  const key = JSON.stringify([a, b]);
  const cached = overlapCache.get(key);
  if (cached !== undefined) return cached;
  const first = new RegExp(`^(?:${a})$`, 'u');
  const second = new RegExp(`^(?:${b})$`, 'u');
  const result = sampleCharacters().some((char) => first.test(char) && second.test(char));
  overlapCache.set(key, result);
  return result;
};
