import { createHash } from 'node:crypto';

/** A strong ETag from the content bytes: equal bytes, equal tag, across restarts and replicas. */
export function etagOf(bytes: Uint8Array): string {
  return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
}

/**
 * Whether an If-None-Match header matches etag (RFC 9110 §13.1.2: weak comparison, list or `*`).
 */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => bare(t) === bare(etag));
}
