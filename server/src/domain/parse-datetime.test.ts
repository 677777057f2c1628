import { describe, expect, it } from 'vitest';
import { parseDatetime } from './parse-datetime.ts';
import { apiErrorOf } from './test-helpers.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const VALID = [
  { title: 'UTC instant', raw: '2022-03-01T08:00:00Z', start: '2022-03-01T08:00:00.000Z', end: '2022-03-01T08:00:00.000Z' },
  { title: 'instant with +08:00 offset', raw: '2022-03-01T08:00:00+08:00', start: '2022-03-01T00:00:00.000Z', end: '2022-03-01T00:00:00.000Z' },
  { title: 'instant with negative offset', raw: '2022-03-01T08:00:00-01:30', start: '2022-03-01T09:30:00.000Z', end: '2022-03-01T09:30:00.000Z' },
  { title: 'fractional seconds', raw: '2022-03-01T08:00:00.25Z', start: '2022-03-01T08:00:00.250Z', end: '2022-03-01T08:00:00.250Z' },
  { title: 'lower-case t and z', raw: '2022-03-01t08:00:00z', start: '2022-03-01T08:00:00.000Z', end: '2022-03-01T08:00:00.000Z' },
  { title: 'a date is the whole local (UTC+8) day', raw: '2022-03-01', start: '2022-02-28T16:00:00.000Z', end: '2022-03-01T15:59:59.999Z' },
  { title: 'leap day', raw: '2024-02-29', start: '2024-02-28T16:00:00.000Z', end: '2024-02-29T15:59:59.999Z' },
  { title: 'closed interval', raw: '2022-01-01T00:00:00Z/2022-12-31T23:59:59Z', start: '2022-01-01T00:00:00.000Z', end: '2022-12-31T23:59:59.000Z' },
  { title: 'interval of dates (both inclusive)', raw: '2022-01-01/2022-01-31', start: '2021-12-31T16:00:00.000Z', end: '2022-01-31T15:59:59.999Z' },
  { title: 'open start', raw: '../2022-01-01T00:00:00Z', start: null, end: '2022-01-01T00:00:00.000Z' },
  { title: 'open end', raw: '2022-01-01T00:00:00Z/..', start: '2022-01-01T00:00:00.000Z', end: null },
  { title: 'empty start', raw: '/2022-01-01T00:00:00Z', start: null, end: '2022-01-01T00:00:00.000Z' },
  { title: 'both open', raw: '../..', start: null, end: null },
  { title: 'zero-length interval', raw: '2022-01-01T00:00:00Z/2022-01-01T00:00:00Z', start: '2022-01-01T00:00:00.000Z', end: '2022-01-01T00:00:00.000Z' },
];

const INVALID = [
  { title: 'empty', raw: '' },
  { title: 'words', raw: 'yesterday' },
  { title: 'no time zone', raw: '2022-03-01T08:00:00' },
  { title: 'month 13', raw: '2022-13-01T00:00:00Z' },
  { title: 'February 30', raw: '2022-02-30' },
  { title: 'February 29 of a common year', raw: '2023-02-29T00:00:00Z' },
  { title: 'hour 24', raw: '2022-03-01T24:00:00Z' },
  { title: 'minute 60', raw: '2022-03-01T10:60:00Z' },
  { title: 'offset hour 24', raw: '2022-03-01T10:00:00+24:00' },
  { title: 'inverted interval', raw: '2022-12-31T00:00:00Z/2022-01-01T00:00:00Z' },
  { title: 'three parts', raw: '2022-01-01/2022-02-01/2022-03-01' },
  { title: 'bad end', raw: '2022-01-01T00:00:00Z/soon' },
  { title: 'injection', raw: "2022-01-01' OR '1'='1" },
  { title: 'unix time', raw: '1646121600' },
];

describe('parseDatetime', () => {
  it.each(VALID)('accepts $title', ({ raw, start, end }) => {
    const r = parseDatetime(raw);
    expect([iso(r.start), iso(r.end)]).toEqual([start, end]);
  });
  it.each(INVALID)('rejects $title with 400 naming datetime', ({ raw }) => {
    const e = apiErrorOf(() => parseDatetime(raw));
    expect([e.status, e.code, e.parameter]).toEqual([400, 'invalid_parameter', 'datetime']);
  });
});
