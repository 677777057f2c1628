/**
 * Analysts' area reports: save a definition (an area drawn or picked, a period, a camera distance) and
 * compute its report from the data, in the scope of whoever opens it (a town leader opening a district
 * analyst's report sees only their town's disputes and grids). The figures are domain/area-report.ts.
 */
import type { Database } from '../db/database.ts';
import type { AccessScope } from '../domain/access-scope.ts';
import { ApiError, notFound } from '../domain/api-error.ts';
import { areaReportFigures, type AreaReportFigures, type ReportDispute, type ReportGrid } from '../domain/area-report.ts';
import type { AreaReportInput } from '../domain/parse-area-report-body.ts';
import { areaWkt } from '../domain/parse-area-geometry.ts';
import { periodOf, type Period } from '../domain/parse-period.ts';
import type { RiskLevel } from '../domain/risk-levels.ts';
import {
  areaReportSql, areaTouchesDistrictSql, insertAreaReportSql, pickedAreaSql, reportDisputesSql, reportGridOutlinesSql, reportGridsSql,
} from '../sql/area-report-sql.ts';
import type { HotspotsService } from './hotspots-service.ts';
import type { RiskService } from './risk-service.ts';
import { ALL_SCOPE } from '../domain/access-scope.ts';
import { jsonValue } from './row-values.ts';

export interface AreaReportDefinition {
  id: number; created_at: string; username: string; title: string | null; shape: unknown;
  from: string; to: string; camera_m: number; geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
  area_km2: number; bbox: [number, number, number, number];
}

/** A dispute row of a report, with what the exports show. */
export type ReportDisputeRow = ReportDispute & {
  code: string; reported_at: string; resolved_at: string | null; due_at: string; town_code: string; town_name: string;
  village_code: string; village_name: string; grid_code: string; grid_name: string; handler_unit: string; lon: number; lat: number;
};

export interface AreaReport { definition: AreaReportDefinition; period: { from: string; to: string }; as_of: string; figures: AreaReportFigures }

type Row = Record<string, any>;

export function createAreaReportService(db: Database, risk: RiskService, hotspots: HotspotsService, now: () => Date = () => new Date()) {
  const one = async (s: { text: string; values: unknown[] }) => (await db.query<Row>(s.text, s.values)).rows[0];

  async function definition(id: number): Promise<{ def: AreaReportDefinition; period: Period } | null> {
    const r = await one(areaReportSql(id));
    if (!r) return null;
    const def: AreaReportDefinition = {
      id: Number(r.id), created_at: r.created_at, username: r.username, title: r.title, shape: jsonValue(r.shape),
      from: r.from_month, to: r.to_month, camera_m: Number(r.camera_m), geometry: JSON.parse(r.geometry),
      area_km2: Math.round(Number(r.area_m2) / 1e4) / 100, bbox: [Number(r.minx), Number(r.miny), Number(r.maxx), Number(r.maxy)],
    };
    return { def, period: periodOf(def.from, def.to, now()) };
  }

  async function disputes(scope: AccessScope, def: AreaReportDefinition, period: Period): Promise<ReportDisputeRow[]> {
    const q = reportDisputesSql(scope, def.id, period, def.camera_m, now());
    return (await db.query<Row>(q.text, q.values)).rows.map((r) => ({ ...r, id: Number(r.id), lon: Number(r.lon), lat: Number(r.lat) }) as ReportDisputeRow);
  }

  async function grids(scope: AccessScope, def: AreaReportDefinition, period: Period): Promise<ReportGrid[]> {
    const q = reportGridsSql(scope, def.id);
    // Gi* is a district statistic: computed over every grid (ALL_SCOPE), read here for the grids in scope.
    const [rows, map, gi] = await Promise.all([db.query<Row>(q.text, q.values), risk.map(period), hotspots.hotspots(ALL_SCOPE, period)]);
    const cls = new Map(gi.grids.filter((g) => g.class !== 'none').map((g) => [g.code, `${g.class}${g.confidence}`]));
    return rows.rows.map((g) => ({
      code: g.code, town_code: g.town_code, village_code: g.village_code, households: Number(g.households), population: Number(g.population),
      share: Number(g.share ?? 0), level: (map.tree.areas.get(g.code)?.level ?? 'blue') as RiskLevel, hotspot: cls.get(g.code) ?? null,
    }));
  }

  return {
    /** Saves a definition; returns its id. Picked codes must all exist; the area must touch the district. */
    async create(user: { id: number; username: string } | null, input: AreaReportInput): Promise<number> {
      let wkt: string;
      if (input.geometry) wkt = areaWkt(input.geometry);
      else {
        const r = await one(pickedAreaSql(input.areas!));
        const found = new Set(jsonValue(r.found) as string[]);
        const missing = input.areas!.find((c) => !found.has(c));
        if (missing !== undefined) throw notFound('areas', `no town, village or grid has the code ${missing}`);
        wkt = r.wkt;
      }
      if (!(await one(areaTouchesDistrictSql(wkt))).inside) throw new ApiError(400, 'outside_district', 'geometry', 'the area does not touch 崆峒区 (Kongtong District)');
      const r = await one(insertAreaReportSql({
        at: now(), user_id: user?.id ?? null, username: user?.username ?? 'system', title: input.title, shape: input.shape, wkt,
        from: input.period.from, to: input.period.to, camera_m: input.camera_m,
      }));
      return Number(r.id);
    },

    /** The report of saved definition `id` in `scope`, or null when no report has that id. */
    async report(scope: AccessScope, id: number): Promise<AreaReport | null> {
      const d = await definition(id);
      if (!d) return null;
      const [ds, gs] = await Promise.all([disputes(scope, d.def, d.period), grids(scope, d.def, d.period)]);
      return { definition: d.def, period: { from: d.period.from, to: d.period.to }, as_of: now().toISOString(), figures: areaReportFigures(ds, gs, d.period, d.def.camera_m) };
    },

    /** The report with its dispute rows and grid outlines (for the exports). */
    async full(scope: AccessScope, id: number, outlineTolerance = 0.0003) {
      const d = await definition(id);
      if (!d) return null;
      const o = reportGridOutlinesSql(scope, id, outlineTolerance);
      const [ds, gs, outlines] = await Promise.all([disputes(scope, d.def, d.period), grids(scope, d.def, d.period), db.query<Row>(o.text, o.values)]);
      const level = new Map(gs.map((g) => [g.code, g.level]));
      return {
        definition: d.def, period: { from: d.period.from, to: d.period.to }, as_of: now().toISOString(),
        figures: areaReportFigures(ds, gs, d.period, d.def.camera_m), disputes: ds,
        grids: outlines.rows.map((g) => ({ code: g.code as string, level: level.get(g.code) ?? 'blue', geometry: JSON.parse(g.geometry) })),
      };
    },
  };
}

export type AreaReportService = ReturnType<typeof createAreaReportService>;
export type FullAreaReport = NonNullable<Awaited<ReturnType<AreaReportService['full']>>>;
