// The workforce register's workers: find (name or ID tail), one entry with its certificates
// and titles, register and edit (ID number and mobile sealed, masked, blind-indexed as the
// residents register), leave, reveal (audited), and linking an entry to a staff account.
import {
  narrowScope,
  registrationCycle,
  shanghaiToday,
  yearsSince,
  type Worker,
  type WorkerCreateBody,
  type WorkerDetail,
  type workerListQuery,
  type workerUpdateBody,
} from '@wushe/core';
import { idTailBlindIndex, phoneBlindIndex, sealIdentity, sealPhone, uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { isUniqueViolation } from '../../http/db-errors.ts';
import { conflict, fieldError, notFound } from '../../http/errors.ts';
import { areaByCode } from '../areas/areas.repo.ts';
import { certificatesOf, titlesOf } from './workforce.certs.repo.ts';
import {
  insertWorker,
  listWorkers,
  orgInScope,
  unlinkedByIdHash,
  updateWorker,
  userInScope,
  workerById,
  workerIdOfUser,
  workerSecrets,
  type WorkerColumns,
  type WorkerFilter,
  type WorkerRow,
} from './workforce.repo.ts';

export type WorkerListInput = z.output<typeof workerListQuery>;
type WCtx = Pick<Ctx, 'db' | 'scope' | 'keys' | 'now' | 'actor' | 'ip'>;

export const todayOf = (ctx: Pick<Ctx, 'now'>) => shanghaiToday(ctx.now);

export function toWorker(r: WorkerRow, today: string): Worker {
  return {
    ...r,
    yearsInField: r.startedInFieldOn ? yearsSince(r.startedInFieldOn, today) : null,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

export function workerFilter(ctx: WCtx, q: WorkerListInput, limit: number, offset: number): WorkerFilter | null {
  const prefix = narrowScope(ctx.scope, q.area);
  if (prefix === null) return null;
  const tail = q.q && /^\d{3}[\dXx]$/.test(q.q) ? idTailBlindIndex(ctx.keys, q.q.toUpperCase(), 4) : undefined;
  return { ...q, prefix, today: todayOf(ctx), tail4Hash: tail, limit, offset };
}

export async function findWorkers(ctx: WCtx, q: WorkerListInput) {
  const f = workerFilter(ctx, q, q.pageSize, (q.page - 1) * q.pageSize);
  if (!f) return { items: [], total: 0 };
  const page = await ctx.db.run((db) => listWorkers(db, f));
  return { items: page.items.map((w) => toWorker(w, f.today)), total: page.total };
}

export async function workerDetailIn(db: Db, ctx: WCtx, id: string): Promise<WorkerDetail | undefined> {
  const today = todayOf(ctx);
  const w = await workerById(db, ctx.scope, id, today);
  if (!w) return undefined;
  const [certs, titles] = await Promise.all([certificatesOf(db, ctx.scope, id), titlesOf(db, ctx.scope, id)]);
  return {
    ...toWorker(w, today),
    certificates: certs.map(({ areaCode: _a, ...c }) => ({
      ...(c as Omit<typeof c, 'kind'> & { kind: WorkerDetail['certificates'][number]['kind'] }),
      cycle: c.registeredOn ? registrationCycle(c.registeredOn, today) : null,
    })),
    titleRecords: titles as WorkerDetail['titleRecords'],
  };
}

export async function getWorker(ctx: WCtx, id: string): Promise<WorkerDetail> {
  const w = await ctx.db.run((db) => workerDetailIn(db, ctx, id));
  if (!w) throw notFound();
  return w;
}

/** The stored columns of a create or an edit: identity sealed, mobile sealed, org and area checked. */
async function columnsOf(db: Db, ctx: WCtx, b: Partial<WorkerCreateBody>): Promise<WorkerColumns> {
  const today = todayOf(ctx);
  const c: WorkerColumns = {};
  if (b.areaCode !== undefined) {
    if (!(await areaByCode(db, ctx.scope, b.areaCode))) throw fieldError('areaCode', 'workforce.area');
    c.area_code = b.areaCode;
  }
  if (b.orgId !== undefined) {
    if (b.orgId && !(await orgInScope(db, ctx.scope, b.orgId))) throw fieldError('orgId', 'workforce.org');
    c.org_id = b.orgId ?? null;
  }
  if (b.idNumber !== undefined) {
    if (b.idNumber) {
      const sealed = sealIdentity(ctx.keys, 'resident_id', b.idNumber, today);
      if (!sealed.ok) throw fieldError('idNumber', sealed.problem.key as never, sealed.problem.params);
      const v = sealed.value;
      Object.assign(c, { id_cipher: v.idCipher, id_hash: v.idHash, id_masked: v.idMasked, id_tail4_hash: v.idTail4Hash });
      if (!b.birthDate && v.birthDate) c.birth_date = v.birthDate;
      if (!b.gender && v.sex) c.gender = v.sex;
    } else Object.assign(c, { id_cipher: null, id_hash: null, id_masked: null, id_tail4_hash: null });
  }
  if (b.mobile !== undefined) {
    const p = sealPhone(ctx.keys, b.mobile);
    Object.assign(c, { mobile_cipher: p.phoneCipher, mobile_hash: p.phoneHash, mobile_masked: p.phoneMasked });
  }
  if (b.startedInFieldOn && b.startedInFieldOn > today) throw fieldError('startedInFieldOn', 'workforce.futureDate');
  if (b.birthDate && b.birthDate > today) throw fieldError('birthDate', 'workforce.futureDate');
  const plain = { name: 'name', gender: 'gender', birthDate: 'birth_date', post: 'post', education: 'education', major: 'major' } as const;
  for (const [k, col] of Object.entries(plain)) {
    const v = b[k as keyof typeof plain];
    if (v !== undefined) (c as Record<string, unknown>)[col] = v;
  }
  if (b.startedInFieldOn !== undefined) c.started_in_field_on = b.startedInFieldOn;
  if (b.fields !== undefined) c.fields = b.fields;
  if (b.languages !== undefined) c.languages = b.languages;
  return c;
}

const idTaken = (e: unknown) => {
  if (isUniqueViolation(e)) throw fieldError('idNumber', 'workforce.idTaken');
  throw e;
};

export async function createWorker(ctx: WCtx, body: WorkerCreateBody): Promise<WorkerDetail> {
  return ctx.db.tx((db) => createWorkerIn(db, ctx, body)).catch(idTaken);
}

/** Registers a worker inside the caller's transaction (a hire added from jobs uses it too). */
export async function createWorkerIn(db: Db, ctx: WCtx, body: WorkerCreateBody): Promise<WorkerDetail> {
  const id = body.requestId ?? uuidv7();
  const existing = await workerDetailIn(db, ctx, id);
  if (existing) return existing; // a repeated submit: the entry the first one made
  if (!(await insertWorker(db, id, await columnsOf(db, ctx, body)))) throw conflict();
  const w = (await workerDetailIn(db, ctx, id))!;
  await appendAudit(db, byActor(ctx, { action: 'worker.create', targetType: 'worker', targetId: id, areaCode: w.areaCode, after: w }));
  return w;
}

export async function updateWorkerById(ctx: WCtx, id: string, body: z.output<typeof workerUpdateBody>): Promise<WorkerDetail> {
  return ctx.db
    .tx(async (db) => {
      const before = await workerDetailIn(db, ctx, id);
      if (!before) throw notFound();
      const { version, ...changes } = body;
      const c = await columnsOf(db, ctx, changes);
      const start = changes.startedInFieldOn ?? before.startedInFieldOn;
      if (before.leftOn && start && before.leftOn < start) throw fieldError('startedInFieldOn', 'workforce.leftBeforeStart');
      if (!(await updateWorker(db, ctx.scope, id, version, c))) throw conflict();
      const after = (await workerDetailIn(db, ctx, id))!;
      await appendAudit(
        db,
        byActor(ctx, { action: 'worker.update', targetType: 'worker', targetId: id, areaCode: after.areaCode, before, after }),
      );
      return after;
    })
    .catch(idTaken);
}

export async function leaveWorker(ctx: WCtx, id: string, leftOn: string, version: number): Promise<WorkerDetail> {
  return ctx.db.tx(async (db) => {
    const before = await workerDetailIn(db, ctx, id);
    if (!before) throw notFound();
    if (before.status === 'left') throw conflict();
    if (leftOn > todayOf(ctx)) throw fieldError('leftOn', 'workforce.futureDate');
    if (before.startedInFieldOn && leftOn < before.startedInFieldOn) throw fieldError('leftOn', 'workforce.leftBeforeStart');
    if (!(await updateWorker(db, ctx.scope, id, version, { status: 'left', left_on: leftOn }))) throw conflict();
    const after = (await workerDetailIn(db, ctx, id))!;
    await appendAudit(
      db,
      byActor(ctx, { action: 'worker.leave', targetType: 'worker', targetId: id, areaCode: after.areaCode, before, after }),
    );
    return after;
  });
}

/** One sealed value in clear, for one view; audited with the reason, never the value. */
export async function revealWorker(ctx: WCtx, id: string, field: 'idNumber' | 'mobile', reason: string) {
  return ctx.db.tx(async (db) => {
    const s = await workerSecrets(db, ctx.scope, id);
    if (!s) throw notFound();
    const sealed = field === 'idNumber' ? s.idCipher : s.mobileCipher;
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'worker.reveal',
        targetType: 'worker',
        targetId: id,
        areaCode: s.areaCode,
        after: { field, reason, name: s.name },
      }),
    );
    return { field, value: sealed ? ctx.keys.open(sealed) : null };
  });
}

