/**
 * Analysts' area reports: save an area drawn or picked, reopen it by its link, export it as CSV, GeoJSON
 * and PDF. Every figure is checked against plain SQL over the same area; scope and bad input too.
 * Over a rolled-back view of the shared database (the reports are saved).
 */
import { booleanPointInPolygon } from '@turf/turf';
import { reportGridOutlinesSql } from '../../server/src/sql/area-report-sql.ts';
import { ALL_SCOPE } from '../../server/src/domain/access-scope.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text.ts';
import { logIn, type Credentials } from './api-harness.ts';
import { startWriteApi, type WriteApi } from './workflow-support.ts';

let api: WriteApi;
let analyst: Credentials;
/** A rectangle around one village (the second town's first village), and its village and town. */
let rect: number[][];
let village: string, town: string;
const FROM = '2026-05', TO = '2026-10';

beforeAll(async () => {
  api = await startWriteApi();
  analyst = await logIn(api.base, 'analyst');
  const [v] = await api.q(`SELECT code, town_code, ST_XMin(geom) x0, ST_YMin(geom) y0, ST_XMax(geom) x1, ST_YMax(geom) y1 FROM villages
    WHERE town_code = (SELECT code FROM towns ORDER BY code OFFSET 1 LIMIT 1) ORDER BY code LIMIT 1`);
  [village, town] = [v.code, v.town_code];
  const [x0, y0, x1, y1] = [Number(v.x0), Number(v.y0), Number(v.x1), Number(v.y1)];
  rect = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
}, 120_000);
afterAll(async () => {
  await api?.close();
  await api?.rollback.rollback();
});

