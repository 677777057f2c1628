/**
 * Generates the district's administrative geography from the real boundary and official names:
 * 20 town/subdistrict areas that tile the district (the three subdistricts hold the city core on the
 * north bank of the Jing River), village/community areas tiling each town, and the 357 urban and
 * 1,260 rural grids tiling the villages, with households, population and contact cards.
 */
import type { Rng } from './rng.ts';
import { apportion } from './rng.ts';
import { buildLattice } from './lattice.ts';
import { growRegions, fillUnowned, makeNoise } from './grow-regions.ts';
import { partitionPolygon } from './partition-polygon.ts';
import { personName, phone, chineseNumber, shortVillageName } from './names.ts';
import {
  CONTEXT_LINES, DISTRICT_POPULATION, KNOWN_TOWN_POPULATION, TOWN_REACH, TOWN_SEATS, URBAN_CORE, regionOf, type LonLat,
} from './places.ts';
import {
  distKm, distToLineKm, innerPoint, multiAreaKm2, pointInMulti, pointInRing, roundCoords, union, type MultiPolygonCoords,
} from './geometry.ts';

export const URBAN_GRIDS = 357;
export const RURAL_GRIDS = 1260;

export interface Divisions {
  district: { code: string; name: string };
  towns: { code: string; name: string; kind: 'subdistrict' | 'town' | 'township' }[];
  villages: { code: string; name: string; town_code: string; kind: 'community' | 'village' }[];
}

export interface Town {
  id: number; code: string; name: string; kind: 'subdistrict' | 'town' | 'township';
  seat: LonLat; seatPlaced: string; geom: MultiPolygonCoords; households: number; population: number;
}
export interface Village {
  id: number; code: string; name: string; officialName: string; townCode: string; kind: 'community' | 'village';
  centre: LonLat; geom: MultiPolygonCoords; households: number; population: number;
}
export interface Grid {
  id: number; code: string; name: string; townCode: string; villageCode: string; kind: 'urban' | 'rural';
  households: number; population: number; centre: LonLat; geom: MultiPolygonCoords;
  worker: { name: string; phone: string; type: 'full_time' | 'part_time' };
  police: { name: string; phone: string }; cadre: { name: string; phone: string };
}
export interface Geography { district: MultiPolygonCoords; towns: Town[]; villages: Village[]; grids: Grid[] }

function seatKey(name: string): string {
  return Object.keys(TOWN_SEATS).find((k) => name.startsWith(k)) ?? '';
}

function nearestCell(p: LonLat, centres: LonLat[], ok: (i: number) => boolean): number {
  let best = -1, bd = Infinity;
  centres.forEach((c, i) => { const d = distKm(c, p); if (d < bd && ok(i)) { bd = d; best = i; } });
  return best;
}

/** Valley and road affinity of a place: villages cluster along the river and main roads. */
function settlementAffinity(p: LonLat): number {
  const river = distToLineKm(p, CONTEXT_LINES[0].coords);
  const road = Math.min(...CONTEXT_LINES.slice(1).map((l) => distToLineKm(p, l.coords)));
  const region = regionOf(p);
  return (Math.exp(-river / 4) + 0.7 * Math.exp(-road / 3) + 0.25) * (region === 'south' ? 0.6 : 1);
}

