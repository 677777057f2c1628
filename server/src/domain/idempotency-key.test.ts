import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { parseIdempotencyKey } from './idempotency-key.ts';

describe('parseIdempotencyKey', () => {
  const ok = [
    { title: 'absent header', raw: undefined, expected: null },
    { title: 'a UUID', raw: '3f1c2a9e-6b7d-4c21-9a0e-2f5d8b7c6a11', expected: '3f1c2a9e-6b7d-4c21-9a0e-2f5d8b7c6a11' },
    { title: '8 characters', raw: 'abcdefgh', expected: 'abcdefgh' },
    { title: '128 characters', raw: 'k'.repeat(128), expected: 'k'.repeat(128) },
  ];
  for (const c of ok) it(`accepts ${c.title}`, () => expect(parseIdempotencyKey(c.raw)).toBe(c.expected));

  const bad = [
    { title: 'an empty header', raw: '' },
    { title: '7 characters', raw: 'abcdefg' },
    { title: '129 characters', raw: 'k'.repeat(129) },
    { title: 'a space inside', raw: 'abcd efgh' },
    { title: 'non-ASCII', raw: '幂等键幂等键幂等键' },
    { title: 'a control character', raw: 'abcdefgh\u0001' },
  ];
  for (const c of bad) {
    it(`refuses ${c.title} with a 400 naming the header`, () => {
      try {
        parseIdempotencyKey(c.raw);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ApiError);
        expect((e as ApiError).toJSON()).toMatchObject({ code: 'invalid_parameter', parameter: 'Idempotency-Key' });
        expect((e as ApiError).status).toBe(400);
      }
    });
  }
});
