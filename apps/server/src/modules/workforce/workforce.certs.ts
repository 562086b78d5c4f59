// A worker's certificates and titles: add (a repeated submit answers the first's row), edit
// with a version, remove; every change audited against the worker's area.
import {
  registrationCycle,
  type WorkerCertificate,
  type WorkerTitle,
  type workerCertificateBody,
  type workerCertificateUpdate,
  type workerTitleBody,
} from '@wushe/core';
import { uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { conflict, fieldError, notFound } from '../../http/errors.ts';
import {
  certificateById,
  certificateOfKind,
  certificatesOf,
  deleteCertificate,
  deleteTitle,
  insertCertificate,
  insertTitle,
  numberTaken,
  titlesOf,
  updateCertificate,
  type CertRow,
} from './workforce.certs.repo.ts';
import { workerById } from './workforce.repo.ts';
import { todayOf } from './workforce.service.ts';

type WCtx = Pick<Ctx, 'db' | 'scope' | 'now' | 'actor' | 'ip'>;

const toCert = ({ areaCode: _a, ...c }: CertRow, today: string): WorkerCertificate => ({
  ...(c as Omit<CertRow, 'areaCode' | 'kind'> & { kind: WorkerCertificate['kind'] }),
  cycle: c.registeredOn ? registrationCycle(c.registeredOn, today) : null,
});

async function workerIn(db: Db, ctx: WCtx, id: string) {
  const w = await workerById(db, ctx.scope, id, todayOf(ctx));
  if (!w) throw notFound();
  return w;
}

function checkDates(ctx: WCtx, obtainedOn: string, registeredOn: string | null | undefined) {
  if (obtainedOn > todayOf(ctx)) throw fieldError('obtainedOn', 'workforce.futureDate');
  if (registeredOn && registeredOn < obtainedOn) throw fieldError('registeredOn', 'workforce.registeredBeforeObtained');
}

export async function listCertificates(ctx: WCtx, workerId: string) {
  return ctx.db.run(async (db) => {
    await workerIn(db, ctx, workerId);
    return (await certificatesOf(db, ctx.scope, workerId)).map((c) => toCert(c, todayOf(ctx)));
  });
}

export async function addCertificate(ctx: WCtx, workerId: string, b: z.output<typeof workerCertificateBody>): Promise<WorkerCertificate> {
  return ctx.db.tx(async (db) => {
    const w = await workerIn(db, ctx, workerId);
    checkDates(ctx, b.obtainedOn, b.registeredOn);
    const held = await certificateOfKind(db, workerId, b.kind);
    if (held) {
      const same = held.number === (b.number ?? null) && held.obtainedOn === b.obtainedOn && held.registeredOn === (b.registeredOn ?? null);
      if (same) return toCert(held, todayOf(ctx)); // a repeated submit
      throw fieldError('kind', 'workforce.certKindHeld');
    }
    if (b.number && (await numberTaken(db, b.kind, b.number, null))) throw fieldError('number', 'workforce.certNumberTaken');
    const id = uuidv7();
    await insertCertificate(db, {
      id,
      workerId,
      areaCode: w.areaCode,
      kind: b.kind,
      number: b.number ?? null,
      obtainedOn: b.obtainedOn,
      registeredOn: b.registeredOn ?? null,
    });
    const cert = toCert((await certificateById(db, ctx.scope, workerId, id))!, todayOf(ctx));
    await appendAudit(
      db,
      byActor(ctx, { action: 'worker.certificate.add', targetType: 'worker', targetId: workerId, areaCode: w.areaCode, after: cert }),
    );
    return cert;
  });
}

export async function editCertificate(
  ctx: WCtx,
  workerId: string,
  certId: string,
  b: z.output<typeof workerCertificateUpdate>,
): Promise<WorkerCertificate> {
  return ctx.db.tx(async (db) => {
    const before = await certificateById(db, ctx.scope, workerId, certId);
    if (!before) throw notFound();
    const { version, ...changes } = b;
    checkDates(
      ctx,
      changes.obtainedOn ?? before.obtainedOn,
      changes.registeredOn === undefined ? before.registeredOn : changes.registeredOn,
    );
    const kind = changes.kind ?? before.kind;
    if (kind !== before.kind && (await certificateOfKind(db, workerId, kind))) throw fieldError('kind', 'workforce.certKindHeld');
    const number = changes.number === undefined ? before.number : changes.number;
    if (number && (await numberTaken(db, kind, number, certId))) throw fieldError('number', 'workforce.certNumberTaken');
    if (!(await updateCertificate(db, ctx.scope, certId, version, changes))) throw conflict();
    const after = toCert((await certificateById(db, ctx.scope, workerId, certId))!, todayOf(ctx));
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'worker.certificate.update',
        targetType: 'worker',
        targetId: workerId,
        areaCode: before.areaCode,
        before,
        after,
      }),
    );
    return after;
  });
}

export async function removeCertificate(ctx: WCtx, workerId: string, certId: string, version: number) {
  return ctx.db.tx(async (db) => {
    const before = await certificateById(db, ctx.scope, workerId, certId);
    if (!before) throw notFound();
    if (!(await deleteCertificate(db, ctx.scope, certId, version))) throw conflict();
    await appendAudit(
      db,
      byActor(ctx, { action: 'worker.certificate.remove', targetType: 'worker', targetId: workerId, areaCode: before.areaCode, before }),
    );
    return { ok: true as const };
  });
}

export async function listTitles(ctx: WCtx, workerId: string) {
  return ctx.db.run(async (db) => {
    await workerIn(db, ctx, workerId);
    return (await titlesOf(db, ctx.scope, workerId)) as WorkerTitle[];
  });
}

export async function addTitle(ctx: WCtx, workerId: string, b: z.output<typeof workerTitleBody>): Promise<WorkerTitle> {
  return ctx.db.tx(async (db) => {
    const w = await workerIn(db, ctx, workerId);
    const { row, created } = await insertTitle(db, { id: uuidv7(), workerId, areaCode: w.areaCode, ...b });
    if (created)
      await appendAudit(
        db,
        byActor(ctx, { action: 'worker.title.add', targetType: 'worker', targetId: workerId, areaCode: w.areaCode, after: row }),
      );
    return row as WorkerTitle;
  });
}

export async function removeTitle(ctx: WCtx, workerId: string, titleId: string) {
  return ctx.db.tx(async (db) => {
    const w = await workerIn(db, ctx, workerId);
    const before = await deleteTitle(db, ctx.scope, workerId, titleId);
    if (!before) throw notFound();
    await appendAudit(
      db,
      byActor(ctx, { action: 'worker.title.remove', targetType: 'worker', targetId: workerId, areaCode: w.areaCode, before }),
    );
    return { ok: true as const };
  });
}
