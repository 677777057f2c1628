import { describe, expect, it } from 'vitest';
import { baseStyle, labelLayers } from './base-style.ts';
import { DARK_GROUND, themeLayers } from './dark-theme.ts';
import { areaLayers } from './overlay-layers.ts';

const paint = (l: unknown) => ((l as { paint?: Record<string, unknown> }).paint ?? {});
const RISK = new Map([['620802001', 'red' as const], ['620802100', 'yellow' as const]]);

describe('the dark map (wall)', () => {
  const light = [...baseStyle('http://x', null, 'offline').layers, ...labelLayers(), ...(['towns', 'villages', 'grids'] as const).flatMap((k) => areaLayers(k, { [k]: RISK }, '620802001', 'zh'))];
  const dark = themeLayers(light, 'dark');

  it('keeps every layer, in order, and the light theme as built', () => {
    expect(dark.map((l) => l.id)).toEqual(light.map((l) => l.id));
    expect(themeLayers(light, 'light')).toBe(light);
  });
  it('darkens the ground and keeps the four risk colours (they are the legend)', () => {
    expect(paint(dark.find((l) => l.id === 'background'))['background-color']).toBe(DARK_GROUND);
    for (const l of light.filter((x) => x.id.includes('-risk-') && x.type === 'fill')) {
      expect(paint(dark.find((d) => d.id === l.id))).toEqual(paint(l));
    }
  });
  it('gives every name a light colour on a dark halo', () => {
    const symbols = dark.filter((l) => l.type === 'symbol');
    expect(symbols.length).toBeGreaterThan(5);
    for (const l of symbols) {
      expect(paint(l)['text-halo-color'], l.id).toBe(DARK_GROUND);
      const c = String(paint(l)['text-color']);
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
      expect(0.2126 * r + 0.7152 * g + 0.0722 * b, `${l.id} ${c}`).toBeGreaterThan(140);
    }
  });
});
