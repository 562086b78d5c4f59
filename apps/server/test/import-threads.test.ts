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
    for (const [k, r] of threaded.entries()) {
      const v = r.entry.values;
      if (!v) continue;
      const mine = local[k]!.entry.values!;
      const sealed = ['idCipher', 'phoneCipher', 'familyCipher', 'healthCipher'];
      const plain = (x: Record<string, unknown>) => Object.fromEntries(Object.entries(x).filter(([key]) => !sealed.includes(key)));
      expect(plain(v)).toEqual(plain(mine));
      expect(keys.open(v.idCipher as string)).toBe(slice[k]!.cells[2]);
      expect(keys.open(v.phoneCipher as string)).toBe(keys.open(mine.phoneCipher as string));
      expect(JSON.parse(keys.open(v.familyCipher as string))).toEqual(JSON.parse(keys.open(mine.familyCipher as string)));
      expect(r.entry.input).toEqual(local[k]!.entry.input);
    }
  } finally {
    planner.end();
  }
}, 60_000);

it('keeps a small file and hand-made keys in the main thread', async () => {
  const keys = keysFrom(generateKeyFile());
  const before = { ...threadStats };
  const small = slicePlanner(spec, keys, false);
  const handMade = slicePlanner(spec, { ...keys }, true);
  expect((await small.plan([sheetRow(0)]))[0]!.entry.values).toBeDefined();
  expect((await handMade.plan([sheetRow(0)]))[0]!.entry.values).toBeDefined();
  expect(threadStats).toEqual(before);
});
