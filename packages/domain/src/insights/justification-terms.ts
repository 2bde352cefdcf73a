// Words that say nothing about why access was needed; what is left groups similar reasons.
const STOP_WORDS = new Set(
  (
    'a about access after again all an and any are as at be because before but by can could do ' +
    'for from get has have i in into is it its me my need needed needs of on or our please prod ' +
    'production so some that the their then this to up us via was we with would'
  ).split(' '),
);

/** At most this many terms per request: enough to group by, small enough for a daily item. */
export const MAX_TERMS_PER_REQUEST = 8;

/**
 * Normalised terms of a justification: lower case, letters only (ticket numbers, ids and dates
 * dropped), stop words and words under three letters dropped, a plural `s` trimmed, distinct and
 * sorted, at most `MAX_TERMS_PER_REQUEST` (the first ones in the text win).
 */
export const justificationTermsOf = (justification: string): string[] => {
  const terms: string[] = [];
  for (const word of justification.toLowerCase().split(/[^a-z]+/u)) {
    if (word.length < 3 || STOP_WORDS.has(word)) continue;
    const term =
      word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
    if (!terms.includes(term)) terms.push(term);
    if (terms.length === MAX_TERMS_PER_REQUEST) break;
  }
  return terms.sort();
};

/** The project part of a ticket reference (`INC-4711`, `ops 12`, `CHG0012345` → `INC`, `OPS`, `CHG`). */
export const ticketPrefixOf = (ticket: string): string | undefined => {
  const match = /^\s*([A-Za-z][A-Za-z]*)/u.exec(ticket);
  return match?.[1]?.toUpperCase();
};
