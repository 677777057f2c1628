/** The `q` of /api/search, and the escaping that keeps it a literal inside LIKE patterns. */
import { invalidParameter } from './api-error.ts';

export const MAX_SEARCH_LENGTH = 40;

/**
 * Trims `q`; rejects an empty or too long one, or one with control characters.
 * @throws ApiError 400 naming `q`.
 */
export function parseSearchQuery(raw: string | undefined): string {
  const q = (raw ?? '').trim();
  if (q === '') throw invalidParameter('q', 'q is required: part of a name (e.g. 崆峒) or the start of a code (e.g. 620802001)');
  if ([...q].length > MAX_SEARCH_LENGTH) throw invalidParameter('q', `q is longer than ${MAX_SEARCH_LENGTH} characters`);
  if (/[\u0000-\u001f\u007f]/.test(q)) throw invalidParameter('q', 'q contains control characters');
  return q;
}

/** Escapes \, % and _ so the text matches itself in `LIKE … ESCAPE '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