export function generateGeography(divisions: Divisions, district: MultiPolygonCoords, rng: Rng): Geography {
  const lattice = buildLattice(district, rng.fork('lattice'));
  const { centres, neighbours, shapes } = lattice;
  const urban = centres.map((c, i) => lattice.centreInside[i] && pointInRing(c, URBAN_CORE));

  // Towns: subdistricts grow inside the city core, the 17 towns over the rest.
  const townNoise = makeNoise(rng.fork('town-noise'), 0.09);
  const townOwner = new Int32Array(centres.length).fill(-1);
  const subs = divisions.towns.filter((t) => t.kind === 'subdistrict');
  const rural = divisions.towns.filter((t) => t.kind !== 'subdistrict');
  for (const [group, isUrban] of [[subs, true], [rural, false]] as const) {
    const allowed = (i: number) => urban[i] === isUrban;
    const seeds = group.map((t) => ({ cell: nearestCell(TOWN_SEATS[seatKey(t.name)].at, centres, allowed), reach: TOWN_REACH[seatKey(t.name)] ?? 1 }));
    const owner = growRegions({ centres, neighbours, allowed, seeds, friction: (p) => 1 + 1.4 * townNoise(p) });
    fillUnowned(owner, centres, allowed);
    owner.forEach((o, i) => { if (o >= 0) townOwner[i] = divisions.towns.indexOf(group[o]); });
  }

  // Villages: seeds spread over each town with a pull towards valleys and roads, regions grown from them.
  const villageNoise = makeNoise(rng.fork('village-noise'), 0.035);
  const villageOwner = new Int32Array(centres.length).fill(-1);
  const villageSeedCell: number[] = [];
  divisions.towns.forEach((town, ti) => {
    const vs = divisions.villages.filter((v) => v.town_code === town.code);
    const cells = centres.map((_, i) => i).filter((i) => townOwner[i] === ti);
    const vr = rng.fork(`villages/${town.code}`);
    const chosen: number[] = [nearestCell(TOWN_SEATS[seatKey(town.name)].at, centres, (i) => townOwner[i] === ti)];
    const affinity = cells.map((i) => settlementAffinity(centres[i]));
    while (chosen.length < vs.length) {
      let best = cells[0], bs = -1;
      cells.forEach((i, k) => {
        let md = Infinity;
        for (const c of chosen) md = Math.min(md, distKm(centres[i], centres[c]));
        const s = affinity[k] * md * vr.range(0.6, 1.4);
        if (s > bs && !chosen.includes(i)) { bs = s; best = i; }
      });
      chosen.push(best);
    }
    const allowed = (i: number) => townOwner[i] === ti;
    const owner = growRegions({ centres, neighbours, allowed,
      seeds: chosen.map((cell) => ({ cell, reach: vr.range(0.8, 1.25) })), friction: (p) => 1 + 1.2 * villageNoise(p) });
    fillUnowned(owner, centres, allowed);
    const base = divisions.villages.indexOf(vs[0]);
    owner.forEach((o, i) => { if (o >= 0) villageOwner[i] = base + o; });
    chosen.forEach((c, k) => (villageSeedCell[base + k] = c));
  });

  // Polygons: villages are unions of their cells, towns unions of their villages.
  const cellsOf: number[][] = divisions.villages.map(() => []);
  villageOwner.forEach((v, i) => v >= 0 && cellsOf[v].push(i));
  const villageGeoms = cellsOf.map((cells) => roundCoords(union(cells.map((i) => shapes[i]))));

  const villages: Village[] = divisions.villages.map((v, k) => ({
    id: Number(v.code), code: v.code, name: shortVillageName(v.name), officialName: v.name, townCode: v.town_code,
    kind: v.kind, geom: villageGeoms[k], households: 0, population: 0,
    centre: innerPoint(villageGeoms[k], cellsOf[k].map((i) => centres[i])),
  }));
  const towns: Town[] = divisions.towns.map((t, ti) => {
    const geom = roundCoords(union(villages.filter((v) => v.townCode === t.code).map((v) => v.geom)));
    const s = TOWN_SEATS[seatKey(t.name)];
    const seat = pointInMulti(s.at, geom) ? s.at : centres[nearestCell(s.at, centres, (i) => townOwner[i] === ti)];
    return { id: Number(t.code), code: t.code, name: t.name, kind: t.kind, geom, seat,
      seatPlaced: pointInMulti(s.at, geom) ? s.placed : `${s.placed}, snapped into the town`, households: 0, population: 0 };
  });

  const grids = generateGrids(towns, villages, rng.fork('grids'));
  assignPopulation(towns, villages, grids, rng.fork('population'));
  return { district, towns, villages, grids };
}

