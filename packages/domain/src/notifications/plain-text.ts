// Controls (C0/C1, incl. newlines), format characters (zero-width, bidi overrides/isolates) and
// unpaired surrogates: none belongs in a subject, a one-line field or a chat message.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\u2028\u2029]/gu;

/**
 * User text made safe to show in a notification: unsafe characters become spaces, whitespace
 * collapses, and it is cut to `maxChars` code points (an ellipsis marks the cut). Channels still
 * escape for their own syntax (HTML, Slack mrkdwn).
 */
export const plainText = (value: string, maxChars: number): string => {
  const flat = value.replace(UNSAFE, ' ').replace(/\s+/gu, ' ').trim();
  const chars = [...flat];
  return chars.length <= maxChars
    ? flat
    : `${chars
        .slice(0, Math.max(0, maxChars - 1))
        .join('')
        .trimEnd()}…`;
};

/**
 * An e-mail subject as SNS accepts it: printable ASCII only (accents are dropped from their
 * letters, anything else becomes `?`), one line, at most `maxChars` (SNS: 100).
 */
export const asciiSubject = (value: string, maxChars = 100): string => {
  const ascii = plainText(value, Number.MAX_SAFE_INTEGER)
    .replace(/…/gu, '...')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7E]/gu, '?');
  return ascii.length <= maxChars ? ascii : `${ascii.slice(0, maxChars - 3).trimEnd()}...`;
};
