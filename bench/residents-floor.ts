// The floor the CSV import is compared with: the same rows already in stored form (checked by
// the import's own checkRow, prepared by the real prepareResident: sealed, masked, blind
// indexes, pinyin initials, name grams, first due date), COPYed into `residents` with all its
// indexes, as the application role under RLS. COPY is refused on a table under RLS, so, as the
// import does, they are COPYed into a temporary table and moved over with one INSERT … SELECT.
// Preparing the rows and encoding them as COPY text is not timed; the timed part is one
// transaction: SET ROLE wushe_app and the scope, CREATE TEMP TABLE, COPY … FROM STDIN of the
// text, INSERT INTO residents … SELECT, COMMIT. No care-level records, no audit, no report.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DEFAULT_VISIT_INTERVALS, shanghaiToday } from '@wushe/core';
import { copyLines, keysFrom, prepareResident, uuidv7, type CopyValue, type generateKeyFile } from '@wushe/db';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { codeLookup, IMPORT_COLUMNS, type CodeEntry } from '../apps/server/src/modules/residents/import/import.columns.ts';
import { checkRow, type Lookups } from '../apps/server/src/modules/residents/import/import.rows.ts';
import { RESIDENT_COLUMNS } from '../apps/server/src/modules/residents/residents.write.repo.ts';

/** The rows in the stored form, as COPY text, and their ID blind indexes. */
async function prepare(c: pg.Client, keyFile: ReturnType<typeof generateKeyFile>, rows: string[][], createdBy: string) {
  const codes = (
    await c.query<CodeEntry & { list: string }>(
      `SELECT list, code, label_zh AS "labelZh", label_en AS "labelEn" FROM code_lists WHERE active`,
    )
  ).rows;
  const communities = [...new Set(rows.map((r) => r[IMPORT_COLUMNS.findIndex((x) => x.key === 'areaCode')]!))];
  const areas = (await c.query<{ code: string; level: string }>(`SELECT code, level FROM areas WHERE code = ANY($1)`, [communities])).rows;
  const lookups: Lookups = {
    index: Object.fromEntries(IMPORT_COLUMNS.map((col, i) => [col.key, i])),
    category: codeLookup(codes.filter((e) => e.list === 'resident_category')),
    assistance: codeLookup(codes.filter((e) => e.list === 'assistance_status')),
    areas: new Map(areas.map((a) => [a.code, a.level])),
    lang: 'zh-CN',
  };
  const keys = keysFrom(keyFile);
  const today = shanghaiToday(new Date());
  let columns: string[] = [];
  const hashes: string[] = [];
  const copied: CopyValue[][] = [];
  for (const [i, cells] of rows.entries()) {
    const checked = checkRow({ row: i + 2, cells }, lookups);
    if (checked.kind !== 'ok') throw new Error(`floor row ${i + 2} does not pass the import's checks: ${JSON.stringify(checked.errors)}`);
    const prepared = prepareResident(keys, checked.input, today, DEFAULT_VISIT_INTERVALS);
    if (!prepared.ok) throw new Error(`floor row ${i + 2} cannot be prepared: ${JSON.stringify(prepared.problems)}`);
    const v = prepared.values as Record<string, unknown>;
    if (!columns.length) columns = Object.keys(RESIDENT_COLUMNS).filter((k) => k in v);
    hashes.push(prepared.values.idHash);
    copied.push([uuidv7(), createdBy, ...columns.map((k) => v[k] as CopyValue)]);
  }
  return { names: ['id', 'created_by', ...columns.map((k) => RESIDENT_COLUMNS[k]!)], text: Buffer.from(copyLines(copied)), hashes };
}

export type FloorRows = Awaited<ReturnType<typeof prepare>>;

/** The rows prepared for the floor (not timed), with their ID blind indexes. */
export async function prepareFloorRows(url: string, keyFile: ReturnType<typeof generateKeyFile>, rows: string[][], createdBy: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await prepare(c, keyFile, rows, createdBy);
  } finally {
    await c.end();
  }
}

/** Removes residents (and their care-level records) by ID blind index, then VACUUM ANALYZE residents. */
export async function removeByHash(url: string, hashes: string[]): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('BEGIN');
    await c.query(`DELETE FROM care_level_changes WHERE resident_id IN (SELECT id FROM residents WHERE id_hash = ANY($1))`, [hashes]);
    const r = await c.query(`DELETE FROM residents WHERE id_hash = ANY($1)`, [hashes]);
    await c.query('COMMIT');
    await c.query('VACUUM ANALYZE residents');
    return r.rowCount ?? 0;
  } finally {
    await c.end();
  }
}

/**
 * The timed COPY of the prepared rows into `residents` (see the file comment), signed in as
 * wushe_app with `scope`. Throws unless every row went in.
 */
export async function preparedCopy(url: string, prepared: FloorRows, scope: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const cols = prepared.names.join(', ');
    const t0 = process.hrtime.bigint();
    await c.query('BEGIN');
    await c.query(`SET LOCAL ROLE wushe_app`);
    await c.query(`SELECT set_config('wushe.scope', $1, true)`, [scope]);
    await c.query(`CREATE TEMP TABLE floor_rows ON COMMIT DROP AS SELECT ${cols} FROM residents WITH NO DATA`);
    await pipeline(Readable.from([prepared.text]), c.query(copyFrom(`COPY floor_rows (${cols}) FROM STDIN`)));
    const r = await c.query(`INSERT INTO residents (${cols}) SELECT ${cols} FROM floor_rows`);
    await c.query('COMMIT');
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.rowCount !== prepared.hashes.length) throw new Error(`the floor inserted ${r.rowCount} of ${prepared.hashes.length} rows`);
    return seconds;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await c.end();
  }
}
