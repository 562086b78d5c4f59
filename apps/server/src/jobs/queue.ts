// The job queue every instance shares: pg-boss 10 on the application's own database (its
// tables in the `pgboss` schema). On PostgreSQL it keeps a small pool of its own as the
// database owner; on PGlite its statements take turns on the one connection like everything
// else. Work and schedules are defined in jobs/registry.ts.
import os from 'node:os';
import type { Database } from '@wushe/db';
import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import { oneInstanceAtATime } from '../installation.repo.ts';

export interface JobSettings {
  /** A running job whose heartbeat is older than this is taken as dead (its process is gone). */
  staleSeconds: number;
  /** Tries of one import (the first run and its retries) before it is failed. */
  importAttempts: number;
  /** On shutdown, how long running jobs may go on before they are handed back to the queue. */
  shutdownGraceSeconds: number;
}

export const DEFAULT_JOB_SETTINGS: JobSettings = { staleSeconds: 30, importAttempts: 3, shutdownGraceSeconds: 10 };

export interface JobDefinition<T extends object = object> {
  name: string;
  /** Runs once per tick across instances (cron in UTC: pg-boss's schedule). */
  cron?: string;
  /** pg-boss queue options (policy, expiry, retries). */
  queue?: Omit<PgBoss.Queue, 'name'>;
  /** How many of these one instance runs at once. */
  concurrency?: number;
  pollingSeconds?: number;
  /** Queue one run when an instance starts (a chain that re-queues itself). */
  sendOnStart?: boolean;
  handler(data: T, job: { id: string }, log: FastifyBaseLogger): Promise<void>;
}

export interface JobQueueOptions {
  database: Database;
  /** PostgreSQL URL: pg-boss opens its own pool; without it the statements go through `database`. */
  url?: string;
  settings: JobSettings;
}

/** This process among the instances (host:pid), recorded on the jobs it runs. */
export const INSTANCE = `${os.hostname()}:${process.pid}`;

export class JobQueue {
  readonly settings: JobSettings;
  private readonly boss: PgBoss;
  private readonly definitions = new Map<string, JobDefinition>();
  private readonly workers = new Map<string, string[]>();
  private readonly stopHooks: (() => void)[] = [];
  private state: 'new' | 'started' | 'stopped' = 'new';

  constructor(private readonly opts: JobQueueOptions) {
    this.settings = opts.settings;
    const database = opts.database;
    this.boss = new PgBoss({
      ...(opts.url
        ? { connectionString: opts.url, max: 3, application_name: 'wushe-jobs' }
        : { db: { executeSql: (text: string, values: unknown[]) => database.ownerSql(text, values) } }),
      schema: 'pgboss',
      // Maintenance (expiry, archive) every few minutes; state counts are not used.
      maintenanceIntervalSeconds: 120,
      monitorStateIntervalSeconds: 600,
    });
  }

  define<T extends object>(def: JobDefinition<T>): void {
    this.definitions.set(def.name, def as unknown as JobDefinition);
  }

  /** Called when shutting down after the grace period: long work hands its job back. */
  onStopping(hook: () => void): void {
    this.stopHooks.push(hook);
  }

  async start(log: FastifyBaseLogger): Promise<void> {
    if (this.state !== 'new') return;
    this.state = 'started';
    this.boss.on('error', (err) => log.error({ err }, 'job queue error'));
    await this.boss.start();
    // pg-boss 10 deadlocks when two instances create the same queues at once.
    await oneInstanceAtATime(this.opts.database, async () => {
      for (const def of this.definitions.values()) {
        if (!(await this.boss.getQueue(def.name))) await this.boss.createQueue(def.name, { name: def.name, ...def.queue });
      }
    });
    for (const def of this.definitions.values()) {
      const ids: string[] = [];
      for (let i = 0; i < (def.concurrency ?? 1); i++) {
        ids.push(
          await this.boss.work<object>(def.name, { pollingIntervalSeconds: def.pollingSeconds ?? 2, batchSize: 1 }, async ([job]) => {
            if (job) await def.handler(job.data, job, log);
          }),
        );
      }
      this.workers.set(def.name, ids);
      if (def.cron) await this.boss.schedule(def.name, def.cron, {}, { tz: 'UTC' });
      if (def.sendOnStart) await this.boss.send(def.name, {});
    }
  }

  /** Queues a job; this instance's idle workers look at once instead of at their next poll. */
  async send(name: string, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
    const id = await this.boss.send(name, data, options);
    for (const w of this.workers.get(name) ?? []) this.boss.notifyWorker(w);
    return id;
  }

  /** Queues a job to start in `seconds` (a no-op when the queue's policy already holds one). */
  sendAfter(name: string, data: object, seconds: number): Promise<string | null> {
    return this.boss.sendAfter(name, data, {}, seconds);
  }

  /** Takes a job out of the queue (e.g. the job of a dead instance, whose work is re-queued). */
  cancel(name: string, id: string): Promise<void> {
    return this.boss.cancel(name, id);
  }

  /** Stops taking jobs; running ones get the grace period, then are asked to hand back. */
  async stop(): Promise<void> {
    if (this.state !== 'started') {
      this.state = 'stopped';
      return;
    }
    this.state = 'stopped';
    const grace = this.settings.shutdownGraceSeconds * 1000;
    const timer = setTimeout(() => this.stopHooks.forEach((h) => h()), grace);
    try {
      await this.boss.stop({ graceful: true, wait: true, close: true, timeout: grace + 60_000 });
    } finally {
      clearTimeout(timer);
    }
  }
}
