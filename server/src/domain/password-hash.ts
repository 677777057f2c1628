/**
 * Password hashing with scrypt (Percival 2009; RFC 7914), memory-hard: N = 2^15, r = 8, p = 1 uses
 * 32 MiB and tens of milliseconds per hash. The stored string carries its parameters and a per-user
 * 16-byte salt, `scrypt$15$8$1$<salt b64>$<hash b64>`, so the cost can be raised later without
 * breaking old hashes. Verification compares in constant time.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams { logN: number; r: number; p: number }

export const DEFAULT_SCRYPT: ScryptParams = Object.freeze({ logN: 15, r: 8, p: 1 });
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function scrypt(password: string, salt: Buffer, { logN, r, p }: ScryptParams): Promise<Buffer> {
  // maxmem must exceed 128 · N · r bytes, or node refuses the parameters.
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r };
  return new Promise((ok, fail) => scryptCb(password.normalize('NFKC'), salt, KEY_BYTES, options, (e, key) => (e ? fail(e) : ok(key))));
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, params);
  return `scrypt$${params.logN}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export interface ParsedHash extends ScryptParams { salt: Buffer; key: Buffer }

/** The parts of a stored hash, or null when it is not one this module wrote (or its parameters are unsafe). */
export function parsePasswordHash(encoded: string): ParsedHash | null {
  const m = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/.exec(encoded);
  if (!m) return null;
  const [logN, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Bounds keep a tampered row from asking for gigabytes of memory or a zero-cost hash.
  if (logN < 10 || logN > 20 || r < 1 || r > 32 || p < 1 || p > 16) return null;
  const salt = Buffer.from(m[4], 'base64');
  const key = Buffer.from(m[5], 'base64');
  if (salt.length < 16 || key.length !== KEY_BYTES) return null;
  return { logN, r, p, salt, key };
}

/** True when `password` matches `encoded`; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, encoded: string | null): Promise<boolean> {
  const h = encoded === null ? null : parsePasswordHash(encoded);
  if (!h) return false;
  const key = await scrypt(password, h.salt, h);
  return timingSafeEqual(key, h.key);
}

/** A hash to verify against when the user is unknown, so "no such user" takes as long as "wrong password". */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}
