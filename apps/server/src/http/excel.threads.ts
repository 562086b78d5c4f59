// The export thread's side in the main thread (excel.thread.ts does the writing). One thread,
// started with the first export and kept (unref'd: it never keeps the process alive): on two
// cores the main thread's share of an export (reading pages, unsealing, labels) is about as
// large as the thread's, so a second thread would only compete with the requests being answered.
import { startThread, type StartedThread } from '../threads.ts';

export type Cell = string | number | null;

export interface WorkbookHead {
  sheet: string;
  /** The stamp row above the headers (who, when, what for). */
  stamp: string;
  widths: number[];
  headers: string[];
}

export type ToExportThread =
  | ({ kind: 'open'; id: number } & WorkbookHead)
  /** A page of rows as JSON text: one string crosses to the thread faster than 500 cloned arrays. */
  | { kind: 'rows'; id: number; seq: number; rows: string }
  | { kind: 'close'; id: number }
  | { kind: 'abort'; id: number };

export type FromExportThread =
  | { kind: 'chunk'; id: number; data: Uint8Array }
  | { kind: 'written'; id: number; seq: number }
  | { kind: 'done'; id: number }
  | { kind: 'error'; id: number; message: string };

interface Listener {
  chunk(data: Uint8Array): void;
  written(seq: number): void;
  done(): void;
  fail(e: Error): void;
}

interface Thread extends StartedThread {
  exports: Map<number, Listener>;
}

let thread: Thread | null = null;
let nextId = 1;

function newThread(): Thread {
  const exports = new Map<number, Listener>();
  const started = startThread<FromExportThread>(new URL('./excel.thread.mjs', import.meta.url), 'export', {
    message: (m) => {
      const l = exports.get(m.id);
      if (!l) return;
      if (m.kind === 'chunk') l.chunk(m.data);
      else if (m.kind === 'written') l.written(m.seq);
      else if (m.kind === 'done') l.done();
      else l.fail(new Error(m.message));
    },
    fail: (e) => {
      for (const l of exports.values()) l.fail(e);
      exports.clear();
      if (thread?.worker === started.worker) thread = null; // a new one starts with the next export
    },
  });
  return { ...started, exports };
}

export interface ThreadWorkbook {
  /** Sends a page of rows; resolves once the thread has written them. */
  rows(rows: Cell[][]): Promise<void>;
  /** Finishes the file; resolves after its last byte has reached `onChunk`. */
  close(): Promise<void>;
  /** Drops the file (the download was cut short). */
  abort(): void;
}

/** Opens a workbook in the export thread; its bytes go to `onChunk` as they are made. Rejects if the thread cannot start. */
export async function openThreadWorkbook(head: WorkbookHead, onChunk: (bytes: Buffer) => void): Promise<ThreadWorkbook> {
  thread ??= newThread();
  const t = thread;
  await t.ready;
  const id = nextId++;
  const waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  let finished: { resolve: () => void; reject: (e: Error) => void } | undefined;
  let failure: Error | undefined;
  let seq = 0;
  t.exports.set(id, {
    chunk: (data) => onChunk(Buffer.from(data.buffer, data.byteOffset, data.byteLength)),
    written: (n) => {
      waiting.get(n)?.resolve();
      waiting.delete(n);
    },
    done: () => {
      t.exports.delete(id);
      finished?.resolve();
    },
    fail: (e) => {
      failure = e;
      t.exports.delete(id);
      for (const w of waiting.values()) w.reject(e);
      waiting.clear();
      finished?.reject(e);
    },
  });
  const post = (m: ToExportThread) => t.worker.postMessage(m);
  post({ kind: 'open', id, ...head });
  return {
    rows(rows) {
      if (failure) return Promise.reject(failure);
      const n = seq++;
      const written = new Promise<void>((resolve, reject) => waiting.set(n, { resolve, reject }));
      post({ kind: 'rows', id, seq: n, rows: JSON.stringify(rows) });
      return written;
    },
    close() {
      if (failure) return Promise.reject(failure);
      const done = new Promise<void>((resolve, reject) => (finished = { resolve, reject }));
      post({ kind: 'close', id });
      return done;
    },
    abort() {
      t.exports.delete(id);
      post({ kind: 'abort', id });
    },
  };
}

/** Stops the export thread (an export still running fails with a clear error); the next export starts a new one. */
export async function stopExportThread(): Promise<void> {
  const t = thread;
  thread = null;
  await t?.worker.terminate();
}
