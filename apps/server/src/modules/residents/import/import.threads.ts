// The import's threads: checking and preparing rows (sealing, blind indexes, pinyin) is most of
// an import's work and needs no database, so a large file's slices are sent to a small pool of
// worker threads (one per core, at most 4) while the main thread keeps the database and answers
// requests. The pool starts with the first large import and stays (unref'd: it never keeps the
// process alive). A Keys not made from a key file, a small file, or a thread that fails falls
// back to the same work in the main thread (import.plan.ts checkSlice).
import os from 'node:os';
import { startThread, type StartedThread } from '../../../threads.ts';
import { keyFileOf, uuidv7, type KeyFile, type Keys } from '@wushe/db';
import type { SheetRow } from './import.parse.ts';
import { checkSlice, planInputOf, type CheckedRow, type PlanAgain, type PlanSpec } from './import.plan.ts';

export type ToThread =
  | { kind: 'setup'; job: string; spec: PlanSpec; keyFile: KeyFile }
  | { kind: 'end'; job: string }
  | { kind: 'rows'; job: string; id: number; rows: SheetRow[]; full: boolean };

type FromThread = { id: number; rows: CheckedRow[] } | { id: number; error: string };

interface Thread extends StartedThread {
  pending: Map<number, { resolve: (rows: CheckedRow[]) => void; reject: (e: Error) => void }>;
}

export const THREADS = Math.max(1, Math.min(4, os.availableParallelism()));

/** Slices planned in the pool and slices that fell back to the main thread (for tests and logs). */
export const threadStats = { inPool: 0, fellBack: 0 };

let pool: Thread[] | null = null;
let nextId = 0;

function newThread(): Thread {
  const pending: Thread['pending'] = new Map();
  const started = startThread<FromThread>(new URL('./import.thread.mjs', import.meta.url), 'import', {
    message: (m) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if ('error' in m) p?.reject(new Error(m.error));
      else p?.resolve(m.rows);
    },
    fail: (e) => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
      if (pool) pool = pool.filter((x) => x !== t); // a new one starts in its place at the next job
    },
  });
  const t: Thread = { ...started, pending };
  return t;
}

function threads(): Thread[] {
  pool ??= [];
  while (pool.length < THREADS) pool.push(newThread());
  return pool;
}

/** Starts the pool; resolves when every thread has loaded. */
export async function startThreads(): Promise<void> {
  await Promise.all(threads().map((t) => t.ready));
}

export interface SlicePlanner {
  /** Slices planned ahead of the one being written. */
  ahead: number;
  /** A slice checked and prepared: report entries, blind indexes and the texts to insert. */
  plan(slice: SheetRow[]): Promise<CheckedRow[]>;
  /** The same with the values kept, for rows found stored (classify compares them). */
  again: PlanAgain;
  end(): void;
}

/** Plans slices in the pool when `large` and the keys allow it, else in this thread. */
export function slicePlanner(spec: PlanSpec, keys: Keys, large: boolean): SlicePlanner {
  const local = planInputOf(spec, keys);
  const inThread = (slice: SheetRow[]) => checkSlice(local, slice);
  const keyFile = keyFileOf(keys);
  if (!large || !keyFile) return { ahead: 1, plan: inThread, again: inThread, end: () => undefined };
  const job = uuidv7();
  const setUp = new Set<Thread>();
  let turn = 0;
  const post = (t: Thread, m: ToThread) => t.worker.postMessage(m);
  const inPool = async (slice: SheetRow[], full: boolean): Promise<CheckedRow[]> => {
    // A slice waits for its thread to load (a second or so, once per process) rather than
    // being checked here: checking is the import's heaviest work, and here it would hold up
    // every request. Only a thread that fails sends its slice back to this thread.
    const pool = threads();
    const t = pool[turn++ % pool.length]!;
    try {
      await t.ready;
      if (!setUp.has(t)) post(t, { kind: 'setup', job, spec, keyFile });
      setUp.add(t);
      const id = nextId++;
      const done = new Promise<CheckedRow[]>((resolve, reject) => t.pending.set(id, { resolve, reject }));
      post(t, { kind: 'rows', job, id, rows: slice, full });
      const rows = await done;
      threadStats.inPool++;
      for (const [k, r] of rows.entries()) r.source = slice[k];
      return rows;
    } catch {
      threadStats.fellBack++;
      return inThread(slice);
    }
  };
  return {
    ahead: THREADS + 1,
    plan: (slice) => inPool(slice, false),
    again: (rows) => inPool(rows, true),
    end() {
      for (const t of setUp) post(t, { kind: 'end', job });
    },
  };
}