async function call(auth: Credentials, method: string, path: string, body?: unknown) {
  const r = await fetch(api.base + path, { method, headers: { ...auth.headers, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const type = r.headers.get('content-type') ?? '';
  const bytes = new Uint8Array(await r.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  return { status: r.status, type, bytes, text, body: type.includes('json') ? JSON.parse(text) : null, headers: r.headers };
}

const WKT = (ring: number[][]) => `POLYGON((${ring.map(([x, y]) => `${x} ${y}`).join(', ')}))`;
const inPeriod = `d.reported_at >= '2026-04-30T16:00:00Z' AND d.reported_at < '2026-10-31T16:00:00Z'`;

describe('an area drawn', () => {
  let report: any;
  it('is saved and answered with figures that plain SQL over the same rectangle confirms', async () => {
    const r = await call(analyst, 'POST', '/api/area-reports', { geometry: { type: 'Polygon', coordinates: [rect] }, from: FROM, to: TO, title: '测试区域' });
    expect(r.status, r.text).toBe(201);
    report = r.body;
    expect(r.headers.get('location')).toBe(`/api/area-reports/${report.definition.id}`);
    const f = report.figures;
    const [{ n, open, crim, near }] = await api.q(`SELECT count(*)::int n, count(*) FILTER (WHERE d.status <> 'resolved')::int open,
        count(*) FILTER (WHERE d.criminal_risk)::int crim,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM cameras c WHERE ST_DWithin(c.geom::geography, d.geom::geography, 100)))::int near
      FROM disputes d WHERE ST_Covers(ST_GeomFromText($1, 4326), d.geom) AND ${inPeriod}`, [WKT(rect)]);
    expect(n).toBeGreaterThan(0);
    expect(f.disputes.total).toBe(n);
    expect(f.disputes.open).toBe(open);
    expect(f.disputes.criminal_risk).toBe(crim);
    expect(f.cameras.covered).toBe(near);
    for (const k of ['by_type', 'by_status', 'by_level'] as const) expect(Object.values(f.disputes[k]).reduce((a: number, b) => a + (b as number), 0)).toBe(n);
    expect(f.disputes.by_month.map((m: any) => m.month)).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    expect(f.disputes.by_month.reduce((a: number, m: any) => a + m.reported, 0)).toBe(n);
    const [{ g, hh }] = await api.q('SELECT count(*)::int g, sum(households)::int hh FROM grids WHERE ST_Intersects(geom, ST_GeomFromText($1, 4326))', [WKT(rect)]);
    expect(f.coverage.grids_touched).toBe(g);
    expect(f.coverage.households).toBeGreaterThan(0);
    expect(f.coverage.households).toBeLessThanOrEqual(hh);
    expect(Object.values(f.risk).reduce((a: number, l: any) => a + l.grids, 0)).toBe(g);
    // The hot spots among the grids touched are the district's Gi* classes of those grids.
    const gi = (await call(analyst, 'GET', `/api/hotspots?from=${FROM}&to=${TO}`)).body.grids as { code: string; class: string }[];
    const touched = new Set((await api.q('SELECT code FROM grids WHERE ST_Intersects(geom, ST_GeomFromText($1, 4326))', [WKT(rect)])).map((r: any) => r.code));
    expect(f.hotspots.hot).toBe(gi.filter((x) => touched.has(x.code) && x.class === 'hot').length);
    expect(f.hotspots.cold).toBe(gi.filter((x) => touched.has(x.code) && x.class === 'cold').length);
    expect(report.definition).toMatchObject({ title: '测试区域', from: FROM, to: TO, camera_m: 100, username: 'analyst' });
  });

  it('reopens from its link with the same figures', async () => {
    const again = await call(analyst, 'GET', `/api/area-reports/${report.definition.id}`);
    expect(again.status).toBe(200);
    expect(again.body.figures).toEqual(report.figures);
  });

  it('exports CSV that Excel and WPS open: BOM, Chinese header, one CRLF row per dispute', async () => {
    const r = await call(analyst, 'GET', `/api/area-reports/${report.definition.id}.csv`);
    expect(r.status).toBe(200);
    expect(r.type).toContain('text/csv');
    expect([...r.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = r.text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(lines[0].split(',').slice(0, 4)).toEqual(['编号', '类型', '状态', '办理层级']);
    expect(lines).toHaveLength(report.figures.disputes.total + 1);
    expect(r.headers.get('content-disposition')).toContain("filename*=UTF-8''");
  });

  it('exports GeoJSON: the area first, then every dispute inside it', async () => {
    const r = await call(analyst, 'GET', `/api/area-reports/${report.definition.id}.geojson`);
    expect(r.status).toBe(200);
    const fc = r.body;
    expect(fc.type).toBe('FeatureCollection');
    const [area, ...points] = fc.features;
    expect(area.properties).toMatchObject({ kind: 'area', from: FROM, to: TO, synthetic: true });
    expect(points).toHaveLength(report.figures.disputes.total);
    for (const p of points) expect(booleanPointInPolygon(p.geometry.coordinates, area.geometry), p.properties.code).toBe(true);
    expect(JSON.stringify(fc)).not.toMatch(/parties|phone|summary/);
  });

  it('exports a PDF in Chinese with the summary figures', async () => {
    const r = await call(analyst, 'GET', `/api/area-reports/${report.definition.id}.pdf`);
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/pdf');
    const { pages, text } = await pdfText(r.bytes);
    expect(pages).toBe(2);
    const f = report.figures;
    expect(text).toContain('崆峒区矛盾纠纷区域分析报告·测试区域');
    expect(text).toContain(`区域内排查矛盾纠纷${f.disputes.total}件`);
    expect(text).toContain(`涉及网格${f.coverage.grids_touched}个`);
    expect(text).toContain('视频覆盖');
    expect(text).toContain(`Gi*热点${f.hotspots.hot}个`);
  });

  it('is computed in the scope of whoever opens it', async () => {
    const leader = await logIn(api.base, `town-${town}`);
    const other = await logIn(api.base, 'town-620802001' === `town-${town}` ? 'town-620802002' : 'town-620802001');
    const mine = await call(leader, 'GET', `/api/area-reports/${report.definition.id}`);
    const [{ n }] = await api.q(`SELECT count(*)::int n FROM disputes d WHERE ST_Covers(ST_GeomFromText($1, 4326), d.geom) AND ${inPeriod} AND d.town_code = $2`, [WKT(rect), town]);
    expect(n).toBeGreaterThan(0);
    expect(mine.body.figures.disputes.total).toBe(n);
    expect(mine.body.figures.coverage.towns).toEqual([town]);
    const theirs = await call(other, 'GET', `/api/area-reports/${report.definition.id}`);
    expect(theirs.status).toBe(200);
    const otherTown = (other.user as { unit: string }).unit;
    const [{ m }] = await api.q(`SELECT count(*)::int m FROM disputes d WHERE ST_Covers(ST_GeomFromText($1, 4326), d.geom) AND ${inPeriod} AND d.town_code = $2`, [WKT(rect), otherTown]);
    expect(theirs.body.figures.disputes.total).toBe(m);
    expect(theirs.body.figures.coverage.towns.every((t: string) => t === otherTown)).toBe(true);
    const display = await logIn(api.base, 'display');
    expect((await call(display, 'GET', `/api/area-reports/${report.definition.id}`)).status).toBe(403);
    expect((await call(display, 'POST', '/api/area-reports', { areas: [village] })).status).toBe(403);
  });
});

describe('areas picked', () => {
  it('a village: the disputes reported in it, and its grids', async () => {
    const r = await call(analyst, 'POST', '/api/area-reports', { areas: [village], from: FROM, to: TO });
    expect(r.status, r.text).toBe(201);
    const [{ n }] = await api.q(`SELECT count(*)::int n FROM disputes d WHERE d.village_code = $1 AND ${inPeriod}`, [village]);
    expect(r.body.figures.disputes.total).toBe(n);
    const [{ g }] = await api.q('SELECT count(*)::int g FROM grids WHERE village_code = $1', [village]);
    expect(r.body.figures.coverage.grids_inside).toBe(g);
    expect(r.body.definition.shape).toEqual({ areas: [village] });
    // Its neighbours share an edge with it but are not in it: every grid counted is the village's own.
    expect(r.body.figures.coverage.grids_touched).toBe(g);
    expect(r.body.figures.coverage.villages).toBe(1);
  });
  it('two towns: exactly their grids, villages and households', async () => {
    const towns = (await api.q('SELECT code FROM towns ORDER BY code LIMIT 2')).map((t) => t.code);
    const r = await call(analyst, 'POST', '/api/area-reports', { areas: towns, from: FROM, to: TO });
    expect(r.status, r.text).toBe(201);
    const [own] = await api.q(`SELECT count(*)::int g, count(DISTINCT village_code)::int v, sum(households)::int h FROM grids WHERE town_code = ANY($1::text[])`, [towns]);
    expect(r.body.figures.coverage.towns).toEqual([...towns].sort());
    expect(r.body.figures.coverage.grids_touched).toBe(own.g);
    expect(r.body.figures.coverage.villages).toBe(own.v);
    expect(Math.abs(r.body.figures.coverage.households - own.h)).toBeLessThanOrEqual(own.h * 0.005);
    // The PDF map outlines the same grids, not the neighbours along the edge.
    const q = reportGridOutlinesSql(ALL_SCOPE, r.body.definition.id, 0.0001);
    expect((await api.q(q.text, q.values)).length).toBe(own.g);
  });
  it('a circle', async () => {
    const [c] = await api.q('SELECT ST_X(ST_PointOnSurface(geom)) x, ST_Y(ST_PointOnSurface(geom)) y FROM villages WHERE code = $1', [village]);
    const r = await call(analyst, 'POST', '/api/area-reports', { geometry: { type: 'Circle', center: [Number(c.x), Number(c.y)], radius_m: 800 }, camera_m: 200 });
    expect(r.status, r.text).toBe(201);
    expect(r.body.definition.area_km2).toBeCloseTo((Math.PI * 0.8 ** 2), 1);
    expect(r.body.figures.cameras.within_m).toBe(200);
  });
});

describe('bad input: 4xx naming the field, nothing saved', () => {
  const cases: [string, unknown, number, string][] = [
    ['both an area and codes', { geometry: { type: 'Polygon', coordinates: [[[106.6, 35.5], [106.7, 35.5], [106.7, 35.6], [106.6, 35.5]]] }, areas: ['620802001'] }, 400, 'geometry'],
    ['neither', {}, 400, 'geometry'],
    ['a bow tie', { geometry: { type: 'Polygon', coordinates: [[[106.66, 35.54], [106.67, 35.55], [106.67, 35.54], [106.66, 35.55], [106.66, 35.54]]] } }, 400, 'geometry'],
    ['an area far away', { geometry: { type: 'Polygon', coordinates: [[[100, 30], [100.1, 30], [100.1, 30.1], [100, 30]]] } }, 400, 'geometry'],
    ['an unknown code', { areas: ['620802999'] }, 404, 'areas'],
    ['the district', { areas: ['620802'] }, 400, 'areas'],
    ['not a code', { areas: ['abc'] }, 400, 'areas[0]'],
    ['a camera distance too large', { areas: ['620802001'], camera_m: 5000 }, 400, 'camera_m'],
    ['a month in the future', { areas: ['620802001'], to: '2031-01' }, 400, 'to'],
    ['an unknown field', { areas: ['620802001'], colour: 'red' }, 400, 'colour'],
  ];
  it.each(cases)('%s', async (_name, body, status, parameter) => {
    const before = Number((await api.q('SELECT count(*)::int n FROM area_reports'))[0].n);
    const r = await call(analyst, 'POST', '/api/area-reports', body);
    expect(r.status, r.text).toBe(status);
    expect(r.body.parameter).toBe(parameter);
    expect(Number((await api.q('SELECT count(*)::int n FROM area_reports'))[0].n)).toBe(before);
  });
  it('an unknown report is 404', async () => {
    expect((await call(analyst, 'GET', '/api/area-reports/999999')).status).toBe(404);
    expect((await call(analyst, 'GET', '/api/area-reports/abc.csv')).status).toBe(404);
  });
});
