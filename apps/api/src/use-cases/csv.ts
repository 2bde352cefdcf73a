/**
 * Spreadsheet apps run cells that start with these as formulas (CSV injection, CWE-1236) — and
 * some read the full-width forms ＝＋－＠ (U+FF1D, U+FF0B, U+FF0D, U+FF20) as their ASCII twins.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

/**
 * One RFC 4180 field: always quoted, inner quotes doubled, and a leading formula character
 * neutralised with an apostrophe so a spreadsheet shows the text instead of running it.
 */
export function csvCell(value: string | number | boolean | undefined): string {
  const text = value === undefined ? '' : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(values: ReadonlyArray<string | number | boolean | undefined>): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
