import { describe, expect, it } from 'vitest';
import { findCollection } from './collections.ts';
import { parseItemsQuery } from './parse-items-query.ts';
import { apiErrorOf } from './test-helpers.ts';

const grids = findCollection('grids')!;
const disputes = findCollection('disputes')!;

describe('parseItemsQuery', () => {
  it('applies defaults when the query is empty', () => {
    expect(parseItemsQuery(grids, {})).toEqual({ bbox: null, datetime: null, filters: [], limit: 100, offset: 0 });
  });
  it('types filter values by their queryable', () => {
    const q = parseItemsQuery(disputes, { criminal_risk: 'true', status: 'resolved', town_code: '620802001' });
    expect(q.filters.map((f) => [f.property.name, f.value])).toEqual([
      ['status', 'resolved'], ['criminal_risk', true], ['town_code', '620802001'],
    ]);
  });
  it.each([
    { title: 'an unknown parameter', query: { colour: 'red' }, code: 'unknown_parameter', parameter: 'colour' },
    { title: 'a misspelt bbox', query: { bbx: '1,2,3,4' }, code: 'unknown_parameter', parameter: 'bbx' },
    { title: 'a repeated parameter', query: { kind: ['urban', 'rural'] }, code: 'repeated_parameter', parameter: 'kind' },
    { title: 'a value outside the enum', query: { kind: 'suburban' }, code: 'invalid_parameter', parameter: 'kind' },
    { title: 'an injection in a code', query: { town_code: "1' OR '1'='1" }, code: 'invalid_parameter', parameter: 'town_code' },
    { title: 'datetime on a timeless collection', query: { datetime: '2022-01-01' }, code: 'invalid_parameter', parameter: 'datetime' },
    { title: 'an unsupported format', query: { f: 'html' }, code: 'invalid_parameter', parameter: 'f' },
    { title: 'a property that is not queryable', query: { worker_name: 'x' }, code: 'unknown_parameter', parameter: 'worker_name' },
  ])('rejects $title', ({ query, code, parameter }) => {
    const e = apiErrorOf(() => parseItemsQuery(grids, query));
    expect([e.status, e.code, e.parameter]).toEqual([400, code, parameter]);
  });
  it('rejects a boolean filter that is not true/false', () => {
    expect(apiErrorOf(() => parseItemsQuery(disputes, { criminal_risk: 'yes' })).parameter).toBe('criminal_risk');
  });
});