/** A head or admin links an entry to a staff account in the scope, or unlinks it (userId null). */
export async function linkWorker(ctx: WCtx, id: string, userId: string | null, version: number): Promise<WorkerDetail> {
  return ctx.db
    .tx(async (db) => {
      const before = await workerDetailIn(db, ctx, id);
      if (!before) throw notFound();
      if (userId && !(await userInScope(db, ctx.scope, userId))) throw fieldError('userId', 'workforce.userUnknown');
      if (userId && (await workerIdOfUser(db, userId))) throw fieldError('userId', 'workforce.userLinked');
      if (!(await updateWorker(db, ctx.scope, id, version, { user_id: userId }))) throw conflict();
      const after = (await workerDetailIn(db, ctx, id))!;
      const action = userId ? 'worker.link' : 'worker.unlink';
      await appendAudit(db, byActor(ctx, { action, targetType: 'worker', targetId: id, areaCode: after.areaCode, before, after }));
      return after;
    })
    .catch((e) => {
      if (isUniqueViolation(e)) throw fieldError('userId', 'workforce.userLinked');
      throw e;
    });
}

/** The caller's own entry (any staff account; 404 when none is linked). */
export async function myWorker(ctx: WCtx): Promise<WorkerDetail> {
  return ctx.db.run(async (db) => {
    const mine = await workerIdOfUser(db, ctx.actor.id);
    const w = mine && (await workerDetailIn(db, ctx, mine.id));
    if (!w) throw notFound();
    return w;
  });
}

