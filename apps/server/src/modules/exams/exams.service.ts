// Exam sittings, registrations and results: a registration names a worker on the register or a
// person by name and ID number (sealed, matched to the register by its blind index); the
// subjects sat are those left after the carry-over; entering results recomputes, in core, in
// which year the person passed the level; a passed level makes the certificate, once.
import {
  areaAncestors,
  areaPrefix,
  examStanding,
  levelPassYear,
  narrowScope,
  scorePasses,
  type ExamRegistration,
  type ExamRegistrationBody,
  type ExamRules,
  type examRegistrationQuery,
  type examResultsBody,
  type examSittingBody,
} from '@wushe/core';
import { sealIdentity, uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { conflict, fieldError, notFound } from '../../http/errors.ts';
import { areaByCode } from '../areas/areas.repo.ts';
import { certificateOfKind, insertCertificate } from '../workforce/workforce.certs.repo.ts';
import { todayOf } from '../workforce/workforce.service.ts';
import {
  deleteRegistration,
  historyOf,
  insertRegistration,
  insertSitting,
  listRegistrations,
  loadExamRules,
  registrationById,
  registrationOfPerson,
  registrationsOfPerson,
  replaceResults,
  setCertificate,
  setLevelPassed,
  sittingById,
  sittingsIn,
  workerIdentity,
  type RegistrationRow,
} from './exams.repo.ts';

export type ECtx = Pick<Ctx, 'db' | 'database' | 'scope' | 'keys' | 'now' | 'actor' | 'ip' | 'lang'>;

/** The areas above the caller's, whose sittings it sees (a street sees its district's). */
const above = (ctx: ECtx) => areaAncestors(ctx.actor.area.code);

export type RegistrationListInput = z.output<typeof examRegistrationQuery>;

/** The person key of the carry-over: the ID number's blind index, or the worker for one without. */
export const personKey = (idHash: string | null, workerId: string | null) => idHash ?? (workerId ? `worker:${workerId}` : null);

export function toRegistration({ idHash: _h, ...r }: RegistrationRow, rules: ExamRules): ExamRegistration {
  return { ...r, carried: rules.subjects[r.level].filter((s) => !r.subjects.includes(s)) };
}

export const listSittings = (ctx: ECtx) => ctx.database.owner((db) => sittingsIn(db, ctx.scope, above(ctx)));

/** A sitting the caller sees; read before any transaction (as the owner, on its own connection). */
export async function sittingIn(ctx: ECtx, id: string) {
  const s = await ctx.database.owner((owner) => sittingById(owner, ctx.scope, above(ctx), id));
  if (!s) throw notFound();
  return s;
}

export async function createSitting(ctx: ECtx, b: z.output<typeof examSittingBody>) {
  return ctx.db.tx(async (db) => {
    if (!(await areaByCode(db, ctx.scope, b.areaCode))) throw fieldError('areaCode', 'workforce.area');
    const id = uuidv7();
    if (!(await insertSitting(db, { id, areaCode: b.areaCode, year: b.year, examDate: b.examDate, note: b.note ?? null })))
      throw fieldError('year', 'exams.sittingTaken');
    const s = (await sittingById(db, ctx.scope, [], id))!;
    await appendAudit(db, byActor(ctx, { action: 'exam.sitting.add', targetType: 'exam', targetId: id, areaCode: s.areaCode, after: s }));
    return s;
  });
}

export async function findRegistrations(
  ctx: ECtx,
  sittingId: string,
  q: RegistrationListInput,
  limit = q.pageSize,
  offset = (q.page - 1) * q.pageSize,
) {
  await sittingIn(ctx, sittingId);
  return ctx.db.run(async (db) => {
    const prefix = narrowScope(ctx.scope, q.area);
    if (prefix === null) return { items: [], total: 0 };
    const rules = await loadExamRules(db);
    const page = await listRegistrations(db, { ...q, scope: ctx.scope, prefix, sittingId, limit, offset });
    return { items: page.items.map((r) => toRegistration(r, rules)), total: page.total };
  });
}

async function registrationIn(db: Db, ctx: ECtx, id: string) {
  const r = await registrationById(db, ctx.scope, id);
  if (!r) throw notFound();
  return r;
}

export async function getRegistration(db: Db, ctx: ECtx, id: string) {
  return toRegistration(await registrationIn(db, ctx, id), await loadExamRules(db));
}

/** Who registers: the worker on the register, or the person by name and ID number (linked to the register when it knows them). */
async function candidateOf(db: Db, ctx: ECtx, b: ExamRegistrationBody) {
  if (b.workerId) {
    const w = await workerIdentity(db, ctx.scope, { id: b.workerId });
    if (!w) throw fieldError('workerId', 'exams.notOnRegister');
    return { ...w, key: personKey(w.idHash, w.id)!, path: 'workerId' };
  }
  const missing = (['name', 'idNumber', 'areaCode'] as const).filter((k) => !b[k]);
  if (missing.length) throw fieldError(missing[0]!, 'field.required');
  const sealed = sealIdentity(ctx.keys, 'resident_id', b.idNumber!, todayOf(ctx));
  if (!sealed.ok) throw fieldError('idNumber', sealed.problem.key as never, sealed.problem.params);
  const v = sealed.value;
  const w = await workerIdentity(db, ctx.scope, { idHash: v.idHash });
  if (w) return { ...w, key: v.idHash, path: 'idNumber' };
  if (!(await areaByCode(db, ctx.scope, b.areaCode!))) throw fieldError('areaCode', 'workforce.area');
  return {
    id: null,
    name: b.name!,
    areaCode: b.areaCode!,
    orgId: null,
    idCipher: v.idCipher,
    idHash: v.idHash,
    idMasked: v.idMasked,
    key: v.idHash,
    path: 'idNumber',
  };
}

export async function createRegistration(ctx: ECtx, sittingId: string, b: ExamRegistrationBody): Promise<ExamRegistration> {
  const sitting = await sittingIn(ctx, sittingId);
  return ctx.db.tx(async (db) => {
    const id = b.requestId ?? uuidv7();
    const again = await registrationById(db, ctx.scope, id);
    if (again) return toRegistration(again, await loadExamRules(db)); // a repeated submit
    const c = await candidateOf(db, ctx, b);
    if (!c.areaCode.startsWith(areaPrefix(sitting.areaCode))) throw fieldError('areaCode', 'workforce.area');
    if (await registrationOfPerson(db, sittingId, c.key)) throw fieldError(c.path, 'exams.registered');
    const rules = await loadExamRules(db);
    const standing = examStanding(await historyOf(db, ctx.scope, c.key, b.level), b.level, sitting.year, rules);
    if (standing.alreadyPassed) throw fieldError('level', 'exams.alreadyPassed');
    const made = await insertRegistration(db, {
      id,
      sitting_id: sittingId,
      area_code: c.areaCode,
      year: sitting.year,
      worker_id: c.id,
      org_id: c.orgId,
      name: c.name,
      id_cipher: c.idCipher,
      id_hash: c.key,
      id_masked: c.idMasked,
      level: b.level,
      subjects: standing.remaining,
    });
    if (!made) throw conflict();
    const r = toRegistration((await registrationById(db, ctx.scope, id))!, rules);
    await appendAudit(
      db,
      byActor(ctx, { action: 'exam.register', targetType: 'exam', targetId: sittingId, areaCode: r.areaCode, after: r }),
    );
    return r;
  });
}

/** Recomputes in which year each of the person's registrations for the level passed it. */
export async function recomputeOutcomes(db: Db, scope: string, key: string, level: ExamRegistration['level'], rules: ExamRules) {
  const year = levelPassYear(await historyOf(db, scope, key, level), level, rules);
  const regs = await registrationsOfPerson(db, scope, key, level);
  await setLevelPassed(
    db,
    scope,
    regs.filter((r) => r.year === year).map((r) => r.id),
    true,
  );
  await setLevelPassed(
    db,
    scope,
    regs.filter((r) => r.year !== year).map((r) => r.id),
    false,
  );
}

export async function enterResults(ctx: ECtx, id: string, b: z.output<typeof examResultsBody>): Promise<ExamRegistration> {
  return ctx.db.tx(async (db) => {
    const before = await registrationIn(db, ctx, id);
    const rules = await loadExamRules(db);
    const results = b.results.map((r, i) => {
      if (!before.subjects.includes(r.subject)) throw fieldError(`results.${i}.subject`, 'exams.subjectNotSat');
      const passed = r.passed ?? scorePasses(r.score, rules);
      if (passed === null) throw fieldError(`results.${i}.score`, 'exams.resultMissing');
      return { subject: r.subject, score: r.score ?? null, passed };
    });
    if (new Set(results.map((r) => r.subject)).size !== results.length) throw fieldError('results', 'import.duplicateRow');
    if (!(await replaceResults(db, ctx.scope, { id, areaCode: before.areaCode, version: b.version }, results))) throw conflict();
    await recomputeOutcomes(db, ctx.scope, before.idHash!, before.level, rules);
    const after = toRegistration((await registrationById(db, ctx.scope, id))!, rules);
    await appendAudit(
      db,
      byActor(ctx, { action: 'exam.results', targetType: 'exam', targetId: before.sittingId, areaCode: after.areaCode, before, after }),
    );
    return after;
  });
}

export async function removeRegistration(ctx: ECtx, id: string, version: number) {
  return ctx.db.tx(async (db) => {
    const before = await registrationIn(db, ctx, id);
    if (!(await deleteRegistration(db, ctx.scope, id, version))) throw conflict();
    await recomputeOutcomes(db, ctx.scope, before.idHash!, before.level, await loadExamRules(db));
    await appendAudit(
      db,
      byActor(ctx, { action: 'exam.unregister', targetType: 'exam', targetId: before.sittingId, areaCode: before.areaCode, before }),
    );
    return { ok: true as const };
  });
}

/** A passed level's certificate on the register (the number is confirmed later); once. */
export async function certifyRegistration(ctx: ECtx, id: string): Promise<ExamRegistration> {
  const sitting = await sittingIn(ctx, (await ctx.db.run((db) => registrationIn(db, ctx, id))).sittingId);
  return ctx.db.tx(async (db) => {
    const r = await registrationIn(db, ctx, id);
    const rules = await loadExamRules(db);
    if (r.certificateId) return toRegistration(r, rules);
    if (!r.levelPassed) throw fieldError('level', 'exams.notPassed');
    if (!r.workerId) throw fieldError('workerId', 'exams.notOnRegister');
    let cert = await certificateOfKind(db, r.workerId, r.level);
    if (!cert) {
      const today = todayOf(ctx);
      const c = {
        id: uuidv7(),
        workerId: r.workerId,
        areaCode: r.areaCode,
        kind: r.level,
        number: null,
        obtainedOn: sitting.examDate < today ? sitting.examDate : today,
        registeredOn: null,
      };
      await insertCertificate(db, c);
      cert = { ...c, version: 1 };
      await appendAudit(
        db,
        byActor(ctx, { action: 'worker.certificate.add', targetType: 'worker', targetId: r.workerId, areaCode: r.areaCode, after: c }),
      );
    }
    await setCertificate(db, ctx.scope, id, cert.id);
    return toRegistration((await registrationById(db, ctx.scope, id))!, rules);
  });
}
