import { describe, expect, it } from 'vitest';
import { EMERGING_CLASSES } from '@domain/hotspots/emerging-hotspots.ts';
import { EMERGING_STYLE } from './hotspot-layers.ts';

describe('the emerging hot-spot layer', () => {
  it('has a style (colour, mark, name) for every class the server gives but none', () => {
    expect(Object.keys(EMERGING_STYLE).sort()).toEqual(EMERGING_CLASSES.filter((c) => c !== 'none').sort());
  });
});
