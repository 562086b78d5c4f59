// Folding marked people into the people-served rollup (migration 0030): every minute, one run at
// a time across instances, in batches of people, each batch one transaction (its marks taken and
// its rows rewritten together, so a reader sees a person either marked or folded, never
// neither). The outputs are exact meanwhile: marked people are counted live. A run stops after
// its time budget and the next minute's run goes on (a bulk load marks hundreds of thousands).
import type { Database } from '@wushe/db';
import type { FastifyBaseLogger } from 'fastify';
import type { JobDefinition } from '../../jobs/queue.ts';
import { markedCount, refold, takeMarked } from './outputs-people.repo.ts';

const BATCH = 5000;
const BUDGET_MS = 50_000;

export interface FoldResult {
  people: number;
  rows: number;
  /** Nothing marked was left when the run stopped. */
  done: boolean;
}

/** Folds marked people in until none is left or the budget is spent (system scope). */
export async function foldMarkedPeople(database: Database, budgetMs = BUDGET_MS, batch = BATCH): Promise<FoldResult> {
  const start = Date.now();
  const total: FoldResult = { people: 0, rows: 0, done: false };
  for (;;) {
    const { people, rows } = await database.tx('', async (db) => {
      const keys = await takeMarked(db, batch);
      return { people: keys.length, rows: await refold(db, keys) };
    });
    total.people += people;
    total.rows += rows;
    if (people < batch) return { ...total, done: true };
    if (Date.now() - start > budgetMs) return total;
  }
}

/** People still marked (waiting for the job). */
export const peopleToFold = (database: Database) => database.run('', (db) => markedCount(db));

export const OUTPUTS_PEOPLE_FOLD = 'outputs-people-fold';

export function outputsJobs(database: Database): JobDefinition[] {
  return [
    {
      name: OUTPUTS_PEOPLE_FOLD,
      cron: '* * * * *',
      sendOnStart: true,
      // A run stops after its 50 s budget; one cut off by a dead instance blocks the next for 3 minutes at most.
      queue: { policy: 'stately', retryLimit: 2, retryDelay: 30, expireInSeconds: 180 },
      pollingSeconds: 15,
      handler: async (_data, _job, log: FastifyBaseLogger) => {
        const done = await foldMarkedPeople(database);
        if (done.people) log.info(done, 'people-served rollup: marked people folded in');
      },
    },
  ];
}
