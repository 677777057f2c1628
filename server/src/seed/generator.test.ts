/**
 * The generator on its own (no database): deterministic output, and the source document's figures at
 * full volume (> 30,000 disputes since 2020, the level shares and monthly rates, > 1.6 million items).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateDataSet, type DataSet } from './generate.ts';
import { readSources } from './read-sources.ts';
import { localMonth } from '../domain/local-time.ts';
import { asOfInstant } from './disputes.ts';
import { levelShares, resolutionRate } from '../domain/resolution-rate.ts';

const sources = readSources();
const AS_OF = '2026-11-28';

function fingerprint(ds: DataSet, withItems = false): string {
  const h = createHash('sha256');
  h.update(JSON.stringify([ds.meta, ds.geography, ds.facilities, ds.disputes]));
  if (withItems) for (const b of ds.items()) h.update(JSON.stringify(b));
  return h.digest('hex');
}

describe('determinism', () => {
  it('gives byte-identical output for the same seed, as-of date and scale, and different output for another seed', () => {
    const cfg = { seed: 'determinism', scale: 0.01, disputeScale: 0.01, asOf: AS_OF };
    const a = fingerprint(generateDataSet(sources, cfg), true);
    const b = fingerprint(generateDataSet(sources, cfg), true);
    const c = fingerprint(generateDataSet(sources, { ...cfg, seed: 'another' }), true);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    // Three whole generations (≈45 s on a quiet machine): more than the default timeout on a busy one.
  }, 240_000);
});

describe('full volume', () => {
  const ds = generateDataSet(sources, { seed: 'kongtong', scale: 1, disputeScale: 1, asOf: AS_OF });
  const since2020 = ds.disputes.filter((d) => d.reportedAt >= new Date('2019-12-31T16:00:00Z'));

  it('has more than 30,000 disputes found and resolved since 2020', () => {
    expect(since2020.filter((d) => d.resolvedAt).length).toBeGreaterThan(30000);
  });

  it('resolves 97.2% at village level and 2.3% at town level', () => {
    // The one definition the API uses (domain/resolution-rate.ts), over the generator's own output.
    const resolved = since2020.filter((d) => d.resolvedAt);
    const count = (l: string) => resolved.filter((d) => d.level === l).length;
    const shares = levelShares({ resolved: resolved.length, resolved_by_level: { village: count('village'), town: count('town'), department: count('department') } });
    expect(shares).toEqual({ village: 97.2, town: 2.3, department: 0.5 });
  });

  it('has a monthly resolution rate of 70% in 2019 and 99.7% in 2022', () => {
    const end = localMonth(asOfInstant(AS_OF));
    const rate = (year: string) => {
      const ds2 = ds.disputes.filter((d) => localMonth(d.reportedAt).startsWith(year) && localMonth(d.reportedAt) < end);
      const inMonth = ds2.filter((d) => d.resolvedAt && localMonth(d.resolvedAt) === localMonth(d.reportedAt)).length;
      return resolutionRate({ found: ds2.length, resolved_in_month: inMonth });
    };
    expect(rate('2019')).toBe(70);
    expect(rate('2022')).toBe(99.7);
  });

  it('logs more than 1.6 million platform items, 500,000 population updates and 400,000 key-group visits', () => {
    let items = 0, population = 0, visits = 0, quiet = 0;
    for (const batch of ds.items()) for (const r of batch) {
      items += r.quiet + r.info + r.population + r.visits; population += r.population; visits += r.visits; quiet += r.quiet;
    }
    expect(items).toBeGreaterThan(1_600_000);
    expect(population).toBeGreaterThan(500_000);
    expect(visits).toBeGreaterThan(400_000);
    expect(quiet).toBeGreaterThan(0);
  });
});
