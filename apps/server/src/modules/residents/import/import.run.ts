// Running an import job under its lease (import.worker.ts takes the lease and calls runImport):
// the file's rows in slices, each checked and sealed ahead (in the import threads for a large
// file) while the database writes the one before; valid rows commit slice by slice, all or
// nothing in one transaction. Progress is kept in `live` for the job's status.
import { shanghaiToday, stationPrefix, translate } from '@wushe/core';
import type { Db } from '@wushe/db';
import { appendAudit, byActor } from '../../../audit/audit.ts';
import type { Ctx } from '../../../context.ts';
import type { ColumnKey } from './import.columns.ts';
import type { ImportRequest } from './import.job.ts';
import { endLease, holdLease, LeaseLost } from './import.lease.repo.ts';
import type { SheetRow } from './import.parse.ts';
import { classify, dedupe, type CheckedRow, type Outcome, type PlanSpec } from './import.plan.ts';
import { slicePlanner, type SlicePlanner } from './import.threads.ts';
import { cell } from './import.rows.ts';
import { areaLevels, codeEntries, countOutcomes, finishJob, insertAccepted, setProgress, updateBatch, type Counts } from './import.repo.ts';
import { loadVisitIntervals } from '../../settings/settings.repo.ts';
import { workersByUsername } from '../residents.assign.repo.ts';

/** Rows per slice: checked, classified and written together (one transaction each in valid_rows). */
export const SLICE = 1000;

/** Progress of the jobs this process is running (an all-or-nothing job's rows are not committed yet). */
export const live = new Map<string, { processed: number; counts: Counts }>();

class NothingImported extends Error {}

/** Shutdown asked the running job to give its lease back at the next slice. */
export class HandedBack extends Error {}

/** What the worker runs an import as: the uploader's identity, scope and language. */
export type ImportCtx = Pick<Ctx, 'db' | 'scope' | 'lang' | 'ip' | 'log' | 'now' | 'keys'> & {
  actor: { id: string; username: string; area: { code: string } };
  /** The uploader held resident.assign when uploading. */
  mayAssign: boolean;
};

/** The running attempt's hold on the job: `lost` once a heartbeat found it gone, `handBack` on shutdown. */
export interface Lease {
  token: string;
  lost: boolean;
  handBack: boolean;
}

/**
 * Imports the rows under the lease: every transaction that writes first checks (and locks)
 * the lease, so a worker that lost it commits nothing more. Ends the job as done.
 */
