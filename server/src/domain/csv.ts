/**
 * CSV that Excel and WPS open correctly: UTF-8 with a byte-order mark (without it Excel guesses a
 * legacy code page and garbles Chinese), CRLF line ends, RFC 4180 quoting (a field with a quote,
 * comma, CR or LF is quoted, quotes doubled). Text cells that begin with = + - @ tab or CR are
 * prefixed with ' so a spreadsheet does not run them as formulas (OWASP "CSV injection").
 */
export const CSV_BOM = '\uFEFF';
export type CsvCell = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, guarded and quoted as needed. Numbers are written as they are (a negative number is no formula). */
export function csvField(v: CsvCell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = typeof v === 'boolean' ? (v ? 'true' : 'false') : v;
  if (FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The whole file as text: BOM, header, rows, each line ended by CRLF. Encode it as UTF-8. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
  return CSV_BOM + lines.map((l) => `${l}\r\n`).join('');
}
