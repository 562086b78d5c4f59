// Runs the real server (`wushe serve`) as a child process, so the load generator never shares
// its event loop, and signs in through the public API.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface RunningServer {
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export async function startServer(root: string, databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wushe-bench-'));
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'apps/server/bin/wushe.mjs'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      WUSHE_AREA: '35',
      WUSHE_DEMO: '0',
      WUSHE_BENCH_FLOOR: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      // Request logging at info level would be part of what is measured.
      WUSHE_LOG_LEVEL: 'warn',
      WUSHE_DATA_DIR: dataDir,
      WUSHE_LOGIN_RATE_LIMIT: '100000',
      NODE_ENV: 'production',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // BENCH_SERVER_OUT=file keeps the server's own output (with BENCH_SERVER_NODE_ARGS=--trace-gc, say).
  const tee = process.env.BENCH_SERVER_OUT ? fs.createWriteStream(process.env.BENCH_SERVER_OUT) : null;
  if (tee) child.stdout!.pipe(tee);
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${base}/api/v1/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer /api/v1/health within 180 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, child, stop };
}

/** Signs in and returns the Cookie header value (`wushe_sid=…`). */
export async function login(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('wushe_sid='));
  if (!cookie) throw new Error('login set no wushe_sid cookie');
  return cookie.split(';')[0]!;
}
