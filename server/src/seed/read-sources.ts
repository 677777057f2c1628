/** Reads the real source data committed under geodata/source/. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sources } from './generate.ts';

export const GEODATA_DIR = join(import.meta.dirname, '../../../geodata/source');

export function readSources(dir = GEODATA_DIR): Sources {
  return {
    divisions: JSON.parse(readFileSync(join(dir, 'kongtong-divisions.json'), 'utf8')),
    counties: JSON.parse(readFileSync(join(dir, 'pingliang-counties.geojson'), 'utf8')),
  };
}
