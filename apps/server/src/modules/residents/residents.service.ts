// Resident register: register (ID check, installation-wide duplicate ID, possible duplicates),
// find (one search box), one record, edit (versioned, care-level history) and reveal.
import {
  daysBetween,
  DOCUMENT_TYPES,
  maskPhone,
  narrowScope,
  shanghaiToday,
  type DocumentType,
  type ResidentInput,
  type residentListQuery,
  type residentUpdate,
} from '@wushe/core';
import {
  ageOn,
  idBlindIndex,
  idTailBlindIndex,
  nameSearchFields,
  openFamily,
  phoneBlindIndex,
  prepareResident,
  sealFamily,
  sealIdentity,
  sealPhone,
  type Db,
} from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import { keepFamilyValues } from './residents.family.ts';
import type { Ctx } from '../../context.ts';
import { AppError, badRequest, conflict, fieldError, notFound } from '../../http/errors.ts';
import { isUniqueViolation } from '../../http/db-errors.ts';
import {
  duplicateCandidates,
  listResidents,
  residentDetailById,
  type ResidentFilter,
  type Search,
  type SummaryRow,
} from './residents.repo.ts';
import { checkResidentRefs, insertResident, problemsToFields, updateResidentRow, type FieldProblem } from './residents.write.ts';
import { idHashTakenAnywhere, residentRowById } from './residents.write.repo.ts';
import { loadVisitIntervals } from '../settings/settings.repo.ts';
import { takeTailSearch } from './residents.search-limit.ts';
import { checkWorkerFor, defaultWorker } from './residents.assign.ts';

export type ListQuery = z.output<typeof residentListQuery>;
export type UpdateBody = z.output<typeof residentUpdate>;

/** 409 `resident.possibleDuplicate`, carrying the candidates as a problem extension member. */
export class PossibleDuplicate extends AppError {
  constructor(readonly candidates: { id: string; name: string; idMasked: string; birthDate: string | null; areaName: string }[]) {
    super(409, 'resident.possibleDuplicate');
  }
}

/** Adds age and due state (overdue past next_due_on; due_soon within 7 days) as of today. */
export function toSummary<T extends SummaryRow>(r: T, today: string) {
  const left = daysBetween(today, r.nextDueOn);
  const { registeredOn, ...rest } = r;
  return {
    ...rest,
    registeredOn,
    age: r.birthDate ? ageOn(r.birthDate, today) : null,
    due: left < 0 ? ('overdue' as const) : left <= 7 ? ('due_soon' as const) : ('ok' as const),
  };
}

/**
 * Reads the search box: ID or document number, its last 4 or 6 characters (尾号, through their
 * keyed blind index, exact only: 1–3 digits never match by digits), phone, pinyin (initials or
 * the full pinyin's start), name gram or fragment.
 */
export function classifySearch(ctx: Pick<Ctx, 'keys'>, raw: string): Search {
  const q = raw.trim();
  if (/^\d{17}[\dXx]$/.test(q)) return { kind: 'idHash', hashes: [idBlindIndex(ctx.keys, 'resident_id', q.toUpperCase())] };
  if (/^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(q)) return { kind: 'phoneHash', hash: phoneBlindIndex(ctx.keys, q) };
  if (/^[A-Za-z]+$/.test(q)) return { kind: 'initials', value: q.toLowerCase() };
  const others = DOCUMENT_TYPES.map((t) => t.code).filter((c) => c !== 'resident_id');
  const tail = /^(\d{3}|\d{5})[\dXx]$/.test(q) ? (q.length as 4 | 6) : null;
  if (tail) {
    // Six characters may also be a whole number of another document type.
    const whole = tail === 6 ? others.map((t) => idBlindIndex(ctx.keys, t, q.toUpperCase())) : [];
    return { kind: 'idTail', length: tail, hash: idTailBlindIndex(ctx.keys, q.toUpperCase(), tail), alsoIdHashes: whole };
  }
  if (/^[A-Za-z0-9-]{5,30}$/.test(q) && /\d/.test(q)) {
    return { kind: 'idHash', hashes: others.map((t) => idBlindIndex(ctx.keys, t, q.toUpperCase())) };
  }
  if (/^\p{Script=Han}{1,3}$/u.test(q)) return { kind: 'gram', value: q };
  return { kind: 'like', value: q };
}

