/**
 * Demo accounts, created with the generated demo data only (synthetic = true): the commander, each
 * town's leader (`town-<code>`), the grid worker of each town's first grid (`grid-<code>`), each
 * department's officer (`dept-<code>`), an analyst and a wall display. Display names are role titles,
 * never people. They share one password: DEMO_PASSWORD, or a random one printed once in the log; only
 * scrypt hashes are stored, so a lost random password means setting DEMO_PASSWORD and re-seeding.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from './database.ts';
import { DISTRICT_UNIT } from '../domain/actors.ts';
import { DEPARTMENTS } from '../domain/departments.ts';
import { hashPassword } from '../domain/password-hash.ts';
import type { UserRole } from '../domain/user-roles.ts';

export interface DemoAccount { username: string; display_name: string; role: UserRole; unit: string | null }

type Log = (msg: string) => void;

/** The demo accounts for the seeded towns and grids. */
export function demoAccounts(towns: { code: string; name: string }[], firstGrids: { code: string; name: string }[]): DemoAccount[] {
  return [
    { username: 'commander', display_name: '区综治中心指挥长（演示）', role: 'commander', unit: DISTRICT_UNIT },
    ...towns.map((t) => ({ username: `town-${t.code}`, display_name: `${t.name}领导（演示）`, role: 'town_leader' as const, unit: t.code })),
    ...firstGrids.map((g) => ({ username: `grid-${g.code}`, display_name: `${g.name}网格员（演示）`, role: 'grid_worker' as const, unit: g.code })),
    ...DEPARTMENTS.map((d) => ({ username: `dept-${d.code}`, display_name: `${d.name}干部（演示）`, role: 'department_officer' as const, unit: d.code })),
    { username: 'analyst', display_name: '分析员（演示）', role: 'analyst', unit: null },
    { username: 'display', display_name: '指挥中心大屏（演示）', role: 'display', unit: null },
  ];
}

/** Creates the demo accounts when the database has no account yet; returns how many it created. */
export async function ensureDemoAccounts(db: Database, demoPassword: string | null, log: Log = () => undefined): Promise<number> {
  const { rows: [{ n }] } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if (n > 0) return 0;
  const towns = (await db.query<{ code: string; name: string }>('SELECT code, name FROM towns ORDER BY code')).rows;
  const grids = (await db.query<{ code: string; name: string }>('SELECT DISTINCT ON (town_code) code, name FROM grids ORDER BY town_code, code')).rows;
  const accounts = demoAccounts(towns, grids);
  const password = demoPassword ?? randomBytes(12).toString('base64url');
  const hashes: string[] = [];
  // A few at a time: each scrypt hash takes 32 MiB.
  for (let i = 0; i < accounts.length; i += 4) hashes.push(...(await Promise.all(accounts.slice(i, i + 4).map(() => hashPassword(password)))));
  await db.transaction(async (tx) => {
    for (const [i, a] of accounts.entries()) {
      await tx.query('INSERT INTO users (username, display_name, role, unit, password_hash, synthetic) VALUES ($1, $2, $3, $4, $5, true)',
        [a.username, a.display_name, a.role, a.unit, hashes[i]]);
    }
  });
  log(demoPassword
    ? `created ${accounts.length} demo accounts (commander, town-<code>, grid-<code>, dept-<code>, analyst, display) with the password from DEMO_PASSWORD`
    : `created ${accounts.length} demo accounts (commander, town-<code>, grid-<code>, dept-<code>, analyst, display); their password, shown only this once: ${password}  (set DEMO_PASSWORD to choose it)`);
  return accounts.length;
}