export async function runImport(
  ctx: ImportCtx,
  id: string,
  q: ImportRequest,
  data: SheetRow[],
  index: Partial<Record<ColumnKey, number>>,
  lease: Lease,
): Promise<void> {
  const outcomes: Outcome[] = [];
  let planner: SlicePlanner | undefined;
  live.set(id, { processed: 0, counts: countOutcomes([]) });
  try {
    const areaCodes = [...new Set(data.map((r) => cell(r, { index }, 'areaCode')))];
    const usernames = [...new Set(data.map((r) => cell(r, { index }, 'worker')).filter(Boolean))];
    const { codes, areas, intervals, workers } = await ctx.db.run(async (db) => ({
      codes: await codeEntries(db),
      areas: await areaLevels(db, ctx.scope, areaCodes),
      intervals: await loadVisitIntervals(db),
      workers: await workersByUsername(db, ctx.scope, usernames), // issue 8: the worker column
    }));
    const spec: PlanSpec = {
      index,
      categories: codes.resident_category ?? [],
      assistance: codes.assistance_status ?? [],
      areas: [...areas],
      lang: ctx.lang,
      workers: workers.map((w): [string, { id: string; station: string }] => [
        w.username.toLowerCase(),
        { id: w.id, station: stationPrefix(w.areaCode) },
      ]),
      onlyWorker: ctx.mayAssign ? undefined : ctx.actor.id,
      today: shanghaiToday(ctx.now),
      intervals,
      createdBy: ctx.actor.id,
    };
    const reason = `${translate(ctx.lang, 'import.careLevelReason')}：${q.filename}`;
    const writer = { ...ctx, jobId: id, areaCode: ctx.actor.area.code };
    const seen = new Map<string, number>();
    const slices: SheetRow[][] = [];
    for (let i = 0; i < data.length; i += SLICE) slices.push(data.slice(i, i + SLICE));
    let anyBad = false;
    let processed = 0;
    // Slices ahead of the one being written are checked and sealed (in the import threads for a
    // large file) while the database writes this one.
    const plans = (planner = slicePlanner(spec, ctx.keys, slices.length > 1));
    const writeSlices = async (db: Db | null) => {
      const inFlight: Promise<CheckedRow[]>[] = [];
      let sent = 0;
      const topUp = () => {
        while (sent < slices.length && inFlight.length < plans.ahead) {
          const next = plans.plan(slices[sent++]!);
          next.catch(() => undefined); // awaited in its turn; if a write fails first, nobody will
          inFlight.push(next);
        }
      };
      for (let k = 0; k < slices.length; k++) {
        topUp();
        const { planned, candidates } = dedupe(await inFlight.shift()!, seen);
        topUp();
        if (lease.lost) throw new LeaseLost(id);
        if (lease.handBack) throw new HandedBack();
        const work = async (d: Db) => {
          const refused = () => planned.some((p) => p.outcome.status === 'rejected');
          if (q.mode === 'valid_rows') await holdLease(d, id, lease.token);
          await classify(d, ctx.keys, candidates, plans.again);
          anyBad ||= refused();
          if (q.mode === 'valid_rows' || !anyBad) {
            await insertAccepted(
              d,
              writer,
              planned.filter((p) => p.outcome.status === 'accepted'),
            );
            await updateBatch(
              d,
              ctx,
              planned.filter((p) => p.outcome.status === 'updated'),
              reason,
            );
            anyBad ||= refused(); // the insert refuses an ID number taken elsewhere
          }
          outcomes.push(...planned.map((p) => p.outcome));
          processed += planned.length;
          const progress = { processed, counts: countOutcomes(outcomes) };
          live.set(id, progress);
          if (q.mode === 'valid_rows') await setProgress(d, id, 'importing', processed, progress.counts);
        };
        if (db) await work(db);
        else await ctx.db.tx(work);
      }
    };
    let error: string | null = null;
    if (q.mode === 'valid_rows') await writeSlices(null);
    else {
      // One transaction for the whole file, rolled back when any row is refused or the lease is gone.
      await ctx.db
        .tx(async (db) => {
          await writeSlices(db);
          if (anyBad) throw new NothingImported();
          await holdLease(db, id, lease.token);
        })
        .catch((e: unknown) => {
          if (!(e instanceof NothingImported)) throw e;
          for (const o of outcomes) if (o.status !== 'rejected') o.notImported = true;
          error = translate(ctx.lang, 'import.nothingImported');
        });
    }
    const counts = countOutcomes(outcomes);
    await ctx.db.tx(async (db) => {
      await holdLease(db, id, lease.token);
      await finishJob(db, id, { status: 'done', processed: data.length, counts, report: outcomes, error });
      await endLease(db, id);
      await appendAudit(
        db,
        byActor(ctx, {
          action: 'resident.import',
          targetType: 'import_job',
          targetId: id,
          areaCode: ctx.actor.area.code,
          after: { filename: q.filename, mode: q.mode, totalRows: data.length, ...counts, imported: error === null },
        }),
      );
    });
  } catch (e) {
    // The report of what was written before the failure goes with it.
    if (e instanceof Error) Object.assign(e, { outcomes });
    throw e;
  } finally {
    planner?.end();
    live.delete(id);
  }
}

/** Fails the job under its lease with `error` (a lost lease leaves it to its new holder). */
export async function failImport(ctx: Pick<ImportCtx, 'db'>, id: string, token: string, error: string, report: Outcome[] | null) {
  await ctx.db.tx(async (db) => {
    await holdLease(db, id, token);
    await finishJob(db, id, { status: 'failed', processed: 0, counts: countOutcomes([]), report: report?.length ? report : null, error });
    await endLease(db, id);
  });
}