export function listFilter(ctx: Ctx, q: ListQuery, limit: number, offset: number): ResidentFilter | null {
  const prefix = narrowScope(ctx.scope, q.area);
  if (prefix === null) return null;
  if (q.asOf && q.asOf > shanghaiToday(ctx.now)) throw fieldError('asOf', 'coverage.futureDate');
  return {
    prefix,
    search: q.q ? classifySearch(ctx, q.q) : undefined,
    category: q.category,
    careLevel: q.careLevel,
    assistanceStatus: q.assistanceStatus,
    status: q.status,
    overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
    today: shanghaiToday(ctx.now),
    worker: q.mine === 'true' ? ctx.actor.id : q.worker,
    dueSoon: q.due === 'due_soon',
    unassigned: q.unassigned === 'true' ? true : undefined,
    withoutAssessment: q.withoutAssessment === 'true',
    standing: q.coverage ? { kind: q.coverage, asOf: q.asOf ?? shanghaiToday(ctx.now), scope: ctx.scope } : undefined,
    sort: q.sort,
    limit,
    offset,
  };
}

export async function findResidents(ctx: Ctx, q: ListQuery) {
  const f = listFilter(ctx, q, q.pageSize, (q.page - 1) * q.pageSize);
  if (!f) return { items: [], total: 0 };
  if (f.search?.kind === 'idTail') takeTailSearch(ctx.actor.id, ctx.now.getTime());
  const page = await ctx.db.run((db) => listResidents(db, f));
  return { items: page.items.map((r) => toSummary(r, f.today)), total: page.total };
}

export async function getResidentIn(db: Db, ctx: Ctx, id: string) {
  const d = await residentDetailById(db, ctx.keys, ctx.scope, id, maskPhone);
  if (!d) throw notFound();
  return toSummary(d, shanghaiToday(ctx.now));
}

export const getResident = (ctx: Ctx, id: string) => ctx.db.run((db) => getResidentIn(db, ctx, id));

const orThrow = (problems: FieldProblem[]) => {
  if (problems.length) throw badRequest(problemsToFields(problems));
};

