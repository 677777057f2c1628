import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashPassword, parsePasswordHash, verifyPassword } from './password-hash.ts';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const h = await hashPassword('correct horse 平安');
    expect(await verifyPassword('correct horse 平安', h)).toBe(true);
    expect(await verifyPassword('correct horse 平', h)).toBe(false);
    expect(await verifyPassword('', h)).toBe(false);
  });

  it('writes its parameters and a fresh 16-byte salt into every hash', async () => {
    const [a, b] = [await hashPassword('secret-1'), await hashPassword('secret-1')];
    expect(a).not.toBe(b);
    const p = parsePasswordHash(a)!;
    expect({ logN: p.logN, r: p.r, p: p.p }).toEqual(DEFAULT_SCRYPT);
    expect([p.salt.length, p.key.length]).toEqual([16, 32]);
    expect(a.startsWith('scrypt$15$8$1$')).toBe(true);
  });

  it('verifies a hash made with other parameters, read from the string', async () => {
    const h = await hashPassword('pw', { logN: 11, r: 4, p: 2 });
    expect(parsePasswordHash(h)).toMatchObject({ logN: 11, r: 4, p: 2 });
    expect(await verifyPassword('pw', h)).toBe(true);
  });

  it.each([
    { title: 'a flipped byte of the key', tamper: (h: string) => { const i = h.lastIndexOf('$') + 3; return h.slice(0, i) + (h[i] === 'A' ? 'B' : 'A') + h.slice(i + 1); } },
    { title: 'another salt', tamper: (h: string) => h.replace(/\$([^$]+)\$([^$]+)$/, (_m, _s, k) => `$${Buffer.alloc(16, 7).toString('base64')}$${k}`) },
    { title: 'a lower cost', tamper: (h: string) => h.replace('scrypt$15$', 'scrypt$14$') },
    { title: 'an unsafe cost', tamper: (h: string) => h.replace('scrypt$15$', 'scrypt$30$') },
    { title: 'a truncated key', tamper: (h: string) => h.slice(0, -8) },
    { title: 'another scheme', tamper: (h: string) => h.replace('scrypt$', 'bcrypt$') },
  ])('refuses $title', async ({ tamper }) => {
    const h = await hashPassword('s3cret');
    expect(await verifyPassword('s3cret', tamper(h))).toBe(false);
  });

  it('refuses a missing hash (an account without a password)', async () => {
    expect(await verifyPassword('anything', null)).toBe(false);
  });
});