/**
 * A staff user claims their entry: the ID number they give must match an unlinked entry in
 * their scope, whose name is their account's name or whose mobile is their account's phone.
 */
export async function claimWorker(ctx: WCtx, idNumber: string): Promise<WorkerDetail> {
  return ctx.db.tx(async (db) => {
    if (await workerIdOfUser(db, ctx.actor.id)) throw fieldError('idNumber', 'workforce.userLinked');
    const sealed = sealIdentity(ctx.keys, 'resident_id', idNumber, todayOf(ctx));
    if (!sealed.ok) throw fieldError('idNumber', sealed.problem.key as never, sealed.problem.params);
    const entry = await unlinkedByIdHash(db, ctx.scope, sealed.value.idHash);
    const me = await userInScope(db, ctx.scope, ctx.actor.id);
    const matches =
      entry && me && (entry.name === me.displayName || (me.phone && entry.mobileHash === phoneBlindIndex(ctx.keys, me.phone)));
    if (!entry || !matches) throw fieldError('idNumber', 'workforce.noMatch');
    if (!(await updateWorker(db, ctx.scope, entry.id, entry.version, { user_id: ctx.actor.id }))) throw conflict();
    const after = (await workerDetailIn(db, ctx, entry.id))!;
    await appendAudit(
      db,
      byActor(ctx, { action: 'worker.claim', targetType: 'worker', targetId: entry.id, areaCode: after.areaCode, after }),
    );
    return after;
  });
}
