// Figures of the residents benchmark against the targets of issue 3, as JSON and Markdown.
import fs from 'node:fs';
import path from 'node:path';
import { labelSuffix, labelTitle, type machine } from './report.ts';

export interface Figure {
  name: string;
  path: string;
  stat: 'p95' | 'median' | 'seconds' | 'ratio';
  /** Milliseconds for p95 and median, seconds, or a ratio. */
  value: number;
  p50?: number;
  runs?: number[];
  target?: number;
  /** The target is a minimum (the import's speed ratio); otherwise a maximum. */
  higherIsBetter?: boolean;
  note?: string;
  pass?: boolean;
}

export interface ResidentsReport {
  date: string;
  machine: ReturnType<typeof machine>;
  postgres: string;
  rows: Record<string, number>;
  load: Record<string, number>;
  settings: Record<string, unknown>;
  figures: Figure[];
  pass?: boolean;
}

/** The p-th percentile (nearest rank). */
export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 10) / 10;
}

export const median = (xs: number[]) => pct(xs, 50);

export async function timeOnce(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return Math.round((performance.now() - t0) * 10) / 10;
}

export async function seq<T>(n: number, fn: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await fn());
  return out;
}

/** Seconds since `t0` (a Date.now()). */
export const secs = (t0: number) => (Date.now() - t0) / 1000;

const unit = (f: Figure) => (f.stat === 'seconds' ? ' s' : f.stat === 'ratio' ? '' : ' ms');
const num = (n: number, f: Figure) => (f.stat === 'ratio' ? n.toFixed(3) : f.stat === 'seconds' ? n.toFixed(1) : n.toFixed(1));

export function writeResidentsReport(dir: string, r: ResidentsReport, part = ''): { json: string; md: string } {
  for (const f of r.figures) {
    if (f.target !== undefined) f.pass = f.higherIsBetter ? f.value >= f.target : f.value < f.target;
  }
  r.pass = r.figures.every((f) => f.pass !== false);
  fs.mkdirSync(dir, { recursive: true });
  const stem = path.join(dir, `residents${part ? `-${part}` : ''}-${r.date}${labelSuffix()}`);
  fs.writeFileSync(`${stem}.json`, JSON.stringify(r, null, 2) + '\n');
  const fmt = (n: number) => n.toLocaleString('en-US');
  const lines = [
    `# Residents benchmark${part ? ` (${part} only)` : ''}, ${r.date}${labelTitle()}`,
    '',
    `${r.machine.cores} × ${r.machine.cpu}, ${r.machine.memoryGiB} GiB, ${r.machine.os}; Node ${r.machine.node}; PostgreSQL ${r.postgres}.`,
    `Data: ${fmt(r.rows.residents!)} residents over ${fmt(r.rows.communities!)} communities of 福建省, ${fmt(r.rows.contacts!)} contacts over the past year, ` +
      `${fmt(r.rows.accounts!)} accounts.`,
    `Load: residents ${r.load.residentsSeconds?.toFixed(0)} s, contacts ${r.load.contactsSeconds?.toFixed(0)} s, ` +
      `indexes + VACUUM ANALYZE ${r.load.indexesSeconds?.toFixed(0)} s; whole run ${r.load.totalSeconds?.toFixed(0)} s.`,
    `Measured through the HTTP API (server child process, log level warn, pool ${String(r.settings.poolSize)}), signed in as ${String(r.settings.account)}: ` +
      `${String(r.settings.requests)} sequential requests per search and profile row (after 20 warm-up requests), ${String(r.settings.repeat)} runs per coverage row.`,
    `Machine load (1-min load average) before/after the measurements: ${JSON.stringify(r.settings.loadAverage1m)}.`,
    '',
    '| What | Path | Statistic | Value | p50 | Target | Result | Note |',
    '|---|---|---|---:|---:|---:|---|---|',
    ...r.figures.map(
      (f) =>
        `| ${f.name} | \`${f.path}\` | ${f.stat} | ${num(f.value, f)}${unit(f)} | ${f.p50 !== undefined ? `${f.p50} ms` : '–'} | ` +
        `${f.target === undefined ? '–' : `${f.higherIsBetter ? '≥' : '<'} ${f.target}${unit(f)}`} | ${f.pass === undefined ? '–' : f.pass ? 'PASS' : '**FAIL**'} | ${f.note ?? ''} |`,
    ),
    '',
    r.pass
      ? 'All targets met.'
      : `Not met: ${r.figures
          .filter((f) => f.pass === false)
          .map((f) => f.name)
          .join('; ')}.`,
    '',
  ];
  fs.writeFileSync(`${stem}.md`, lines.join('\n'));
  return { json: `${stem}.json`, md: `${stem}.md` };
}
