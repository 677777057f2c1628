import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, formatViewState, parseViewState, type ViewState } from './url-state.ts';

const FULL: ViewState = {
  center: [106.67512, 35.54321], zoom: 13.5, layers: ['grids', 'risk', 'cameras-pingan'],
  selection: { kind: 'grid', code: '620802001001001' }, from: '2026-01', to: '2026-06', mode: 'hexagons', lang: 'en', basemap: 'tianditu-imagery',
  screen: { tab: 'ledger', town: '620802103', month: '2026-10', quarter: null }, report: 42,
};

const TEST_CASES: { title: string; search: string; expected: Partial<ViewState> }[] = [
  { title: 'empty query gives the default view', search: '', expected: DEFAULT_VIEW },
  { title: 'bad centre is ignored', search: '?c=abc,1', expected: { center: DEFAULT_VIEW.center } },
  { title: 'centre out of range is ignored', search: '?c=200,35', expected: { center: DEFAULT_VIEW.center } },
  { title: 'zoom out of range is ignored', search: '?z=40', expected: { zoom: DEFAULT_VIEW.zoom } },
  { title: 'unknown layers are dropped', search: '?l=grids,evil,risk', expected: { layers: ['grids', 'risk'] } },
  { title: 'empty layer list means all off', search: '?l=', expected: { layers: [] } },
  { title: 'selection with injection is ignored', search: "?sel=grid:1' OR 1=1", expected: { selection: null } },
  { title: 'inverted period is ignored', search: '?from=2026-06&to=2026-01', expected: { from: null, to: null } },
  { title: 'bad month is ignored', search: '?from=2026-13&to=2026-14', expected: { from: null, to: null } },
  { title: 'unknown language falls back to Chinese', search: '?lang=fr', expected: { lang: 'zh' } },
  { title: 'unknown screen is ignored', search: '?screen=admin&town=620802103', expected: { screen: null } },
  { title: 'screen keeps only well-formed town, month and quarter', search: '?screen=ranking&town=62080&month=2026-13&quarter=2026Q3',
    expected: { screen: { tab: 'ranking', town: null, month: null, quarter: '2026Q3' } } },
  { title: 'a report id', search: '?report=17', expected: { report: 17 } },
  { title: 'a malformed report id is ignored', search: '?report=01x', expected: { report: null } },
];

describe('url state', () => {
  for (const t of TEST_CASES) {
    it(t.title, () => expect(parseViewState(t.search)).toMatchObject(t.expected));
  }

  it('round-trips a full view through the query string', () => {
    expect(parseViewState('?' + formatViewState(FULL))).toEqual(FULL);
  });

  it('formats equal views as equal links', () => {
    expect(formatViewState({ ...FULL })).toBe(formatViewState(FULL));
  });
});
