// `npm test`: install what is missing, then type-checks, lint, unit and API tests (PGlite, and
// PostgreSQL too when TEST_DATABASE_URL is set), and the browser tests. Exits non-zero on
// any failure.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBrowser } from './browser-deps.mjs';
import { ensureInstalled, ensureWebBuilt } from './start.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = [];

function step(name, cmd, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  return ok;
}

ensureInstalled();
step('type-check (server, packages, tests)', 'npx', ['tsc', '-p', 'tsconfig.json']);
step('type-check (web)', 'npx', ['tsc', '-p', 'apps/web/tsconfig.json']);
step('type-check (browser tests)', 'npx', ['tsc', '-p', 'e2e/tsconfig.json']);
step('lint', 'npx', ['eslint', '.']);
step('format (Prettier)', 'npx', ['prettier', '--check', '.']);
// The embedded run must not inherit a PostgreSQL URL.
const { TEST_DATABASE_URL, ...envNoPg } = process.env;
results.push(
  (() => {
    console.log('\n=== unit and API tests (PGlite) ===');
    const started = Date.now();
    const r = spawnSync('npx', ['vitest', 'run'], { cwd: root, stdio: 'inherit', env: envNoPg });
    return { name: 'unit and API tests (PGlite)', ok: r.status === 0, seconds: Math.round((Date.now() - started) / 1000) };
  })(),
);
if (TEST_DATABASE_URL) step('API tests (PostgreSQL)', 'npx', ['vitest', 'run', 'apps/server/test'], { TEST_DATABASE_URL });
if (ensureBrowser()) {
  ensureWebBuilt();
  step('browser tests (Playwright, Chromium)', 'npm', ['run', 'test', '-w', 'e2e']);
} else {
  results.push({ name: 'browser tests (missing Chromium or CJK font)', ok: false, seconds: 0 });
}

console.log('\n=== summary ===');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds}s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
