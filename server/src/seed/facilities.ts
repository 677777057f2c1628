/**
 * Generates the district's cameras and facilities, all inside the district and placed like the place:
 * 3,769 平安乡村 village camera points and 220 village monitoring rooms in the villages; 4,528 雪亮工程
 * channels in the city, along the main roads and at town seats; police stations and 13 police
 * workrooms named after synthetic officers; 6 mediation rooms (incl. 老街坊, 杨大姐说和); 23 public legal
 * service stations (incl. 大秦乡苏家村); and the district, town and village governance centres.
 */
import type { Rng } from './rng.ts';
import { apportion } from './rng.ts';
import type { Geography, Grid, Town, Village } from './geography.ts';
import { createLocator, type Locator } from './locate.ts';
import { samplePointsIn } from './partition-polygon.ts';
import { CONTEXT_LINES, NAMED, type LonLat } from './places.ts';
import { KM_PER_DEG_LAT, KM_PER_DEG_LON, distKm } from './geometry.ts';
import { personName, phone } from './names.ts';

export const PINGAN_CAMERAS = 3769;
export const XUELIANG_CHANNELS = 4528;
export const MONITORING_ROOMS = 220;
export const POLICE_WORKROOMS = 13;
export const MEDIATION_ROOMS = 6;
export const LEGAL_STATIONS = 23;

export interface PlacedPoint { townCode: string; villageCode: string; gridCode: string; at: LonLat }
export interface Camera extends PlacedPoint { id: number; code: string; program: 'xueliang' | 'pingan'; name: string }
export interface Facility extends PlacedPoint { id: number; code: string; name: string; extra: Record<string, string | number> }
export interface GovernanceCentre { id: number; code: string; name: string; level: 'district' | 'town' | 'village'; townCode: string | null; villageCode: string | null; at: LonLat }

export interface Facilities {
  cameras: Camera[];
  monitoringRooms: Facility[];
  policeStations: Facility[];
  policeWorkrooms: Facility[];
  mediationRooms: Facility[];
  legalStations: Facility[];
  governanceCentres: GovernanceCentre[];
}

const shortTown = (t: Town) => t.name.replace(/(街道|镇|乡)$/, '');
/** A synthetic landline: Pingliang's 0933 area code, then a local number starting with 0 (never allocated). */
const landline = (rng: Rng) => `0933-0${String(rng.int(0, 999_999)).padStart(6, '0')}`;

function jitter(p: LonLat, metres: number, rng: Rng): LonLat {
  const r = (rng.next() * metres) / 1000, a = rng.range(0, 2 * Math.PI);
  return [p[0] + (r * Math.cos(a)) / KM_PER_DEG_LON, p[1] + (r * Math.sin(a)) / KM_PER_DEG_LAT];
}

/** Places a point near `p`, retrying with smaller offsets until it falls inside a grid. */
function place(loc: Locator, p: LonLat, metres: number, rng: Rng, mustBeIn?: (g: Grid) => boolean): PlacedPoint | null {
  for (let m = metres, i = 0; i < 12; i++, m *= 0.7) {
    const q = jitter(p, m, rng);
    const g = loc.gridAt(q);
    if (g && (!mustBeIn || mustBeIn(g))) return { townCode: g.townCode, villageCode: g.villageCode, gridCode: g.code, at: round(q) };
  }
  const g = loc.gridAt(p);
  return g && (!mustBeIn || mustBeIn(g)) ? { townCode: g.townCode, villageCode: g.villageCode, gridCode: g.code, at: round(p) } : null;
}

const round = ([x, y]: LonLat): LonLat => [Math.round(x * 1e7) / 1e7, Math.round(y * 1e7) / 1e7];

