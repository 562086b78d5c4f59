// Importing a year's registrations and results from the list an office keeps (姓名, 身份证号,
// 报考级别, the two subjects' scores…, in any column order): all or nothing. Every row is
// checked first; with any problem nothing is written and the report says, row by row, what
// to fix. A person on the register is matched by the ID number's blind index.
import {
  CERT_KIND_LABELS,
  EXAM_SUBJECTS,
  examStanding,
  scorePasses,
  SW_LEVELS,
  type ExamSubject,
  type ImportReport,
  type SwLevel,
} from '@wushe/core';
import { sealIdentity, uuidv7 } from '@wushe/db';
import { appendAudit, byActor } from '../../audit/audit.ts';
import { areaPrefix } from '@wushe/core';
import { todayOf } from '../workforce/workforce.service.ts';
import {
  areasUnder,
  historyOf,
  insertRegistrations,
  insertResults,
  loadExamRules,
  orgsUnder,
  registrationOfPerson,
  workerIdentity,
  type RegistrationColumns,
} from './exams.repo.ts';
import { recomputeOutcomes, sittingIn, type ECtx } from './exams.service.ts';
import { cellOf, readList, RowReport, type SheetColumn } from './exams.sheet.ts';

type Key = 'name' | 'idNumber' | 'level' | 'area' | 'org' | ExamSubject;
export const EXAM_COLUMNS: SheetColumn<Key>[] = [
  { key: 'name', names: ['姓名', '考生姓名'], required: true },
  { key: 'idNumber', names: ['身份证号', '身份证号码', '证件号码', '公民身份号码'], required: true },
  { key: 'level', names: ['报考级别', '级别', '报考等级', '报考类别'], required: true },
  { key: 'area', names: ['所在街道', '所在地区', '街道', '地区'] },
  { key: 'org', names: ['工作单位', '所在机构', '单位'] },
  { key: 'comprehensive', names: ['综合能力成绩', '综合能力', '社会工作综合能力'] },
  { key: 'practice', names: ['实务成绩', '实务', '社会工作实务'] },
];

const LEVEL_WORDS: [SwLevel, string[]][] = [
  ['senior', ['高级社会工作师', '高级', 'senior']],
  ['assistant', ['助理社会工作师', '初级', '助理', 'assistant']],
  ['intermediate', ['社会工作师', '中级', 'intermediate']],
];
export function levelOf(text: string): SwLevel | null {
  const t = text.replace(/\s/g, '').toLowerCase();
  for (const [level, words] of LEVEL_WORDS) if (words.some((w) => t === w.toLowerCase())) return level;
  return SW_LEVELS.find((l) => CERT_KIND_LABELS[l].en.toLowerCase() === t) ?? null;
}

/** A subject cell: blank or 免考/保留 (not sat), a score, or 合格/不合格/缺考. Undefined: unreadable. */
function resultOf(cell: string, passScore: number): { sat: false } | { sat: true; score: number | null; passed: boolean } | undefined {
  const t = cell.replace(/\s/g, '');
  if (!t || ['免考', '保留', '-', '—'].includes(t)) return { sat: false };
  if (['合格', '通过', 'pass'].includes(t)) return { sat: true, score: null, passed: true };
  if (['不合格', '未通过', '缺考', 'fail'].includes(t)) return { sat: true, score: null, passed: false };
  const n = Number(t);
  if (!Number.isFinite(n) || n < 0 || n > 150) return undefined;
  return { sat: true, score: n, passed: scorePasses(n, { passScore } as never)! };
}

