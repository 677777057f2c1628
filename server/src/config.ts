/** Every setting, read once from the environment and validated. Defaults run locally with no setup. */
import { resolve } from 'node:path';
import { DEFAULT_RISK_THRESHOLDS, parseRiskThresholds, type RiskThresholds } from './domain/risk-config.ts';
import { DEFAULT_TIME_LIMITS, parseTimeLimits, type TimeLimits } from './domain/time-limits.ts';

export interface Config {
  port: number;
  host: string;
  /** Real PostgreSQL + PostGIS when set; otherwise the embedded PGlite engine. */
  databaseUrl: string | null;
  /** Folder of the embedded database (git-ignored). */
  dataDir: string;
  seed: SeedConfig;
  tileCacheSize: number;
  /** Four-colour risk thresholds (RISK_THRESHOLDS, JSON merged over the defaults). */
  risk: RiskThresholds;
  /** Dispute and transfer time limits (TIME_LIMITS, JSON merged over the defaults). */
  timeLimits: TimeLimits;
  basemaps: BasemapSettings;
  auth: AuthSettings;
  /** DEMO_PASSWORD: the demo accounts' password when they are created; unset = a random one, logged once. */
  demoPassword: string | null;
}

/** Sessions and their cookies (SESSION_IDLE_HOURS, SESSION_MAX_DAYS, DISPLAY_SESSION_DAYS, COOKIE_SECURE). */
export interface AuthSettings {
  idleMs: number;
  absoluteMs: number;
  displayMs: number;
  /** Always mark the cookies Secure (behind a TLS-terminating proxy); they are anyway on HTTPS requests. */
  secureCookies: boolean;
}

/** Which online basemaps the client may offer besides the built-in offline one. */
export interface BasemapSettings {
  /** 天地图 browser key (TIANDITU_KEY): handed to the client in tile URLs, never logged. */
  tiandituKey: string | null;
  /** OSM_TILES=1: offer the OpenStreetMap raster tiles. */
  osmTiles: boolean;
  /** PMTILES_URL: a PMTiles basemap archive (http(s) URL or a path on this server). */
  pmtilesUrl: string | null;
}

export const NO_BASEMAPS: BasemapSettings = Object.freeze({ tiandituKey: null, osmTiles: false, pmtilesUrl: null });

export interface SeedConfig {
  /** Generator seed: the same seed and as-of date give byte-identical data. */
  seed: string;
  /** 0 < scale ≤ 1: scales the volume of platform items (the days they cover); geography is always complete. */
  scale: number;
  /** 0 < disputeScale ≤ 1: scales the number of disputes (default: scale). */
  disputeScale: number;
  /** The generated history runs up to this date (YYYY-MM-DD, UTC); default today. */
  asOf: string;
}

export class ConfigError extends Error {}

/** A whole-number setting in [min, max]; unset or empty gives the default. */
export function intSetting(env: NodeJS.ProcessEnv, name: string, def: number, min: number, max: number): number {
  const v = num(env, name, def, min, max);
  if (!Number.isInteger(v)) throw new ConfigError(`${name} must be a whole number in [${min}, ${max}], got "${String(env[name]).slice(0, 20)}"`);
  return v;
}

function num(env: NodeJS.ProcessEnv, name: string, def: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const v = Number(raw);
  if (!Number.isFinite(v) || v < min || v > max) throw new ConfigError(`${name} must be a number in [${min}, ${max}], got "${raw}"`);
  return v;
}

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function readSeedConfig(env: NodeJS.ProcessEnv = process.env): SeedConfig {
  const asOf = env.SEED_AS_OF || todayUtc();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf)) || asOf < '2020-02-01') {
    throw new ConfigError(`SEED_AS_OF must be a date YYYY-MM-DD on or after 2020-02-01, got "${asOf}"`);
  }
  const scale = num(env, 'SEED_SCALE', 1, 0.001, 1);
  const disputeScale = num(env, 'SEED_DISPUTE_SCALE', scale, 0.001, 1);
  return { seed: env.SEED || 'kongtong', scale, disputeScale, asOf };
}

