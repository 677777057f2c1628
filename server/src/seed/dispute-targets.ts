/**
 * The figures the generated disputes must reproduce (SEED-FACTS): yearly volumes (> 30,000 found and
 * resolved since 2020), the monthly resolution rate (当月调处化解率) per year, 70% in 2019 rising to
 * 99.7% in 2022 and staying high, and the level that resolved them since 2020: 97.2% village/community,
 * 2.3% town/subdistrict, the rest (≈0.5%) departments above the town.
 */
export const FIRST_YEAR = 2019;
export const BASELINE_YEAR = 2019;

const ANNUAL: Record<number, number> = { 2019: 7600, 2020: 9600, 2021: 10200, 2022: 10800, 2023: 10600, 2024: 10400, 2025: 10300, 2026: 10100 };
export const annualDisputes = (year: number): number => ANNUAL[year] ?? 10000;

/** Relative monthly volume: more around the Spring Festival and the spring and autumn farm work. */
export const MONTH_WEIGHTS = [1.15, 1.2, 1.1, 1.05, 0.95, 0.9, 0.9, 0.9, 0.95, 1.0, 1.0, 1.05];

const RATE: Record<number, number> = { 2019: 0.70, 2020: 0.82, 2021: 0.93, 2022: 0.997 };
/** Share of a month's reported disputes that are resolved within that same month. */
export const monthlyResolutionRate = (year: number): number => RATE[year] ?? 0.997;

export interface LevelShares { village: number; town: number; department: number }
export const levelShares = (year: number): LevelShares =>
  year <= BASELINE_YEAR ? { village: 0.88, town: 0.085, department: 0.035 } : { village: 0.972, town: 0.023, department: 0.005 };

/** Share of disputes since 2020 that repeat an earlier one between the same parties at the same place. */
export const REPEAT_SHARE = 0.07;
