// CPU time per request, split by process: the server, its PostgreSQL backends and the load
// generator. Read from /proc (Linux), so other work on the machine does not blur it the way
// it blurs requests per second.
import fs from 'node:fs';
import pg from 'pg';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function cpuMsOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

export interface CpuSample {
  server: number;
  postgres: number;
  loadGenerator: number;
}

export interface CpuPerRequest {
  serverMs: number;
  postgresMs: number;
  loadGeneratorMs: number;
}

/** Samples the server process, the backends connected to the bench database and this process. */
export function cpuProbe(serverPid: number, dbUrl: string) {
  const backends = async (): Promise<number[]> => {
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    try {
      const r = await c.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      return r.rows.map((x) => x.pid);
    } finally {
      await c.end();
    }
  };
  const sample = async (): Promise<CpuSample> => {
    const pids = await backends();
    const own = process.cpuUsage();
    return {
      server: cpuMsOf(serverPid),
      postgres: pids.reduce((s, p) => s + cpuMsOf(p), 0),
      loadGenerator: (own.user + own.system) / 1000,
    };
  };
  return {
    sample,
    /** Per request between two samples (backends that came or went in between are missed). */
    perRequest(a: CpuSample, b: CpuSample, requests: number): CpuPerRequest {
      const per = (x: number) => Math.round((x / Math.max(requests, 1)) * 1000) / 1000;
      return {
        serverMs: per(b.server - a.server),
        postgresMs: per(b.postgres - a.postgres),
        loadGeneratorMs: per(b.loadGenerator - a.loadGenerator),
      };
    },
  };
}

/** Milliseconds of CPU the process `pid` has used (its threads included); 0 when gone. */
export const processCpuMs = cpuMsOf;

/** Busy and idle CPU milliseconds of the whole machine (all cores) since boot, from /proc/stat. */
export function machineCpuMs(): { busy: number; idle: number } {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  const idle = (f[3] ?? 0) + (f[4] ?? 0); // idle + iowait
  const all = f.slice(0, 8).reduce((s, x) => s + x, 0);
  return { busy: ((all - idle) * 1000) / TICKS_PER_SECOND, idle: (idle * 1000) / TICKS_PER_SECOND };
}
