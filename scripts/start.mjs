// `npm start`: install what is missing, build the web app when its sources changed, then
// `wushe serve` (which migrates, loads the demo on a new embedded database and serves).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

export function ensureInstalled() {
  const marker = path.join(root, 'node_modules/.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (!fs.existsSync(marker) || fs.statSync(lock).mtimeMs > fs.statSync(marker).mtimeMs) {
    console.log('Installing npm packages…');
    run('npm', ['install', '--no-audit', '--no-fund']);
  }
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export function ensureWebBuilt() {
  const index = path.join(root, 'apps/web/dist/index.html');
  const sources = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'packages/core/src']
    .map((p) => path.join(root, p))
    .filter((p) => fs.existsSync(p))
    .map((p) => (fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs));
  if (!fs.existsSync(index) || Math.max(...sources) > fs.statSync(index).mtimeMs) {
    console.log('Building the web app…');
    run('npm', ['run', 'build', '-w', 'apps/web']);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureInstalled();
  ensureWebBuilt();
  const server = spawn(process.execPath, ['apps/server/bin/wushe.mjs', 'serve', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  // Ctrl-C reaches the server through the terminal's process group; pass on a TERM too.
  for (const sig of ['SIGTERM', 'SIGHUP']) process.on(sig, () => server.kill(sig));
  process.on('SIGINT', () => {});
  server.on('exit', (code) => process.exit(code ?? 0));
}
