// The export thread: turns rows of cell values into .xlsx bytes (exceljs' streaming writer) for
// the main thread, which reads the database, prepares the rows and sends the bytes on. Building
// the workbook is most of an export's work and most of its garbage; here neither lands on the
// thread that answers requests. Several workbooks can be open at once, one per export.
import { Writable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { threadReady } from '../threads.ts';
import type { Cell, FromExportThread, ToExportThread } from './excel.threads.ts';

interface Open {
  wb: ExcelJS.stream.xlsx.WorkbookWriter;
  ws: ExcelJS.Worksheet;
}

const open = new Map<number, Open>();
const post = (m: FromExportThread, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);

function start(id: number, sheet: string, stamp: string, widths: number[], headers: string[]): Open {
  // Each chunk the zip writer emits goes to the main thread as it comes (copied out of Node's
  // shared buffer pool, then moved, not cloned).
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      const data = new Uint8Array(chunk);
      post({ kind: 'chunk', id, data }, [data.buffer]);
      done();
    },
  });
  // No cell styles: exceljs hashes a style model for every cell when styles are on (measured:
  // the largest single cost of a 50,000-row export). Widths and frozen rows need none.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet(sheet, {
    views: [{ state: 'frozen', ySplit: 2 }],
    // A printout carries the stamp and the headers on every page.
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' },
  });
  ws.columns = widths.map((width) => ({ width }));
  ws.addRow([stamp]).commit();
  ws.addRow(headers).commit();
  return { wb, ws };
}

async function handle(m: ToExportThread) {
  if (m.kind === 'open') return void open.set(m.id, start(m.id, m.sheet, m.stamp, m.widths, m.headers));
  const x = open.get(m.id);
  if (!x) return; // aborted
  if (m.kind === 'abort') return void open.delete(m.id);
  if (m.kind === 'rows') {
    for (const row of JSON.parse(m.rows) as Cell[][]) x.ws.addRow(row).commit();
    return post({ kind: 'written', id: m.id, seq: m.seq });
  }
  open.delete(m.id);
  x.ws.commit();
  await x.wb.commit();
  post({ kind: 'done', id: m.id });
}

parentPort!.on('message', (m: ToExportThread) => {
  handle(m).catch((e: unknown) => {
    open.delete(m.id);
    post({ kind: 'error', id: m.id, message: e instanceof Error ? e.message : String(e) });
  });
});
threadReady();
