/**
 * Strict decimal parsing for query parameters. `Number()` alone accepts '', ' 1', '0x10' and
 * 'Infinity'; a map API must reject all of those rather than guess.
 */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^\d{1,15}$/;

/** A finite decimal number, or null when `raw` is anything else (hex, blanks, NaN, overflow). */
export function parseStrictNumber(raw: string): number | null {
  if (!DECIMAL.test(raw)) return null;
  const v = Number(raw);
  return Number.isFinite(v) ? v : null;
}

/** A non-negative integer written as plain digits (at most 15, so it is exact in a double), or null. */
export function parseStrictInteger(raw: string): number | null {
  return INTEGER.test(raw) ? Number(raw) : null;
}
