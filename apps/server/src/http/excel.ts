// Excel out: every list can be exported with the filters applied. Workbooks are streamed: rows
// are read page by page and prepared here, taking background turns (@wushe/db turns.ts), and
// the export thread (excel.threads.ts) turns them into .xlsx bytes that go straight into the
// reply. A 50,000-row export neither holds the whole workbook in memory nor keeps other
// requests waiting, and the workbook's garbage is not collected on the thread that answers them. Every sheet opens with a stamp
// row (who exported it, when and for what purpose) above the column headers, repeated on every
// printed page.
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { formatShanghai, translate, type Lang } from '@wushe/core';
import { backgroundTurn } from '@wushe/db';
import type { FastifyReply } from 'fastify';
import { openThreadWorkbook, type Cell, type ThreadWorkbook } from './excel.threads.ts';

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null;
  width?: number;
}

/** Rows in pages: an array (paged here) or pages read one at a time from the database. */
export type RowSource<T> = T[] | AsyncIterable<T[]>;

/** Raw rows (as read) and how one becomes the row the columns read (unsealing, labels): done per row as it is written. */
export interface Prepared<R, T> {
  rows: RowSource<R>;
  prepare: (raw: R) => T;
}

/** The most rows one export returns; a list page is capped far lower. */
export const EXPORT_LIMIT = 50_000;

/** Rows read from the database at a time. */
export const EXPORT_PAGE = 200;

/**
 * A list read for an export through its own paged service (`find` with page and pageSize; the
 * list caps a page at 100), a page at a time until a short page or EXPORT_LIMIT rows.
 */
export async function* listPages<T>(find: (page: number, pageSize: number) => Promise<{ items: T[] }>, pageSize = 100): AsyncIterable<T[]> {
  for (let page = 1; (page - 1) * pageSize < EXPORT_LIMIT; page++) {
    const { items } = await find(page, pageSize);
    yield items;
    if (items.length < pageSize) return;
  }
}

async function* pagesOf<T>(source: RowSource<T>): AsyncIterable<T[]> {
  if (!Array.isArray(source)) return yield* source;
  for (let i = 0; i < source.length || i === 0; i += EXPORT_PAGE) yield source.slice(i, i + EXPORT_PAGE);
}

/** What the stamp row says besides the sheet: the purpose given for the export, if any. */
export interface ExportOptions {
  purpose?: string | null;
}

/** Who, when, what for: "导出人：江头社工（jiangtou.sw）　导出时间：2026-05-01 10:20（北京时间）　用途：…". */
export function exportStamp(
  lang: Lang,
  who: { displayName: string; username: string } | null,
  at: Date,
  purpose: string | null | undefined,
): string {
  return translate(lang, 'export.stamp', {
    who: who ? translate(lang, 'export.stamp.who', { name: who.displayName, username: who.username }) : '—',
    at: formatShanghai(at),
    purpose: purpose?.trim() || translate(lang, 'export.stamp.noPurpose'),
  });
}

/** Prepares each page's rows here (unsealing, labels: a turn at a time) and has the thread write them, one page ahead. */
async function pump<R, T>(
  out: PassThrough,
  wb: ThreadWorkbook,
  columns: Column<T>[],
  prepare: (raw: R) => T,
  pages: AsyncIterator<R[]>,
  first: R[],
) {
  let page: R[] | undefined = first;
  let writing: Promise<void> = Promise.resolve();
  while (page) {
    const cells: Cell[][] = [];
    for (const raw of page) {
      const r = prepare(raw);
      cells.push(columns.map((c) => c.value(r)));
      await backgroundTurn();
    }
    await writing;
    // Backpressure: a slow download pauses the rows instead of piling the file up in memory.
    if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]).catch(() => undefined);
    if (out.destroyed) return wb.abort();
    writing = wb.rows(cells);
    const next: IteratorResult<R[]> = await pages.next();
    page = next.done ? undefined : next.value;
  }
  await writing;
  await wb.close();
  out.end();
}

/**
 * Sends an .xlsx built from `rows`. The first page is read before the answer starts, so a
 * failure there is still a proper problem answer; a later failure cuts the download short.
 */
export async function sendXlsx<T, R = T>(
  reply: FastifyReply,
  filename: string,
  sheet: string,
  columns: Column<T>[],
  source: RowSource<T> | Prepared<R, T>,
  options: ExportOptions = {},
) {
  const { rows, prepare } =
    Array.isArray(source) || Symbol.asyncIterator in source
      ? { rows: source as RowSource<R>, prepare: (r: R) => r as unknown as T }
      : (source as Prepared<R, T>);
  const pages = pagesOf(rows)[Symbol.asyncIterator]();
  const first = await pages.next();
  const ctx = reply.request.ctx;
  const stamp = exportStamp(ctx?.lang ?? 'zh-CN', ctx?.actor ?? null, ctx?.now ?? new Date(), options.purpose);
  const out = new PassThrough();
  const head = { sheet, stamp, widths: columns.map((c) => c.width ?? 18), headers: columns.map((c) => c.header) };
  const wb = await openThreadWorkbook(head, (bytes) => out.write(bytes));
  out.once('close', () => wb.abort());
  pump(out, wb, columns, prepare, pages, first.done ? [] : first.value).catch((e: unknown) => {
    reply.log.error({ err: e }, 'export failed while streaming');
    wb.abort();
    out.destroy(e as Error);
  });
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(out);
}
