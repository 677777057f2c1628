/**
 * Geometric invariants of the seeded data: towns tile the district, villages tile their towns and
 * grids their villages (no gaps, no overlaps beyond the stated tolerance), and every point lies
 * inside the district, its grid, village and town.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.ts';
import { getTestDb } from '../support/test-db.ts';

/**
 * Stated tolerance: coordinates carry 9 decimals (≈0.1 mm), so a seam between neighbours may leave
 * slivers of at most a fraction of a millimetre: less than 1 m² of gap or overlap per km² of area.
 */
const GAP_M2_PER_KM2 = 1;

let db: Database;
beforeAll(async () => { db = await getTestDb(); });
const one = async (sql: string) => (await db.query<any>(sql)).rows[0];

describe('tiling', () => {
  it('the 20 towns cover the district exactly', async () => {
    const r = await one(`SELECT ST_Area(d.geom::geography) / 1e6 AS district_km2,
        ST_Area(ST_SymDifference(d.geom, u.geom)::geography) AS symdiff_m2
      FROM district d, (SELECT ST_Union(geom) geom FROM towns) u`);
    expect(r.district_km2).toBeGreaterThan(1900);
    expect(r.district_km2).toBeLessThan(1960);
    expect(r.symdiff_m2).toBeLessThan(GAP_M2_PER_KM2 * r.district_km2);
  });

  // No overlaps (pairwise) and children's areas adding up to their parent's (each child inside its
  // parent is checked below) together mean no gaps. Areas are planar (square degrees) here: geodesic
  // areas of a polygon and of its pieces differ by m² because a long edge split by an extra vertex
  // is no longer the same geodesic, which says nothing about gaps.
  for (const [child, parent, key] of [['villages', 'towns', 'town_code'], ['grids', 'villages', 'village_code']] as const) {
    it(`${child} cover each of their ${parent} without gaps`, async () => {
      const r = await one(`SELECT max(abs(p.area - c.area) / p.area) * 1e6 AS worst, count(*)::int n
        FROM (SELECT code, ST_Area(geom) area FROM ${parent}) p
        JOIN (SELECT ${key}, sum(ST_Area(geom)) area FROM ${child} GROUP BY ${key}) c ON c.${key} = p.code`);
      expect(r.n).toBe(parent === 'towns' ? 20 : 276);
      expect(r.worst).toBeLessThan(GAP_M2_PER_KM2);
    });

    it(`${child} do not overlap each other`, async () => {
      const r = await one(`SELECT coalesce(sum(ST_Area(ST_Intersection(a.geom, b.geom)::geography)), 0) AS overlap_m2, count(*)::int pairs,
          (SELECT sum(ST_Area(geom::geography)) / 1e6 FROM ${child}) AS km2
        FROM ${child} a JOIN ${child} b ON a.id < b.id AND a.geom && b.geom AND ST_Intersects(a.geom, b.geom)`);
      expect(r.pairs).toBeGreaterThan(20);
      expect(r.overlap_m2).toBeLessThan(GAP_M2_PER_KM2 * r.km2);
    });
  }

  it('the subdistricts hold the city core on the north bank of the Jing River', async () => {
    const r = await one(`SELECT ST_XMin(e) x0, ST_XMax(e) x1, ST_YMin(e) y0, ST_YMax(e) y1 FROM (SELECT ST_Extent(geom)::geometry e FROM towns WHERE kind = 'subdistrict') s`);
    expect(r.x0).toBeGreaterThan(106.6); expect(r.x1).toBeLessThan(106.74);
    expect(r.y0).toBeGreaterThan(35.52); expect(r.y1).toBeLessThan(35.58);
    // The river runs west to east, so the right-hand side of a one-sided buffer is its south bank.
    const r2 = await one(`SELECT sum(ST_Area(ST_Intersection(t.geom, ST_Buffer(l.geom, 0.05, 'side=right'))::geography)) / sum(ST_Area(t.geom::geography)) south
      FROM towns t, context_lines l WHERE l.code = 'jinghe' AND t.kind = 'subdistrict'`);
    expect(r2.south).toBeLessThan(0.01);
  });
});

describe('containment', () => {
  it('every geometry is valid', async () => {
    for (const t of ['district', 'towns', 'villages', 'grids']) expect((await one(`SELECT count(*)::int n FROM ${t} WHERE NOT ST_IsValid(geom)`)).n).toBe(0);
  });

  it('every grid lies inside its village and town', async () => {
    const r = await one(`SELECT count(*)::int bad FROM grids g JOIN villages v ON v.code = g.village_code JOIN towns t ON t.code = g.town_code
      WHERE v.town_code <> g.town_code OR ST_Area(ST_Difference(g.geom, t.geom)::geography) > 0.01 * ST_Perimeter(g.geom::geography)`);
    expect(r.bad).toBe(0);
  });

  it('refuses a grid that sticks out of its village', async () => {
    await expect(db.query(`INSERT INTO grids SELECT 1, 'x-test', district_code, town_code, village_code, name, kind, households, population,
      worker_name, worker_phone, worker_type, police_name, police_phone, cadre_name, cadre_phone, ST_Multi(ST_Buffer(geom, 0.01))
      FROM grids LIMIT 1`)).rejects.toThrow(/not inside village/);
  });

  for (const table of ['cameras', 'monitoring_rooms', 'police_stations', 'police_workrooms', 'mediation_rooms', 'legal_stations', 'governance_centres', 'disputes']) {
    it(`every ${table} point lies inside the district`, async () => {
      const r = await one(`SELECT count(*)::int n, count(*) FILTER (WHERE NOT ST_Covers(d.geom, x.geom))::int outside FROM ${table} x, district d`);
      expect(r.n).toBeGreaterThan(0);
      expect(r.outside).toBe(0);
    });
  }

  it('every dispute and camera lies inside the grid, village and town it names', async () => {
    for (const t of ['disputes', 'cameras']) {
      const r = await one(`SELECT count(*)::int bad FROM ${t} x JOIN grids g ON g.code = x.grid_code
        WHERE g.village_code <> x.village_code OR g.town_code <> x.town_code OR NOT ST_DWithin(g.geom, x.geom, 1e-6)`);
      expect(r.bad).toBe(0);
    }
  });
});