export async function createResident(ctx: Ctx, input: ResidentInput) {
  const today = shanghaiToday(ctx.now);
  try {
    return await ctx.db.tx(async (db) => {
      input = { ...input, assignedWorkerId: defaultWorker(ctx, input.assignedWorkerId, input.areaCode) };
      const prepared = prepareResident(ctx.keys, input, today, await loadVisitIntervals(db));
      const refs = await checkResidentRefs(db, ctx, { ...input, assignedWorkerId: undefined });
      const worker = await checkWorkerFor(db, ctx, input.assignedWorkerId, input.areaCode);
      orThrow([...(prepared.ok ? [] : prepared.problems), ...refs, ...worker]);
      if (!prepared.ok) throw new Error('unreachable');
      const v = prepared.values;
      // Says only that the number is taken: nothing about the record that holds it.
      if (await idHashTakenAnywhere(db, v.idHash)) throw fieldError('idNumber', 'resident.idTaken');
      if (v.birthDate && !input.allowPossibleDuplicate) {
        const candidates = await duplicateCandidates(db, ctx.scope, input.areaCode, input.name, v.birthDate);
        if (candidates.length) throw new PossibleDuplicate(candidates);
      }
      const id = await insertResident(db, ctx, v);
      return getResidentIn(db, ctx, id);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldError('idNumber', 'resident.idTaken'); // a concurrent registration won
    throw e;
  }
}

/** Stored-form changes from a partial update; identity and family re-sealed when touched. */
async function changesOf(db: Db, ctx: Ctx, id: string, body: UpdateBody, today: string) {
  const before = await residentRowById(db, ctx.scope, id, true);
  if (!before) throw notFound();
  if (before.status === 'merged' || before.version !== body.version) throw conflict();
  const problems: FieldProblem[] = [];
  const changes: Record<string, unknown> = {};
  let birthDate = before.birthDate;
  if (body.idNumber !== undefined || body.documentType !== undefined) {
    const type = (body.documentType ?? before.documentType) as DocumentType;
    const raw = body.idNumber ?? ctx.keys.open(before.idCipher);
    const sealed = sealIdentity(ctx.keys, type, raw, today);
    if (!sealed.ok) problems.push(sealed.problem);
    else if (sealed.value.idHash !== before.idHash) {
      if (await idHashTakenAnywhere(db, sealed.value.idHash, id)) problems.push({ path: 'idNumber', key: 'resident.idTaken' });
      Object.assign(changes, sealed.value);
      birthDate = sealed.value.birthDate;
    }
  }
  if (body.name !== undefined) Object.assign(changes, { name: body.name, ...nameSearchFields(body.name) });
  if (body.phone !== undefined) Object.assign(changes, sealPhone(ctx.keys, body.phone));
  const family = openFamily(ctx.keys, before.familyCipher);
  if (body.householdMembers !== undefined || body.emergencyContacts !== undefined || body.guardian !== undefined) {
    const kept = keepFamilyValues(family, body);
    problems.push(...kept.problems);
    Object.assign(family, kept.family);
    changes.familyCipher = sealFamily(ctx.keys, family);
  }
  if (birthDate && ageOn(birthDate, today) < 14 && !family.guardian) problems.push({ path: 'guardian', key: 'resident.guardianRequired' });
  if (body.healthNotes !== undefined) changes.healthCipher = body.healthNotes ? ctx.keys.seal(body.healthNotes) : null;
  if (body.categories !== undefined) changes.categories = [...new Set(body.categories)];
  for (const k of [
    'address',
    'areaCode',
    'householdId',
    'assistanceStatus',
    'notes',
    'consent',
    'assignedWorkerId',
    'status',
    'careLevel',
  ] as const) {
    if (body[k] !== undefined) changes[k] = body[k];
  }
  if (body.careLevel !== undefined && body.careLevel !== before.careLevel && !body.careLevelReason) {
    problems.push({ path: 'careLevelReason', key: 'resident.careLevelReason' });
  }
  const refs = await checkResidentRefs(db, ctx, {
    areaCode: body.areaCode,
    categories: body.categories,
    assistanceStatus: body.assistanceStatus,
    householdId: body.householdId === id ? null : body.householdId,
  });
  // The worker is checked against the resident's (new) area; unchanged is always fine.
  if (body.assignedWorkerId !== undefined && body.assignedWorkerId !== before.assignedWorkerId)
    problems.push(...(await checkWorkerFor(db, ctx, body.assignedWorkerId, body.areaCode ?? before.areaCode)));
  orThrow([...problems, ...refs]);
  return changes;
}

export async function updateResident(ctx: Ctx, id: string, body: UpdateBody) {
  const today = shanghaiToday(ctx.now);
  try {
    return await ctx.db.tx(async (db) => {
      const changes = await changesOf(db, ctx, id, body, today);
      await updateResidentRow(db, ctx, id, body.version, changes, body.careLevelReason);
      return getResidentIn(db, ctx, id);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldError('idNumber', 'resident.idTaken');
    throw e;
  }
}

/** One sensitive value in clear, for one view; audited with the reason, never the value. */
export async function revealResident(ctx: Ctx, id: string, field: 'idNumber' | 'phone' | 'healthNotes' | 'family', reason: string) {
  return ctx.db.tx(async (db) => {
    const r = await residentRowById(db, ctx.scope, id);
    if (!r) throw notFound();
    const open = (v: string | null) => (v ? ctx.keys.open(v) : null);
    const value =
      field === 'idNumber'
        ? open(r.idCipher)
        : field === 'phone'
          ? open(r.phoneCipher)
          : field === 'healthNotes'
            ? open(r.healthCipher)
            : openFamily(ctx.keys, r.familyCipher);
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'resident.reveal',
        targetType: 'resident',
        targetId: id,
        areaCode: r.areaCode,
        after: { field, reason, name: r.name },
      }),
    );
    return { field, value };
  });
}
