import { describe, expect, it } from 'vitest';
import { parseWallParams } from './wall-params.ts';

describe('parseWallParams', () => {
  it.each([
    { title: 'no options: 20 s tour, 60 s refresh, stale after 3 min, every panel, Chinese', search: '', want: { tourS: 20, refreshS: 60, staleS: 180, panel: 'all', lang: 'zh' } },
    { title: 'a fast tour and one panel in English', search: '?tour=2&panel=map&lang=en', want: { tourS: 2, refreshS: 60, staleS: 180, panel: 'map', lang: 'en' } },
    { title: 'a slow refresh makes the stale threshold three refreshes', search: '?refresh=600', want: { tourS: 20, refreshS: 600, staleS: 1800, panel: 'all', lang: 'zh' } },
    { title: 'nonsense falls back to the defaults', search: '?tour=0&refresh=abc&stale=-1&panel=x&lang=fr', want: { tourS: 20, refreshS: 60, staleS: 180, panel: 'all', lang: 'zh' } },
  ])('$title', ({ search, want }) => {
    expect(parseWallParams(search)).toEqual(want);
  });
});
