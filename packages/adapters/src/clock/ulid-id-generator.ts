import { randomBytes } from 'node:crypto';
import type { IdGenerator } from '@elevate/domain';

// Crockford base32: no I, L, O, U, so ids read aloud and sort the same in every locale.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;
const RANDOM_BITS = 80n;
const MAX_TIME_MS = 2 ** 48 - 1;

const encode = (value: bigint, length: number): string => {
  let text = '';
  let rest = value;
  for (let index = 0; index < length; index += 1) {
    text = (ALPHABET[Number(rest % 32n)] ?? '0') + text;
    rest /= 32n;
  }
  return text;
};

const randomBigInt = (): bigint => BigInt(`0x${randomBytes(10).toString('hex')}`);

/**
 * ULID-shaped ids (26 chars: 48-bit ms time + 80 random bits) that sort by creation time. Within
 * one millisecond the random part is incremented, so ids from one generator are strictly
 * increasing even when the clock stands still or steps back.
 */
export const createUlidIdGenerator = (nowMs: () => number = Date.now): IdGenerator => {
  let lastTime = -1;
  let lastRandom = 0n;
  return {
    next: () => {
      const time = Math.max(Math.min(nowMs(), MAX_TIME_MS), lastTime);
      if (time === lastTime) {
        lastRandom += 1n;
        // 2^80 ids in one millisecond will not happen; if it did, borrow the next millisecond.
        if (lastRandom >= 1n << RANDOM_BITS) {
          lastTime += 1;
          lastRandom = 0n;
        }
      } else {
        lastTime = time;
        lastRandom = randomBigInt();
      }
      return encode(BigInt(time), TIME_CHARS) + encode(lastRandom, RANDOM_CHARS);
    },
  };
};

/** The process-wide generator. */
export const ulidIdGenerator: IdGenerator = createUlidIdGenerator();
