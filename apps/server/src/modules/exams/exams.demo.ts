// The demo's three years of exams for 湖里区, consistent with the register: a worker whose
// certificate was obtained in an exam year passed that level that year (some with a subject
// carried over from the year before); uncertified workers registered and failed, or passed one
// subject and carried it; some assistants tried the intermediate level and failed. Outcomes
// come from packages/core. Deterministic; bulk inserts as the owner.
import { DEFAULT_EXAM_RULES, levelPassYear, type ExamSubject, type SubjectResult, type SwLevel } from '@wushe/core';
import { stableId, type Database } from '@wushe/db';
import { chance, mulberry32, pick } from '@wushe/db/demo';
import { insertRows } from '../workforce/workforce.demo.repo.ts';
import { demoCandidates, sittingCount } from './exams.demo.repo.ts';

const SUBJECTS = DEFAULT_EXAM_RULES.subjects;

export async function seedDemoExams(database: Database, today: string, district = '350206000000'): Promise<number> {
  if ((await database.owner(sittingCount)) > 0) return 0;
  const rng = mulberry32(20261101);
  const last = Number(today.slice(0, 4)) - (today.slice(5) >= '07-01' ? 0 : 1);
  const years = [last - 2, last - 1, last];
  const people = await database.owner((db) => demoCandidates(db, district));
  if (!people.length) return 0;
  const sittings = years.map((y) => ({
    id: stableId(`exam:${district}:${y}`),
    area_code: district,
    year: y,
    exam_date: `${y}-06-14`,
    note: '全国社会工作者职业水平考试',
  }));
  const regs: Record<string, unknown>[] = [];
  const results: Record<string, unknown>[] = [];
  const score = (pass: boolean) => (pass ? 60 + Math.floor(rng() * 25) : 38 + Math.floor(rng() * 21));
  for (const p of people) {
    const history: { year: number; level: SwLevel; sat: { subject: ExamSubject; passed: boolean }[] }[] = [];
    const sit = (year: number, level: SwLevel, passed: Partial<Record<ExamSubject, boolean>>) =>
      history.push({ year, level, sat: (Object.keys(passed) as ExamSubject[]).map((s) => ({ subject: s, passed: passed[s]! })) });
    const certYear = (l: SwLevel) => p.certs.filter((c) => c.kind === l).map((c) => Number(c.obtainedOn.slice(0, 4)))[0];
    const levels: SwLevel[] = ['assistant', 'intermediate', 'senior'];
    const won = levels.filter((l) => years.includes(certYear(l) ?? 0));
    for (const l of won) {
      const y = certYear(l)!;
      if (l !== 'senior' && years.includes(y - 1) && chance(rng, 0.4)) {
        const first = pick(rng, SUBJECTS[l]);
        const other = SUBJECTS[l].find((s) => s !== first)!;
        sit(y - 1, l, { [first]: true, [other]: false });
        sit(y, l, { [other]: true });
      } else sit(y, l, Object.fromEntries(SUBJECTS[l].map((s) => [s, true])));
    }
    const certified = p.certs.length > 0;
    if (!certified && p.status === 'active' && chance(rng, 0.55)) {
      const y = pick(rng, years);
      const first = pick(rng, SUBJECTS.assistant);
      const one = chance(rng, 0.5);
      sit(y, 'assistant', { comprehensive: one && first === 'comprehensive', practice: one && first === 'practice' });
      if (one && years.includes(y + 1) && chance(rng, 0.6))
        sit(y + 1, 'assistant', { [SUBJECTS.assistant.find((s) => s !== first)!]: false });
    }
    const heldAssistant = p.certs.some((c) => c.kind === 'assistant') && !p.certs.some((c) => c.kind !== 'assistant');
    if (heldAssistant && !won.length && chance(rng, 0.2))
      sit(pick(rng, years), 'intermediate', { comprehensive: chance(rng, 0.3), practice: false });
    for (const l of levels) {
      const mine = history.filter((h) => h.level === l);
      const flat: SubjectResult[] = mine.flatMap((h) => h.sat.map((s) => ({ year: h.year, ...s })));
      const passYear = levelPassYear(flat, l);
      for (const h of mine) {
        const id = stableId(`examreg:${p.id}:${h.year}:${l}`);
        regs.push({
          id,
          sitting_id: sittings.find((s) => s.year === h.year)!.id,
          area_code: p.areaCode,
          year: h.year,
          worker_id: p.id,
          org_id: p.orgId,
          name: p.name,
          id_cipher: p.idCipher,
          id_hash: p.idHash ?? `worker:${p.id}`,
          id_masked: p.idMasked,
          level: l,
          subjects: h.sat.map((s) => s.subject),
          level_passed: passYear === h.year,
        });
        for (const s of h.sat)
          results.push({ registration_id: id, subject: s.subject, area_code: p.areaCode, score: score(s.passed), passed: s.passed });
      }
    }
  }
  // One person per sitting year registers twice at most once: keep the first registration of a person in a sitting.
  const seen = new Set<string>();
  const unique = regs.filter((r) => {
    const k = `${String(r.sitting_id)}:${String(r.id_hash)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const kept = new Set(unique.map((r) => r.id));
  await database.owner(async (db) => {
    await insertRows(db, 'exam_sittings', sittings);
    await insertRows(db, 'exam_registrations', unique);
    await insertRows(
      db,
      'exam_results',
      results.filter((r) => kept.has(r.registration_id)),
    );
  });
  return unique.length;
}
