// Results: JSON for machines, a short Markdown table for people, both in bench/results/.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const RATIO_TARGET = 0.6;
export const P99_TARGET_MS = 50;

export interface Measured {
  name: string;
  path: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** CPU milliseconds per request by process (see cpu.ts). */
  cpu: { serverMs: number; postgresMs: number; loadGeneratorMs: number };
}

export interface TargetResult extends Measured {
  /** The floor this route is compared with (req/s). */
  floorRps: number;
  ratio: number;
  /**
   * Floor CPU per request over this route's (server + postgres): what the ratio would be on an
   * otherwise idle machine where CPU is the limit. Informational; pass/fail uses req/s.
   */
  cpuRatio: number;
  pass: boolean;
  why: string[];
}

const cpuTotal = (m: Measured) => m.cpu.serverMs + m.cpu.postgresMs;

export function judge(m: Measured, floors: [Measured, Measured]): TargetResult {
  const floorRps = (floors[0].rps + floors[1].rps) / 2;
  const cpuRatio = Math.round(((cpuTotal(floors[0]) + cpuTotal(floors[1])) / 2 / cpuTotal(m)) * 100) / 100;
  const ratio = m.rps / floorRps;
  const why: string[] = [];
  if (ratio < RATIO_TARGET) why.push(`ratio ${ratio.toFixed(2)} < ${RATIO_TARGET}`);
  if (m.p99 >= P99_TARGET_MS) why.push(`p99 ${m.p99} ms ≥ ${P99_TARGET_MS} ms`);
  if (m.non2xx || m.errors || m.timeouts) why.push(`${m.non2xx} non-2xx, ${m.errors} errors, ${m.timeouts} timeouts`);
  return { ...m, floorRps: Math.round(floorRps), ratio: Math.round(ratio * 1000) / 1000, cpuRatio, pass: why.length === 0, why };
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

/** BENCH_LABEL (e.g. `before`, `after`) names a run, so two runs of one day are both kept. */
export const benchLabel = () => process.env.BENCH_LABEL?.replace(/[^\w.-]/g, '') || '';
export const labelSuffix = () => (benchLabel() ? `-${benchLabel()}` : '');
export const labelTitle = () => (benchLabel() ? ` (${benchLabel()}, commit ${commit()})` : '');

/** The commit measured (the server runs from this work tree). */
export function commit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return 'unknown';
  }
}

export interface Report {
  date: string;
  machine: ReturnType<typeof machine>;
  postgres: string;
  settings: Record<string, unknown>;
  rows: Record<string, number>;
  floor: { runs: Measured[]; taken: string };
  targets: TargetResult[];
  pass: boolean;
}

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

const cpuOf = (m: Measured) => `${fmt(m.cpu.serverMs, 3)} · ${fmt(m.cpu.postgresMs, 3)}`;

export function markdownTable(r: Report): string {
  const lines = [
    '| Route | req/s (mean) | p50 ms | p99 ms | ratio to floor (mean of neighbours) | result | CPU ms/req: server · postgres | CPU ratio |',
    '|---|---:|---:|---:|---:|---|---:|---:|',
  ];
  const floorRow = (f: Measured, i: number) =>
    `| floor #${i + 1} \`${f.path}\` | ${fmt(f.rps)} | ${f.p50} | ${f.p99} | – | – | ${cpuOf(f)} | – |`;
  lines.push(floorRow(r.floor.runs[0]!, 0));
  for (const [i, t] of r.targets.entries()) {
    lines.push(
      `| \`${t.path}\` | ${fmt(t.rps)} | ${t.p50} | ${t.p99} | ${fmt(t.ratio, 2)} | ${t.pass ? 'pass' : `**FAIL** (${t.why.join('; ')})`} | ${cpuOf(t)} | ${fmt(t.cpuRatio, 2)} |`,
    );
    if (r.floor.runs[i + 1]) lines.push(floorRow(r.floor.runs[i + 1]!, i + 1));
  }
  return lines.join('\n');
}

export function writeReport(dir: string, r: Report): { json: string; md: string } {
  fs.mkdirSync(dir, { recursive: true });
  const stem = path.join(dir, `foundation-${r.date}${labelSuffix()}`);
  fs.writeFileSync(`${stem}.json`, JSON.stringify(r, null, 2) + '\n');
  const md = [
    `# Foundation benchmark, ${r.date}${labelTitle()}`,
    '',
    `${r.machine.cores} × ${r.machine.cpu}, ${r.machine.memoryGiB} GiB, ${r.machine.os}; Node ${r.machine.node}; PostgreSQL ${r.postgres}.`,
    `Data: ${fmt(r.rows.areas!)} areas of 福建省 (${fmt(r.rows.streets!)} streets, ${fmt(r.rows.communities!)} communities), ` +
      `${fmt(r.rows.orgs!)} organisations, ${fmt(r.rows.users!)} accounts.`,
    `Load: autocannon, ${r.settings.connections} connections, ${r.settings.warmupSeconds} s warm-up and ${r.settings.durationSeconds} s measured per route; ` +
      `server pool ${r.settings.poolSize}; signed in as a 厦门市 official.`,
    `Machine load (1-min load average) before/after the measurements: ${JSON.stringify(r.settings.loadAverage1m)}.`,
    `Floor: ${r.floor.taken}. Target: each route ≥ ${RATIO_TARGET} × the floor's req/s and p99 < ${P99_TARGET_MS} ms, no non-2xx.`,
    '',
    markdownTable(r),
    '',
    r.pass ? 'All targets met.' : 'Some targets were **not** met (see above).',
    '',
    "CPU ratio: the floor's CPU per request (server + PostgreSQL) over the route's, from /proc; it does not",
    'move with other load on the machine the way req/s and p99 do, and estimates the req/s ratio where CPU is the limit.',
    '',
  ].join('\n');
  fs.writeFileSync(`${stem}.md`, md);
  return { json: `${stem}.json`, md: `${stem}.md` };
}