/** A JSON setting merged over its defaults by `parse`; a bad one stops the start naming the README section. */
function jsonSetting<T>(env: NodeJS.ProcessEnv, name: string, def: T, parse: (raw: string) => T, section: string): T {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return def;
  try {
    return parse(raw);
  } catch (e) {
    throw new ConfigError(`${name}: ${(e as Error).message} (see README, "${section}")`);
  }
}

export function readRiskConfig(env: NodeJS.ProcessEnv = process.env): RiskThresholds {
  return jsonSetting(env, 'RISK_THRESHOLDS', DEFAULT_RISK_THRESHOLDS, (raw) => parseRiskThresholds(raw), 'Four-colour risk');
}

export function readTimeLimits(env: NodeJS.ProcessEnv = process.env): TimeLimits {
  return jsonSetting(env, 'TIME_LIMITS', DEFAULT_TIME_LIMITS, (raw) => parseTimeLimits(raw), 'Deadlines and cards');
}

export function readBasemapSettings(env: NodeJS.ProcessEnv = process.env): BasemapSettings {
  const key = env.TIANDITU_KEY || null;
  // The key ends up in URLs: accept only what a 天地图 key looks like, and never echo it.
  if (key !== null && !/^[0-9A-Za-z]{16,64}$/.test(key)) throw new ConfigError('TIANDITU_KEY must be 16–64 letters and digits (the key from console.tianditu.gov.cn)');
  const osm = env.OSM_TILES ?? '';
  if (!['', '0', '1'].includes(osm)) throw new ConfigError(`OSM_TILES must be 1 (offer OpenStreetMap tiles) or 0, got "${osm.slice(0, 20)}"`);
  const pmtiles = env.PMTILES_URL || null;
  if (pmtiles !== null && !/^(https?:\/\/[^\s"'<>]+|\/[^\s"'<>]*)\.pmtiles(\?[^\s"'<>]*)?$/.test(pmtiles)) {
    throw new ConfigError(`PMTILES_URL must be an http(s) URL or an absolute path ending in .pmtiles, got "${pmtiles.slice(0, 80)}"`);
  }
  return { tiandituKey: key, osmTiles: osm === '1', pmtilesUrl: pmtiles };
}

export function readAuthSettings(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  const secure = env.COOKIE_SECURE ?? '';
  if (!['', '0', '1'].includes(secure)) throw new ConfigError(`COOKIE_SECURE must be 1 (always Secure cookies) or 0, got "${secure.slice(0, 20)}"`);
  return {
    idleMs: num(env, 'SESSION_IDLE_HOURS', 8, 0.1, 24 * 30) * 3_600_000,
    absoluteMs: num(env, 'SESSION_MAX_DAYS', 7, 0.01, 365) * 86_400_000,
    displayMs: num(env, 'DISPLAY_SESSION_DAYS', 90, 1, 3650) * 86_400_000,
    secureCookies: secure === '1',
  };
}

export function readDemoPassword(env: NodeJS.ProcessEnv = process.env): string | null {
  const pw = env.DEMO_PASSWORD;
  if (pw === undefined || pw === '') return null;
  if (pw.length < 8 || pw.length > 200) throw new ConfigError('DEMO_PASSWORD must have 8–200 characters');
  return pw;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: num(env, 'PORT', 8080, 0, 65535),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: resolve(env.DATA_DIR || 'data'),
    seed: readSeedConfig(env),
    tileCacheSize: num(env, 'TILE_CACHE_SIZE', 2000, 0, 1_000_000),
    risk: readRiskConfig(env),
    timeLimits: readTimeLimits(env),
    basemaps: readBasemapSettings(env),
    auth: readAuthSettings(env),
    demoPassword: readDemoPassword(env),
  };
}
