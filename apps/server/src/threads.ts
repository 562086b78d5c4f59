// Background threads (the import's checks, the export workbook): each entry file registers tsx
// and loads its TypeScript, then calls threadReady(). The main side starts one with
// startThread(): unref'd (it never keeps the process alive), `ready` once loaded, and `fail`
// called on an error or an exit, after which the caller starts a new one when next needed.
import { parentPort, Worker } from 'node:worker_threads';
import { lowerThreadPriority } from '@wushe/db';

const READY = 'wushe:thread-ready';

export interface StartedThread {
  worker: Worker;
  /** Resolves once the thread has loaded its sources (a second or so); rejects if it fails first. */
  ready: Promise<void>;
}

export function startThread<M>(entry: URL, name: string, on: { message(m: M): void; fail(e: Error): void }): StartedThread {
  const worker = new Worker(entry);
  worker.unref();
  let loaded = () => {};
  let broken = (_e: Error) => {};
  const ready = new Promise<void>((resolve, reject) => ((loaded = resolve), (broken = reject)));
  ready.catch(() => undefined);
  worker.on('message', (m: M | typeof READY) => (m === READY ? loaded() : on.message(m as M)));
  const fail = (e: Error) => {
    broken(e);
    on.fail(e);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`${name} thread exited (${code})`)));
  return { worker, ready };
}

/** In the thread, once loaded: background priority (turns.ts), then tells the main side it is ready. */
export function threadReady(): void {
  lowerThreadPriority();
  parentPort!.postMessage(READY);
}
