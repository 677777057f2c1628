import { describe, expect, it } from 'vitest';
import { displayMayRead } from './display-access.ts';

describe('displayMayRead', () => {
  it.each([
    '/config', '/risk', '/risk/620802103', '/risk/620802103/history', '/tiles/grids.json', '/tiles/disputes/12/3300/1600.mvt', '/labels', '/search',
    '/disputes/clusters', '/disputes/points', '/cameras/clusters', '/collections', '/collections/grids', '/collections/grids/items', '/collections/grids/items/5',
    '/collections/cameras/queryables', '/areas/620802103200001', '/responsible', '/stats/resolution', '/ranking', '/screening', '/cards',
    '/transfers/flows', '/events', '/auth/me', '/risk/', '/hotspots', '/hotspots/emerging', '/repeats', '/wall/summary',
  ])('may read %s', (p) => {
    expect(displayMayRead(p)).toBe(true);
  });
  it.each([
    '/disputes/5', '/disputes/5/history', '/disputes/5/context', '/transfers', '/transfers/3', '/ledger', '/ledger.csv', '/reports/supervision/620802103.pdf',
    '/collections/disputes/items', '/collections/disputes/items/7', '/collections/disputes', '/audit', '/auth/display-credentials', '/disputes',
    '/risk/abc', '/areas/x', '/wall', '/wall/summary/x',
  ])('may not read %s', (p) => {
    expect(displayMayRead(p)).toBe(false);
  });
});