function generateGrids(towns: Town[], villages: Village[], rng: Rng): Grid[] {
  const isUrban = (v: Village) => towns.find((t) => t.code === v.townCode)!.kind === 'subdistrict';
  const urbanV = villages.filter(isUrban), ruralV = villages.filter((v) => !isUrban(v));
  const counts = new Map<string, number>();
  apportion(URBAN_GRIDS, urbanV.map((v) => multiAreaKm2(v.geom))).forEach((c, i) => counts.set(v(urbanV, i), Math.max(1, c)));
  // Rural: at least 2 groups a village, the rest by area (sqrt: big mountain villages are sparse).
  const extra = apportion(RURAL_GRIDS - 2 * ruralV.length, ruralV.map((x) => Math.sqrt(multiAreaKm2(x.geom))));
  extra.forEach((c, i) => counts.set(v(ruralV, i), 2 + c));
  fixTotal(counts, urbanV, URBAN_GRIDS); fixTotal(counts, ruralV, RURAL_GRIDS);

  const grids: Grid[] = [];
  for (const village of villages) {
    const k = counts.get(village.code)!;
    const { parts } = partitionPolygon(village.geom, k, rng.fork(village.code));
    const urban = isUrban(village);
    const police = { name: personName(rng), phone: phone(rng) };
    parts.forEach((raw, j) => {
      const geom = roundCoords(raw);
      const code = `${village.code}${String(j + 1).padStart(3, '0')}`;
      grids.push({ id: Number(code), code, townCode: village.townCode, villageCode: village.code,
        name: urban ? `${village.name}第${chineseNumber(j + 1)}网格` : `${village.name}${chineseNumber(j + 1)}组`,
        kind: urban ? 'urban' : 'rural', households: 0, population: 0, geom,
        centre: innerPoint(geom, []) ?? village.centre,
        worker: { name: personName(rng), phone: phone(rng), type: urban ? 'full_time' : 'part_time' },
        police: urban && rng.chance(0.5) ? { name: personName(rng), phone: phone(rng) } : police,
        cadre: { name: personName(rng), phone: phone(rng) } });
    });
  }
  return grids;
}

const v = (list: Village[], i: number) => list[i].code;

function fixTotal(counts: Map<string, number>, list: Village[], total: number): void {
  let diff = total - list.reduce((s, x) => s + counts.get(x.code)!, 0);
  const order = [...list].sort((a, b) => counts.get(b.code)! - counts.get(a.code)!);
  for (let i = 0; diff !== 0; i = (i + 1) % order.length) {
    const c = counts.get(order[i].code)!;
    if (diff < 0 && c > 1) { counts.set(order[i].code, c - 1); diff++; }
    else if (diff > 0) { counts.set(order[i].code, c + 1); diff--; }
  }
}

/** Households and population: ~300 households an urban grid; rural towns share the rest of 504,300. */
function assignPopulation(towns: Town[], villages: Village[], grids: Grid[], rng: Rng): void {
  const urban = grids.filter((g) => g.kind === 'urban');
  for (const g of urban) {
    g.households = Math.round(Math.min(360, Math.max(240, rng.normal(300, 22))));
    g.population = Math.round(g.households * rng.range(2.45, 2.75));
  }
  const urbanPop = urban.reduce((s, g) => s + g.population, 0);
  const ruralTowns = towns.filter((t) => t.kind !== 'subdistrict');
  const known = ruralTowns.filter((t) => KNOWN_TOWN_POPULATION[seatKey(t.name)]);
  const knownPop = known.reduce((s, t) => s + KNOWN_TOWN_POPULATION[seatKey(t.name)].population, 0);
  const others = ruralTowns.filter((t) => !known.includes(t));
  const weight = (t: Town) => grids.filter((g) => g.townCode === t.code).length * (regionOf(t.seat) === 'south' ? 0.85 : 1);
  const shares = apportion(DISTRICT_POPULATION - urbanPop - knownPop, others.map(weight));
  const townPop = new Map<string, number>(others.map((t, i) => [t.code, shares[i]]));
  known.forEach((t) => townPop.set(t.code, KNOWN_TOWN_POPULATION[seatKey(t.name)].population));
  for (const t of ruralTowns) {
    const gs = grids.filter((g) => g.townCode === t.code);
    const pops = apportion(townPop.get(t.code)!, gs.map(() => rng.range(0.6, 1.4)));
    gs.forEach((g, i) => (g.population = pops[i]));
    const hhKnown = KNOWN_TOWN_POPULATION[seatKey(t.name)]?.households;
    const hh = hhKnown ?? Math.round(townPop.get(t.code)! / rng.range(3.2, 3.6));
    apportion(hh, gs.map((g) => g.population)).forEach((h, i) => (gs[i].households = Math.max(1, h)));
  }
  for (const x of villages) {
    const gs = grids.filter((g) => g.villageCode === x.code);
    x.population = gs.reduce((s, g) => s + g.population, 0);
    x.households = gs.reduce((s, g) => s + g.households, 0);
  }
  for (const t of towns) {
    const vs = villages.filter((x) => x.townCode === t.code);
    t.population = vs.reduce((s, x) => s + x.population, 0);
    t.households = vs.reduce((s, x) => s + x.households, 0);
  }
}
