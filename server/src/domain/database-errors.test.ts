import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-errors.ts';

const err = (message: string, fields: Record<string, unknown> = {}) => Object.assign(new Error(message), fields);

describe('isDatabaseUnavailable', () => {
  const TEST_CASES: { title: string; error: unknown; expected: boolean }[] = [
    { title: 'connection refused', error: err('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED' }), expected: true },
    { title: 'refused on every address (AggregateError)', error: Object.assign(new AggregateError([err('x', { code: 'ECONNREFUSED' })], ''), { code: undefined }), expected: true },
    { title: 'connection reset', error: err('read ECONNRESET', { code: 'ECONNRESET' }), expected: true },
    { title: 'admin shutdown 57P01', error: err('terminating connection due to administrator command', { code: '57P01' }), expected: true },
    { title: 'server starting up 57P03', error: err('the database system is starting up', { code: '57P03' }), expected: true },
    { title: 'class 08 connection failure', error: err('connection failure', { code: '08006' }), expected: true },
    { title: 'statement timeout 57014', error: err('canceling statement due to statement timeout', { code: '57014' }), expected: true },
    { title: 'pg "Connection terminated unexpectedly"', error: err('Connection terminated unexpectedly'), expected: true },
    { title: 'pool connect timeout', error: err('timeout exceeded when trying to connect'), expected: true },
    { title: 'wrapped in a cause', error: new Error('outer', { cause: err('x', { code: 'ECONNREFUSED' }) }), expected: true },
    { title: 'a unique violation 23505', error: err('duplicate key value', { code: '23505' }), expected: false },
    { title: 'a syntax error 42601', error: err('syntax error at or near', { code: '42601' }), expected: false },
    { title: 'a plain bug', error: new TypeError("Cannot read properties of undefined (reading 'x')"), expected: false },
    { title: 'null', error: null, expected: false },
    { title: 'a string', error: 'ECONNREFUSED', expected: false },
  ];
  for (const c of TEST_CASES) it(`${c.expected ? 'flags' : 'does not flag'} ${c.title}`, () => expect(isDatabaseUnavailable(c.error)).toBe(c.expected));
});
