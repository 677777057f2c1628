import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_THRESHOLDS as D, parseRiskThresholds } from './risk-config.ts';

const VALID = [
  { title: 'an empty object keeps the defaults', input: '{}', expected: (t: typeof D) => expect(t).toEqual(D) },
  { title: 'one threshold', input: '{"indicators":{"open":{"yellow":3}}}', expected: (t: typeof D) => expect(t.indicators.open).toEqual({ yellow: 3, orange: 4, red: 6 }) },
  { title: 'null switches a level off', input: '{"indicators":{"repeat":{"red":null}}}', expected: (t: typeof D) => expect(t.indicators.repeat.red).toBeNull() },
  { title: 'trend may be red when configured', input: '{"indicators":{"trend":{"red":6}}}', expected: (t: typeof D) => expect(t.indicators.trend).toEqual({ yellow: 2, orange: 4, red: 6 }) },
  { title: 'roll-up and combination settings', input: '{"rollup":{"gridScaleExponent":0.5,"redChildrenMin":3},"combination":{"orangeForRed":0}}',
    expected: (t: typeof D) => expect([t.rollup, t.combination]).toEqual([{ gridScaleExponent: 0.5, redChildrenMin: 3, redChildrenShare: 0.25 }, { orangeForRed: 0, yellowForOrange: 3 }]) },
];

const INVALID = [
  { title: 'not JSON', input: '{open: 2}', why: /not valid JSON/ },
  { title: 'an array', input: '[1,2]', why: /must be a JSON object/ },
  { title: 'an unknown indicator', input: '{"indicators":{"murders":{"red":1}}}', why: /indicators\.murders is not a setting/ },
  { title: 'an unknown top-level key (typo)', input: '{"trendMinReport":5}', why: /trendMinReport is not a setting/ },
  { title: 'thresholds out of order', input: '{"indicators":{"open":{"orange":1}}}', why: /indicators\.open must ascend/ },
  { title: 'equal thresholds', input: '{"indicators":{"open":{"yellow":4}}}', why: /must ascend/ },
  { title: 'a negative threshold', input: '{"indicators":{"open":{"yellow":-1}}}', why: /indicators\.open\.yellow must be a positive number/ },
  { title: 'a string threshold', input: '{"indicators":{"open":{"yellow":"2"}}}', why: /positive number or null/ },
  { title: 'a fractional minimum count', input: '{"trendMinReported":2.5}', why: /whole number/ },
  { title: 'a combination of one', input: '{"combination":{"orangeForRed":1}}', why: /0 \(off\) or 2\.\.6/ },
  { title: 'an exponent above 1', input: '{"rollup":{"gridScaleExponent":2}}', why: /rollup\.gridScaleExponent must be a number in \[0, 1\]/ },
];

describe('RISK_THRESHOLDS', () => {
  it.each(VALID)('accepts $title', ({ input, expected }) => expected(parseRiskThresholds(input)));
  it.each(INVALID)('rejects $title', ({ input, why }) => {
    expect(() => parseRiskThresholds(input)).toThrow(why);
  });
  it('leaves the defaults untouched and frozen', () => {
    parseRiskThresholds('{"indicators":{"open":{"yellow":3}}}');
    expect(D.indicators.open.yellow).toBe(2);
    expect(Object.isFrozen(D.indicators.open)).toBe(true);
  });
});
