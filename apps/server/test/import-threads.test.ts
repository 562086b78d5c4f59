// The import threads (import.threads.ts): a large file's slices are checked and prepared in
// worker threads, with the same outcome as in the main thread: same report entries, same blind
// indexes and search fields, seals that open to the file's values with the same keys.
import { DEFAULT_VISIT_INTERVALS } from '@wushe/core';
import { generateKeyFile, keysFrom } from '@wushe/db';
import { expect, it } from 'vitest';
import { IMPORT_COLUMNS } from '../src/modules/residents/import/import.columns.ts';
import type { SheetRow } from '../src/modules/residents/import/import.parse.ts';
import { checkSlice, planInputOf, type PlanSpec } from '../src/modules/residents/import/import.plan.ts';
import { slicePlanner, startThreads, threadStats } from '../src/modules/residents/import/import.threads.ts';
import { HEADERS, person } from './import-fixtures.ts';

const spec: PlanSpec = {
  index: Object.fromEntries(IMPORT_COLUMNS.map((c, i) => [c.key, i])),
  categories: [
    { code: 'living_alone', labelZh: '独居', labelEn: 'Living alone' },
    { code: 'empty_nest', labelZh: '空巢', labelEn: 'Empty nest' },
    { code: 'subsistence', labelZh: '低保', labelEn: 'Subsistence allowance' },
  ],
  assistance: [{ code: 'dibao', labelZh: '低保', labelEn: 'Dibao' }],
  areas: [['350206004001', 'community']],
  lang: 'zh-CN',
  workers: [],
  today: '2026-11-30',
  intervals: DEFAULT_VISIT_INTERVALS,
  createdBy: '0190a000-0000-7000-8000-000000000001',
};

const sheetRow = (i: number, over: Parameters<typeof person>[1] = {}): SheetRow => {
  const p = person(i, over) as Record<string, unknown>;
  return { row: i + 2, cells: HEADERS.map((h) => (p[h] === undefined ? '' : String(p[h]))) };
};

it('prepares a slice in a worker thread as the main thread would', async () => {
  // The fixture's columns are the template's, in order (the optional worker column last, left out).
  expect(HEADERS).toEqual(IMPORT_COLUMNS.slice(0, HEADERS.length).map((c) => c.zh));
  const keys = keysFrom(generateKeyFile());
  const slice = [sheetRow(0), sheetRow(1, { 证件号码: '350206194001010001' }), sheetRow(2), sheetRow(3, { 所在社区代码: '350206999999' })];
  await startThreads();
  const before = { ...threadStats };
  const planner = slicePlanner(spec, keys, true);
  try {
    const [threaded, local] = await Promise.all([planner.plan(slice), checkSlice(planInputOf(spec, keys), slice)]);
    expect(threadStats.inPool).toBe(before.inPool + 1);
    expect(threadStats.fellBack).toBe(before.fellBack);
    expect(threaded.map((r) => r.entry.outcome)).toEqual(local.map((r) => r.entry.outcome));
    expect(threaded.map((r) => r.hash)).toEqual(local.map((r) => r.hash));
    expect(threaded.map((r) => r.entry.outcome.status === 'rejected' && r.entry.outcome.errors.length > 0)).toEqual([
      false,
      true,
      false,
      true,
    ]);
    const sealed = ['id_cipher', 'phone_cipher', 'family_cipher', 'health_cipher'];
    const fresh = ['id', 'level_change_id'];
    const plain = (text: string) =>
      Object.fromEntries(Object.entries(JSON.parse(text) as object).filter(([key]) => !sealed.includes(key) && !fresh.includes(key)));
    for (const [k, r] of threaded.entries()) {
      const texts = r.entry.texts;
      expect(Boolean(texts)).toBe(Boolean(local[k]!.entry.texts));
      if (!texts) continue;
      // The plan posted back carries text, not the values' object graph.
      expect(r.entry.values).toBeUndefined();
      expect(r.source).toBe(slice[k]);
      const record = JSON.parse(texts.record) as Record<string, string>;
      expect(record.id).toBe(texts.newId);
      expect(record.created_by).toBe(spec.createdBy);
      expect(plain(texts.record)).toEqual(plain(local[k]!.entry.texts!.record));
      expect(keys.open(record.id_cipher!)).toBe(slice[k]!.cells[2]);
      const mine = JSON.parse(local[k]!.entry.texts!.record) as Record<string, string>;
      expect(keys.open(record.phone_cipher!)).toBe(keys.open(mine.phone_cipher!));
      expect(JSON.parse(keys.open(record.family_cipher!))).toEqual(JSON.parse(keys.open(mine.family_cipher!)));
      expect({ ...JSON.parse(texts.audit), id: null }).toEqual({ ...JSON.parse(local[k]!.entry.texts!.audit), id: null });
    }
    // A full plan (rows found stored) keeps the values and input, as the main thread's does.
    const again = await planner.again(slice);
    for (const [k, r] of again.entries()) {
      const v = r.entry.values;
      if (!v) continue;
      const mine = local[k]!.entry.values!;
      const cipher = ['idCipher', 'phoneCipher', 'familyCipher', 'healthCipher'];
      const open = (x: Record<string, unknown>) => Object.fromEntries(Object.entries(x).filter(([key]) => !cipher.includes(key)));
      expect(open(v)).toEqual(open(mine));
      expect(r.entry.input).toEqual(local[k]!.entry.input);
    }
    expect(again.filter((r) => r.entry.values).length).toBe(2);
  } finally {
    planner.end();
  }
}, 60_000);

it('keeps a small file and hand-made keys in the main thread', async () => {
  const keys = keysFrom(generateKeyFile());
  const before = { ...threadStats };
  const small = slicePlanner(spec, keys, false);
  const handMade = slicePlanner(spec, { ...keys }, true);
  expect((await small.plan([sheetRow(0)]))[0]!.entry.texts).toBeDefined();
  expect((await handMade.plan([sheetRow(0)]))[0]!.entry.values).toBeDefined();
  expect(threadStats).toEqual(before);
});
