/**
 * Builds the client (vite build → dist/client) when there is no build yet or a client source file is
 * newer than it, so `npm start` always serves the current map without rebuilding every time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const built = join(root, 'dist/client/index.html');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sources = Math.max(newest(join(root, 'client')), newest(join(root, 'server/src/domain')), statSync(join(root, 'vite.config.ts')).mtimeMs);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('building the client (vite build)…');
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
} else {
  console.log('client build is up to date');
}
