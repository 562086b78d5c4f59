// The import on the job queue. The instance that takes a job takes its lease, beats a
// heartbeat while it works and reads the file from the database. A watchdog on the same queue
// gives the job of an instance that stopped beating (killed, frozen) to the queue again, or
// fails it with a clear message after the last attempt; a re-run is safe (valid-rows slices
// already committed come back as unchanged, all-or-nothing was rolled back).
import { translate } from '@wushe/core';
import { uuidv7, type Database } from '@wushe/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Services } from '../../../context.ts';
import { scopedDb } from '../../../context.ts';
import { AppError } from '../../../http/errors.ts';
import { INSTANCE, type JobDefinition, type JobQueue } from '../../../jobs/queue.ts';
import { IMPORT_QUEUE, readRows } from './import.job.ts';
import { failImport, HandedBack, live, runImport, type ImportCtx, type Lease } from './import.run.ts';
import { fileOf, heartbeat, holdLease, LeaseLost, reclaimStale, releaseLease, takeLease } from './import.lease.repo.ts';
import { detectKind } from './import.parse.ts';
import type { Outcome } from './import.plan.ts';
import { setProgress } from './import.repo.ts';

export const IMPORT_WATCHDOG = 'resident-import-watchdog';

/** The leases this process holds, by job id: the watchdog never takes a live process's own job. */
const held = new Map<string, Lease>();

const both = (key: 'import.interrupted', params?: Record<string, string | number>) =>
  `${translate('zh-CN', key, params)} / ${translate('en', key, params)}`;

/** Runs one queued import on this instance (nothing when it ended or another instance holds it). */
export async function runQueuedImport(services: Services, log: FastifyBaseLogger, importId: string, queueJobId: string) {
  const system = services.database;
  const lease: Lease = { token: uuidv7(), lost: false, handBack: false };
  const job = await system.run('', (db) => takeLease(db, importId, { token: lease.token, worker: INSTANCE, queueJobId }));
  if (!job) return;
  held.set(importId, lease);
  const beat = setInterval(
    () => {
      // All-or-nothing progress lives in memory until the commit; the heartbeat carries it.
      const processed = job.mode === 'all_or_nothing' ? (live.get(importId)?.processed ?? null) : null;
      system
        .run('', (db) => heartbeat(db, importId, lease.token, processed))
        .then((ok) => {
          if (!ok) lease.lost = true;
        })
        .catch((err: unknown) => log.warn({ err, job: importId }, 'import heartbeat failed'));
    },
    Math.max(500, (services.jobs.settings.staleSeconds * 1000) / 3),
  );
  const ctx: ImportCtx = {
    db: scopedDb(system, job.context.scope),
    scope: job.context.scope,
    lang: job.context.lang,
    ip: job.context.ip,
    log,
    now: new Date(),
    keys: services.keys,
    actor: { id: job.createdBy, username: job.context.username, area: { code: job.areaCode } },
    mayAssign: job.context.mayAssign === true,
  };
  try {
    const buf = await ctx.db.run((db) => fileOf(db, importId));
    const kind = buf ? detectKind(job.filename, buf) : null;
    if (!buf || !kind) throw new AppError(400, 'import.format');
    const rows = await readRows(ctx, kind, buf);
    await ctx.db.tx(async (db) => {
      await holdLease(db, importId, lease.token);
      await setProgress(db, importId, 'validating', 0, undefined, rows.data.length);
    });
    await runImport(ctx, importId, { filename: job.filename, mode: job.mode }, rows.data, rows.index, lease);
  } catch (e) {
    if (e instanceof LeaseLost) {
      log.warn({ job: importId }, 'import lease lost: another instance has the job');
    } else if (e instanceof HandedBack) {
      if (await system.run('', (db) => releaseLease(db, importId, lease.token))) await services.jobs.send(IMPORT_QUEUE, { importId });
      log.info({ job: importId }, 'import handed back to the queue at shutdown');
    } else {
      if (!(e instanceof AppError)) log.error({ err: e, job: importId }, 'import job failed');
      const message = e instanceof AppError ? translate(ctx.lang, e.code, e.params) : translate(ctx.lang, 'error.internal');
      const report = (e as { outcomes?: Outcome[] }).outcomes ?? null;
      await failImport(ctx, importId, lease.token, message, report).catch((err: unknown) => {
        if (!(err instanceof LeaseLost)) throw err;
      });
    }
  } finally {
    clearInterval(beat);
    held.delete(importId);
  }
}

/**
 * The watchdog: jobs whose heartbeat went stale go back to the queue (or fail after the last
 * attempt); the dead instance's queue job is cancelled. Returns what it did.
 */
export async function reclaimStaleImports(database: Database, jobs: JobQueue, log: FastifyBaseLogger) {
  const { staleSeconds, importAttempts } = jobs.settings;
  const reclaimed = await database.tx('', (db) =>
    reclaimStale(db, {
      staleSeconds,
      maxAttempts: importAttempts,
      running: [...held.keys()],
      error: both('import.interrupted', { attempts: importAttempts }),
    }),
  );
  for (const j of reclaimed) {
    if (j.queueJobId) await jobs.cancel(IMPORT_QUEUE, j.queueJobId).catch(() => undefined); // already ended: fine
    if (j.status === 'queued') await jobs.send(IMPORT_QUEUE, { importId: j.id });
    log.warn({ job: j.id, status: j.status }, 'import with a stale heartbeat reclaimed');
  }
  return reclaimed;
}

export function importJobs(services: Services): JobDefinition[] {
  const jobs = services.jobs;
  // Every instance asks, at shutdown, its running imports to give their job back.
  jobs.onStopping(() => held.forEach((l) => (l.handBack = true)));
  const every = Math.max(1, Math.round(jobs.settings.staleSeconds / 2));
  return [
    {
      name: IMPORT_QUEUE,
      // The lease and the watchdog decide retries; the queue's own expiry is only a backstop.
      queue: { retryLimit: 0, expireInHours: 23 },
      concurrency: 2,
      handler: (data: { importId: string }, job, log) => runQueuedImport(services, log, data.importId, job.id),
    },
    {
      name: IMPORT_WATCHDOG,
      // One waiting run at a time ('short'): each run queues the next, the cron restarts the chain.
      cron: '* * * * *',
      sendOnStart: true,
      queue: { policy: 'short', retryLimit: 1, expireInSeconds: 300 },
      handler: async (_data, _job, log) => {
        await jobs.sendAfter(IMPORT_WATCHDOG, {}, every);
        await reclaimStaleImports(services.database, jobs, log);
      },
    },
  ] as JobDefinition[];
}
