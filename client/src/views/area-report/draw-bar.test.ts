import { featureFilter, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { MAX_PICKED_AREAS } from '@domain/parse-area-report-body.ts';
import { areaLayers } from '../../map/overlay-layers.ts';
import { togglePicked } from './DrawBar.tsx';

const a = (code: string) => ({ code, name: `n${code}` });

describe('picking areas for a report', () => {
  it('adds an area, removes it on a second click, keeps the order of picking', () => {
    let list = togglePicked([], a('620802001'));
    list = togglePicked(list, a('620802100'));
    expect(list.map((x) => x.code)).toEqual(['620802001', '620802100']);
    expect(togglePicked(list, a('620802001')).map((x) => x.code)).toEqual(['620802100']);
  });

  it('stops at the number of areas the API takes', () => {
    let list: readonly { code: string; name: string }[] = Array.from({ length: MAX_PICKED_AREAS }, (_, i) => a(String(i)));
    list = togglePicked(list, a('extra'));
    expect(list).toHaveLength(MAX_PICKED_AREAS);
    expect(list.some((x) => x.code === 'extra')).toBe(false);
    // The same list, so the map's style is not rebuilt for nothing.
    expect(togglePicked(list, a('extra2'))).toBe(list);
    // Removing still works at the limit.
    expect(togglePicked(list, a('3'))).toHaveLength(MAX_PICKED_AREAS - 1);
  });

  it('outlines every picked area, or the one selected, and nothing else', () => {
    const outlined = (selected: string | string[] | null) => {
      const layer = areaLayers('towns', {}, selected, 'zh').find((l) => l.id === 'towns-selected') as { filter: FilterSpecification };
      const f = featureFilter(layer.filter, "layers[0].filter");
      return ['620802001', '620802100', '620802200'].filter((code) => f.filter({ zoom: 10 }, { type: 3, properties: { code } } as never));
    };
    expect(outlined(['620802001', '620802200'])).toEqual(['620802001', '620802200']);
    expect(outlined('620802100')).toEqual(['620802100']);
    expect(outlined(null)).toEqual([]);
    expect(outlined([])).toEqual([]);
  });
});
