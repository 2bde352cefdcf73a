import { sha256Hex } from './sha256';

/** What STS accepts for RoleSessionName and SourceIdentity: 2–64 of `[\w+=,.@-]` (`\w` is ASCII). */
export const STS_IDENTIFIER_PATTERN = /^[\w+=,.@-]{2,64}$/;
export const STS_IDENTIFIER_MAX_LENGTH = 64;

/** Hex digits of SHA-256 appended when a name has to be shortened or sanitized (64 bits). */
export const NAME_HASH_LENGTH = 16;

const ALLOWED_CHAR = /^[\w+=,.@-]$/;
const HASHED_SUFFIX = new RegExp(`-[0-9a-f]{${NAME_HASH_LENGTH}}$`);

/**
 * An email as names are derived from it: trimmed, Unicode NFC, lower case. Mailboxes that differ
 * only in case are one person to Elevate, so they get one name.
 */
export const canonicalEmail = (email: string): string =>
  email.trim().normalize('NFC').toLowerCase();

/** Every code point outside `[\w+=,.@-]` becomes `-` (one per code point, so emoji count once). */
export const sanitizeForSts = (text: string): string =>
  [...text].map((char) => (ALLOWED_CHAR.test(char) ? char : '-')).join('');

/**
 * `readable` itself when STS accepts it as is and it cannot be mistaken for a shortened name;
 * otherwise its sanitized start (to fit 64) plus `-` and 16 hex digits of SHA-256(`hashInput`).
 * The two forms never overlap (a plain name never ends like a hashed one), so two inputs can only
 * share a name if both are hashed and their 64-bit hashes collide.
 */
export const stsIdentifierFor = (readable: string, hashInput: string): string => {
  const sanitized = sanitizeForSts(readable);
  if (
    sanitized === readable &&
    STS_IDENTIFIER_PATTERN.test(readable) &&
    !HASHED_SUFFIX.test(readable)
  )
    return readable;
  const prefix =
    shortenKeepingAt(sanitized, STS_IDENTIFIER_MAX_LENGTH - NAME_HASH_LENGTH - 1) || 'user';
  return `${prefix}-${sha256Hex(hashInput).slice(0, NAME_HASH_LENGTH)}`;
};

/** Local-part characters always kept when a long local part is shortened to keep the `@`. */
const MIN_LOCAL_KEPT = 16;

/**
 * The first `max` characters, except that when the `@` would be cut off the local part is shortened
 * instead, so the result still reads `someone…@domain…`: target roles' trust policies require the
 * session name to match `*@*` (see infra/templates/target-role.yaml).
 */
export const shortenKeepingAt = (text: string, max: number): string => {
  const at = text.indexOf('@');
  if (text.length <= max || at === -1 || at < max) return text.slice(0, max);
  const rest = text.slice(at);
  return (text.slice(0, Math.max(MIN_LOCAL_KEPT, max - rest.length)) + rest).slice(0, max);
};