export function generateFacilities(geo: Geography, rng: Rng): Facilities {
  const loc = createLocator(geo.grids);
  const isUrbanTown = (code: string) => geo.towns.find((t) => t.code === code)!.kind === 'subdistrict';
  const ruralVillages = geo.villages.filter((v) => !isUrbanTown(v.townCode));
  const gridsOf = (v: Village) => geo.grids.filter((g) => g.villageCode === v.code);

  // 平安乡村: camera points at the villager groups' settlements (grid centres), more in bigger villages.
  const cameras: Camera[] = [];
  const pr = rng.fork('pingan');
  const perVillage = apportion(PINGAN_CAMERAS, ruralVillages.map((v) => 4 + v.population / 100));
  ruralVillages.forEach((v, i) => {
    const gs = gridsOf(v);
    for (let k = 0; k < perVillage[i]; k++) {
      const g = gs[k % gs.length];
      const p = place(loc, g.centre, 350, pr, (x) => x.villageCode === v.code)
        ?? { townCode: v.townCode, villageCode: v.code, gridCode: g.code, at: round(g.centre) };
      cameras.push({ id: cameras.length + 1, code: `PA${String(cameras.length + 1).padStart(5, '0')}`, program: 'pingan',
        name: `${v.name}平安乡村监控点${k + 1}`, ...p });
    }
  });

  // 雪亮工程: 60% in the city (by population), 30% along the main roads, 10% at the town seats.
  const xr = rng.fork('xueliang');
  const urbanGrids = geo.grids.filter((g) => g.kind === 'urban');
  const [nCity, nRoad] = [Math.round(XUELIANG_CHANNELS * 0.6), Math.round(XUELIANG_CHANNELS * 0.3)];
  const roads = CONTEXT_LINES.filter((l) => l.kind !== 'river');
  let made = 0;
  const addXl = (p: PlacedPoint | null, label: string) => {
    if (!p) return false;
    made++;
    cameras.push({ id: cameras.length + 1, code: `XL${String(made).padStart(5, '0')}`, program: 'xueliang', name: `${label}雪亮视频${made}`, ...p });
    return true;
  };
  const cityW = urbanGrids.map((g) => g.population);
  while (made < nCity) {
    const g = urbanGrids[xr.weighted(cityW)];
    const pts = samplePointsIn(g.geom, 1, xr);
    if (pts.length) addXl({ townCode: g.townCode, villageCode: g.villageCode, gridCode: g.code, at: round(pts[0]) }, g.name);
  }
  const roadLen = roads.map((r) => r.coords.slice(1).reduce((s, c, i) => s + distKm(c, r.coords[i]), 0));
  while (made < nCity + nRoad) {
    const r = roads[xr.weighted(roadLen)];
    const seg = xr.int(1, r.coords.length - 1), t = xr.next();
    const [a, b] = [r.coords[seg - 1], r.coords[seg]];
    addXl(place(loc, [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])], 60, xr), r.name);
  }
  const seatW = geo.towns.map((t) => (t.kind === 'subdistrict' ? 0 : 1 + t.population / 10000));
  while (made < XUELIANG_CHANNELS) {
    const t = geo.towns[xr.weighted(seatW)];
    addXl(place(loc, t.seat, 900, xr), t.name);
  }

  // Village monitoring rooms: in the 220 villages with the most camera points, at the village centre.
  const camsByVillage = new Map<string, number>();
  for (const c of cameras) if (c.program === 'pingan') camsByVillage.set(c.villageCode, (camsByVillage.get(c.villageCode) ?? 0) + 1);
  const roomVillages = [...ruralVillages].sort((a, b) => camsByVillage.get(b.code)! - camsByVillage.get(a.code)! || a.code.localeCompare(b.code)).slice(0, MONITORING_ROOMS);
  const mr = rng.fork('rooms');
  const monitoringRooms = roomVillages.map((v, i) => facility(loc, mr, v, i, 'MR', `${v.name}监控室`, { camera_count: camsByVillage.get(v.code)! }));

  // Police: one station per town and subdistrict, plus the publicly named 解放路派出所 in the city's east.
  const ps = rng.fork('police');
  const policeStations: Facility[] = geo.towns.map((t, i) => {
    const p = place(loc, t.seat, 400, ps, (g) => g.townCode === t.code)!;
    return { id: i + 1, code: `PS${String(i + 1).padStart(3, '0')}`, name: `${shortTown(t)}派出所`, ...p, extra: { phone: landline(ps) } };
  });
  const east = geo.towns.find((t) => t.name.startsWith('东关'))!;
  const jfl = place(loc, [east.seat[0] + 0.012, east.seat[1] + 0.006], 300, ps, (g) => g.townCode === east.code)!;
  policeStations.push({ id: policeStations.length + 1, code: `PS${String(policeStations.length + 1).padStart(3, '0')}`,
    name: NAMED.publicPoliceStation, ...jfl, extra: { phone: landline(ps) } });

  const workroomVillages = pickSpread(geo.villages, POLICE_WORKROOMS, ps, (v) => (isUrbanTown(v.townCode) ? 3 : 1));
  const policeWorkrooms = workroomVillages.map((v, i) => {
    const officer = personName(ps);
    const station = isUrbanTown(v.townCode) && ps.chance(0.4) ? policeStations[policeStations.length - 1]
      : policeStations.find((s) => s.townCode === v.townCode)!;
    return facility(loc, ps, v, i, 'PW', `${officer}警务工作室`, { officer_name: officer, station_code: station.code, phone: phone(ps) });
  });

  const md = rng.fork('mediation');
  const roomNames = [...NAMED.mediationRooms, '和为贵调解室', '老支书说事调解室', '邻里和调解室', '崆峒和事佬调解室'].slice(0, MEDIATION_ROOMS);
  const mediationVillages = [
    ...pickSpread(geo.villages.filter((v) => isUrbanTown(v.townCode)), 2, md),
    ...pickSpread(ruralVillages, MEDIATION_ROOMS - 2, md, (v) => v.population),
  ];
  const mediationRooms = mediationVillages.map((v, i) =>
    facility(loc, md, v, i, 'MD', roomNames[i], { mediator_name: personName(md), phone: phone(md) }));

  const ls = rng.fork('legal');
  const sujia = geo.villages.find((v) => v.name === NAMED.legalStation.village
    && geo.towns.find((t) => t.code === v.townCode)!.name.startsWith(NAMED.legalStation.town))!;
  const legalVillages = [sujia, ...pickSpread(geo.villages.filter((v) => v !== sujia), LEGAL_STATIONS - 1, ls)];
  const legalStations = legalVillages.map((v, i) => {
    const town = geo.towns.find((t) => t.code === v.townCode)!;
    return facility(loc, ls, v, i, 'LS', `${town.name}${v.name}公共法律服务工作站`, {});
  });

  const gc = rng.fork('centres');
  const governanceCentres: GovernanceCentre[] = [
    { id: 1, code: 'GC620802', name: '崆峒区综治中心', level: 'district', townCode: geo.towns.find((t) => t.name.startsWith('中街'))!.code,
      villageCode: null, at: round(jitter([106.665, 35.5425], 50, gc)) },
    ...geo.towns.map((t, i) => ({ id: i + 2, code: `GC${t.code}`, name: `${t.name}综治中心`, level: 'town' as const,
      townCode: t.code, villageCode: null, at: round(jitter(t.seat, 80, gc)) })),
    ...geo.villages.map((v, i) => ({ id: i + 2 + geo.towns.length, code: `GC${v.code}`, name: `${v.name}综治中心`,
      level: 'village' as const, townCode: v.townCode, villageCode: v.code, at: round(v.centre) })),
  ];
  for (const c of governanceCentres) {
    const g = loc.gridAt(c.at);
    if (!g) c.at = round(c.level === 'village' ? geo.villages.find((v) => v.code === c.villageCode)!.centre : geo.towns.find((t) => t.code === c.townCode)!.seat);
  }
  return { cameras, monitoringRooms, policeStations, policeWorkrooms, mediationRooms, legalStations, governanceCentres };
}

function facility(loc: Locator, rng: Rng, v: Village, i: number, prefix: string, name: string, extra: Record<string, string | number>): Facility {
  const p = place(loc, v.centre, 150, rng, (g) => g.villageCode === v.code)
    ?? { townCode: v.townCode, villageCode: v.code, gridCode: loc.gridAt(v.centre)?.code ?? '', at: round(v.centre) };
  return { id: i + 1, code: `${prefix}${String(i + 1).padStart(3, '0')}`, name, ...p, extra };
}

/** Picks n villages spread over the district: in different towns where possible, weighted. */
function pickSpread(villages: Village[], n: number, rng: Rng, weight: (v: Village) => number = () => 1): Village[] {
  const out: Village[] = [];
  const usedTowns = new Set<string>();
  const pool = [...villages];
  while (out.length < n && pool.length) {
    const fresh = pool.filter((v) => !usedTowns.has(v.townCode));
    const from = fresh.length ? fresh : pool;
    const v = from[rng.weighted(from.map(weight))];
    out.push(v); usedTowns.add(v.townCode); pool.splice(pool.indexOf(v), 1);
    if (usedTowns.size >= new Set(villages.map((x) => x.townCode)).size) usedTowns.clear();
  }
  return out;
}
