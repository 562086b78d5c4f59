// Background turns for long in-process work (exports, import passes, bulk copies). Node runs
// every request on one thread: a loop that keeps it for 50 ms makes each other request wait
// 50 ms at each of its own steps (hooks, a database round trip, the reply), and several such
// loops add up. So long loops ask `await backgroundTurn()` at each item and share one small slice of each
// event-loop turn: when the slice is spent, the loop waits for a later turn, one waiting loop
// is woken per turn (in order, so each gets its share), and requests in between go first.
import fs from 'node:fs';
import os from 'node:os';
import { setImmediate } from 'node:timers';

/** Background milliseconds per event-loop turn, shared by every long loop. */
const SLICE_MS = 2;

let sliceStart = -Infinity;
let scheduled = false;
const waiting: (() => void)[] = [];

function wakeNext() {
  scheduled = false;
  const next = waiting.shift();
  if (!next) return;
  sliceStart = performance.now();
  next();
  if (waiting.length) schedule();
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  setImmediate(wakeNext);
}

/**
 * `await backgroundTurn()` between the items of a long loop: waits for a later event-loop turn
 * when this turn's background slice is spent, otherwise goes on at once (no promise).
 */
export function backgroundTurn(): Promise<void> | undefined {
  if (performance.now() - sliceStart < SLICE_MS) return undefined;
  sliceStart = -Infinity; // spent: whoever asks next this turn waits too
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    schedule();
  });
}

/**
 * Called first thing in a background thread (import checks, export workbooks): lowers that
 * thread's CPU priority (nice 10), so when the cores are busy the request thread and the
 * database get them first, and the background work still takes every idle cycle. Linux names
 * the calling thread in /proc/thread-self, and setpriority() on a thread id affects that thread
 * only; elsewhere this does nothing.
 */
export function lowerThreadPriority(nice = 10): boolean {
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (!tid) return false;
    os.setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
