// Written-test scores from an Excel sheet: columns 姓名, 身份证后四位 (or 证件后四位), 成绩 in the
// first row; each row is matched to an active applicant by name and the ID tail's blind index
// (a name alone when the applicant has no register entry and the sheet gives no tail).
import { idTailBlindIndex } from '@wushe/db';
import ExcelJS from 'exceljs';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { importCandidates, setWrittenScore } from './applications.repo.ts';
import { ownProgramme } from './programmes.service.ts';

const cell = (v: ExcelJS.CellValue) =>
  v === null || v === undefined ? '' : String(typeof v === 'object' && 'result' in v ? v.result : v).trim();

async function readRows(file: string) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(file, 'base64') as unknown as ArrayBuffer);
  } catch {
    throw fieldError('file', 'programme.importFile');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw fieldError('file', 'programme.importFile');
  const head = (ws.getRow(1).values as ExcelJS.CellValue[]).map(cell);
  const col = (...names: string[]) => head.findIndex((h) => names.includes(h));
  const [n, t, s] = [col('姓名', 'Name'), col('身份证后四位', '证件后四位', 'ID tail'), col('成绩', 'Score')];
  if (n < 1 || s < 1) throw fieldError('file', 'programme.importFile');
  const out: { row: number; name: string; tail: string; score: string }[] = [];
  ws.eachRow((r, i) => {
    if (i === 1) return;
    const v = r.values as ExcelJS.CellValue[];
    out.push({ row: i, name: cell(v[n]), tail: t > 0 ? cell(v[t]).toUpperCase() : '', score: cell(v[s]) });
  });
  return out;
}

export async function importWrittenScores(ctx: Ctx, id: string, file: string) {
  const sheet = await readRows(file);
  return ctx.db.tx(async (db) => {
    const p = await ownProgramme(db, ctx, id);
    if (p.stage !== 'written') throw new AppError(409, 'programme.stage');
    const people = await importCandidates(db, ctx.scope, id);
    const unmatched: { row: number; name: string; reason: 'noMatch' | 'score' }[] = [];
    let saved = 0;
    for (const r of sheet) {
      const score = Number(r.score);
      if (!r.score || !Number.isFinite(score) || score < 0 || score > 100) {
        unmatched.push({ row: r.row, name: r.name, reason: 'score' });
        continue;
      }
      const hash = /^\d{3}[\dX]$/.test(r.tail) ? idTailBlindIndex(ctx.keys, r.tail, 4) : null;
      const same = people.filter((x) => x.name === r.name && (hash ? x.tail4 === hash : true));
      if (same.length !== 1) {
        unmatched.push({ row: r.row, name: r.name, reason: 'noMatch' });
        continue;
      }
      if (await setWrittenScore(db, ctx.scope, id, same[0]!.id, score)) saved++;
    }
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'programme.writtenImport',
        targetType: 'programme',
        targetId: id,
        areaCode: p.areaCode,
        after: { saved, unmatched },
      }),
    );
    return { saved, unmatched };
  });
}
