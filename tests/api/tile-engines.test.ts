/**
 * Both tile paths must cut the same tile: ST_AsMVT (real PostGIS) and the TypeScript encoder fed
 * by the same SQL (PGlite). Real PostGIS can run both, so the comparison runs when DATABASE_URL is set.
 */
import { describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.ts';
import { ALL_SCOPE } from '../../server/src/domain/access-scope.ts';
import { findTileLayer } from '../../server/src/domain/collections.ts';
import { createTileService } from '../../server/src/services/tile-service.ts';
import { getTestDb, testEngine } from '../support/test-db.ts';
import { decodeLayer, tileAt } from './api-harness.ts';

const CASES = [
  { layer: 'district', at: [106.8, 35.5], z: 5 },
  { layer: 'district', at: [106.8, 35.5], z: 9 },
  { layer: 'towns', at: [106.68, 35.54], z: 7 },
  { layer: 'towns', at: [107.0, 35.45], z: 10 },
  { layer: 'villages', at: [106.68, 35.54], z: 11 },
  { layer: 'grids', at: [106.68, 35.54], z: 12 },
  { layer: 'grids', at: [106.9, 35.6], z: 14 },
  { layer: 'disputes', at: [106.68, 35.54], z: 11 },
  { layer: 'cameras', at: [106.6, 35.6], z: 12 },
  { layer: 'governance-centres', at: [106.68, 35.54], z: 9 },
  { layer: 'context-lines', at: [106.8, 35.5], z: 9 },
  { layer: 'context-counties', at: [106.8, 35.5], z: 6 },
] as const;

describe.skipIf(testEngine() !== 'postgis')('tile engines agree (ST_AsMVT vs the TypeScript encoder)', () => {
  it.each(CASES)('$layer at z$z near $at', async ({ layer, at, z }) => {
    const db = await getTestDb();
    expect(db.engine).toBe('postgis');
    // The same database, seen as the embedded engine: render() then takes the rows + encoder path.
    const asPglite = { ...db, engine: 'pglite' } as Database;
    const def = findTileLayer(layer)!;
    const t = tileAt([at[0], at[1]], z);
    const fromPostgis = decodeLayer(await createTileService(db, 0).render(ALL_SCOPE, def, t), layer);
    const fromEncoder = decodeLayer(await createTileService(asPglite, 0).render(ALL_SCOPE, def, t), layer);
    expect(fromPostgis.length).toBeGreaterThan(0);
    expect(fromEncoder).toEqual(fromPostgis);
  });
});
