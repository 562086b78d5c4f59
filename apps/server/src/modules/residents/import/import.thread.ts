// An import thread: checks and prepares slices of a file (checkAndPrepare: zod checks, AES-GCM
// seals, HMAC blind indexes, pinyin initials, the record and audit texts) for the main thread,
// which keeps the database.
// It computes only: no database, no state but each running job's PlanInput.
import { parentPort } from 'node:worker_threads';
import { keysFrom } from '@wushe/db';
import { threadReady } from '../../../threads.ts';
import { checkAndPrepare, planInputOf, type PlanInput } from './import.plan.ts';
import type { ToThread } from './import.threads.ts';

const jobs = new Map<string, PlanInput>();

threadReady();
parentPort!.on('message', (m: ToThread) => {
  if (m.kind === 'setup') jobs.set(m.job, planInputOf(m.spec, keysFrom(m.keyFile)));
  else if (m.kind === 'end') jobs.delete(m.job);
  else {
    try {
      const plan = jobs.get(m.job);
      if (!plan) throw new Error(`import thread: job ${m.job} was not set up`);
      parentPort!.postMessage({ id: m.id, rows: m.rows.map((r) => checkAndPrepare(plan, r, m.full)) });
    } catch (e) {
      parentPort!.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
    }
  }
});