export async function importExamList(ctx: ECtx, sittingId: string, body: unknown): Promise<ImportReport> {
  const list = await readList(body, EXAM_COLUMNS);
  const sitting = await sittingIn(ctx, sittingId);
  return ctx.db.tx(async (db) => {
    if (list.missing.length)
      return { imported: 0, total: list.rows.length, failed: list.rows.length, missingColumns: list.missing, rows: [] };
    const rules = await loadExamRules(db);
    const areas = await areasUnder(db, ctx.scope, areaPrefix(sitting.areaCode));
    const orgs = await orgsUnder(db, ctx.scope);
    const seen = new Set<string>();
    const regs: RegistrationColumns[] = [];
    const results: Record<string, unknown>[] = [];
    const report: ImportReport['rows'] = [];
    for (const row of list.rows) {
      const cell = (k: Key) => cellOf(list, row, k);
      const r = new RowReport(list, EXAM_COLUMNS, ctx.lang);
      const name = cell('name');
      if (!name) r.add('name', 'field.required');
      const level = levelOf(cell('level'));
      if (!level) r.add('level', 'exams.level');
      const sealed = sealIdentity(ctx.keys, 'resident_id', cell('idNumber'), todayOf(ctx));
      if (!sealed.ok) r.add('idNumber', sealed.problem.key as never, sealed.problem.params);
      const idHash = sealed.ok ? sealed.value.idHash : null;
      const w = idHash ? await workerIdentity(db, ctx.scope, { idHash }) : undefined;
      let areaCode = w?.areaCode;
      const areaText = cell('area');
      if (areaText) {
        const a = areas.find((x) => x.code === areaText || x.code === areaText.padEnd(12, '0') || x.name === areaText);
        if (!a) r.add('area', 'import.areaUnknown');
        else areaCode = a.code;
      }
      if (!areaCode && !areaText) areaCode = sitting.areaCode;
      let orgId = w?.orgId ?? null;
      const orgText = cell('org');
      if (orgText && !w) {
        const o = orgs.find((x) => x.name === orgText);
        if (!o) r.add('org', 'import.orgUnknown');
        else orgId = o.id;
      }
      if (idHash) {
        if (seen.has(idHash)) r.add('idNumber', 'import.duplicateRow');
        else if (await registrationOfPerson(db, sittingId, idHash)) r.add('idNumber', 'exams.registered');
        seen.add(idHash);
      }
      const sat: { subject: ExamSubject; score: number | null; passed: boolean }[] = [];
      for (const subject of EXAM_SUBJECTS) {
        const res = resultOf(cell(subject), rules.passScore);
        if (!res) r.add(subject, 'exams.score');
        else if (res.sat && level && !rules.subjects[level].includes(subject)) r.add(subject, 'exams.subjectNotSat');
        else if (res.sat) sat.push({ subject, ...res });
      }
      let subjects: ExamSubject[] = sat.map((s) => s.subject);
      if (level && idHash) {
        const standing = examStanding(await historyOf(db, ctx.scope, idHash, level), level, sitting.year, rules);
        if (standing.alreadyPassed) r.add('level', 'exams.alreadyPassed');
        if (!subjects.length) subjects = standing.remaining; // registered, results to come
      }
      report.push({ row: row.row, name, status: r.errors.length ? 'error' : 'ok', errors: r.errors });
      if (r.errors.length || !sealed.ok || !level) continue;
      const id = uuidv7();
      regs.push({
        id,
        sitting_id: sittingId,
        area_code: areaCode!,
        year: sitting.year,
        worker_id: w?.id ?? null,
        org_id: orgId,
        name: w?.name ?? name,
        id_cipher: sealed.value.idCipher,
        id_hash: sealed.value.idHash,
        id_masked: sealed.value.idMasked,
        level,
        subjects,
      });
      for (const s of sat) results.push({ registration_id: id, subject: s.subject, area_code: areaCode, score: s.score, passed: s.passed });
    }
    const failed = report.filter((x) => x.status === 'error').length;
    if (failed) return { imported: 0, total: report.length, failed, missingColumns: [], rows: report };
    await insertRegistrations(db, regs);
    await insertResults(db, results);
    for (const g of regs) await recomputeOutcomes(db, ctx.scope, g.id_hash!, g.level as SwLevel, rules);
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'exam.import',
        targetType: 'exam',
        targetId: sittingId,
        areaCode: sitting.areaCode,
        after: { rows: regs.length },
      }),
    );
    return { imported: regs.length, total: report.length, failed: 0, missingColumns: [], rows: report };
  });
}
