/**
 * The Idempotency-Key header of a write (draft-ietf-httpapi-idempotency-key-header): 8–128 visible
 * ASCII characters, so a UUID or any client-made token fits and nothing else reaches the table.
 */
import { invalidParameter } from './api-error.ts';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Stored answers are replayed for this long; older keys are swept lazily and may be reused. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** null when the header is absent; throws a 400 naming the header when it is malformed. */
export function parseIdempotencyKey(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  if (!/^[\x21-\x7e]{8,128}$/.test(raw)) {
    throw invalidParameter(IDEMPOTENCY_HEADER, `${IDEMPOTENCY_HEADER} must be 8 to 128 visible ASCII characters (e.g. a UUID)`);
  }
  return raw;
}
