// 公示 and what follows: the public notice (names and organisations of the selected only),
// objections lodged by a verified mobile or a public account while the 公示 runs, the
// officials' answers, and the appointees' training plans tracked to the programme's end.
import {
  areaPrefix,
  shanghaiToday,
  type accountObjectionBody,
  type answerBody,
  type planItemBody,
  type planItemUpdate,
  type publicObjectionBody,
} from '@wushe/core';
import { uuidv7 } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, conflict, fieldError, notFound } from '../../http/errors.ts';
import { verifyCode } from '../public-accounts/public-accounts.service.ts';
import {
  answerObjection,
  applicationById,
  insertObjection,
  insertPlanItem,
  objectionById,
  objectionsOf,
  planItemById,
  planOf,
  selectedOf,
  setHoursDone,
} from './applications.repo.ts';
import { listProgrammes, programmeById, type ProgrammeRow } from './programmes.repo.ts';
import { illegal, ownProgramme, recordDecision } from './programmes.service.ts';

const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null);
const objectionOut = (o: Record<string, unknown>) => ({ ...o, answeredAt: iso(o.answeredAt), createdAt: iso(o.createdAt)! });

/** Public: programmes taking applications or in 公示, installation-wide. */
export async function publicProgrammes(ctx: Ctx) {
  const page = await ctx.database.owner((db) => listProgrammes(db, { scope: '', limit: 100, offset: 0 }));
  return page.items
    .filter((p) => p.stage === 'apply' || p.stage === 'publicity')
    .map((p) => ({
      id: p.id,
      kind: p.kind,
      title: p.title,
      year: p.year,
      stage: p.stage as 'apply' | 'publicity',
      areaName: p.areaName,
      publicityEnd: p.publicityEnd,
    }));
}

async function publicRow(ctx: Ctx, id: string): Promise<ProgrammeRow> {
  const p = await ctx.database.owner((db) => programmeById(db, '', id, false));
  if (!p || (p.stage !== 'apply' && p.stage !== 'publicity')) throw notFound();
  return p;
}

/** The 公示 page: the selected names in full with their organisation, and nothing else of anyone. */
export async function publicProgramme(ctx: Ctx, id: string) {
  const p = await publicRow(ctx, id);
  const selected = p.stage === 'publicity' ? await ctx.database.owner((db) => selectedOf(db, id)) : [];
  return {
    id: p.id,
    kind: p.kind,
    title: p.title,
    year: p.year,
    stage: p.stage as 'apply' | 'publicity',
    areaName: p.areaName,
    description: p.description,
    places: p.places,
    publicityStart: p.publicityStart,
    publicityEnd: p.publicityEnd,
    ended: p.stage === 'publicity' && !!p.publicityEnd && shanghaiToday(ctx.now) > p.publicityEnd,
    selected,
  };
}

async function lodge(
  ctx: Ctx,
  id: string,
  applicationId: string | null | undefined,
  o: Record<string, unknown>,
  actor: { id: string | null; name: string },
) {
  const p = await publicRow(ctx, id);
  if (p.stage !== 'publicity') throw illegal();
  if (p.publicityEnd && shanghaiToday(ctx.now) > p.publicityEnd) throw new AppError(409, 'programme.publicityEnded');
  const scope = areaPrefix(p.areaCode);
  return ctx.database.tx(scope, async (db) => {
    if (applicationId) {
      const a = await applicationById(db, scope, id, applicationId);
      if (!a || a.status !== 'selected') throw fieldError('applicationId', 'programme.application');
    }
    const oid = uuidv7();
    await insertObjection(db, { ...o, id: oid, programmeId: id, applicationId, areaCode: p.areaCode, at: ctx.now });
    await appendAudit(db, {
      actorId: actor.id,
      actorName: actor.name,
      ip: ctx.ip,
      action: 'programme.objection',
      targetType: 'programme',
      targetId: id,
      areaCode: p.areaCode,
      after: { objection: oid, applicationId: applicationId ?? null },
    });
    return { id: oid, createdAt: ctx.now.toISOString() };
  });
}

/** An objection by name and a mobile verified with an SMS code (purpose 'objection'). */
export async function publicObjection(ctx: Ctx, id: string, body: z.output<typeof publicObjectionBody>) {
  await publicRow(ctx, id);
  const seal = await verifyCode(ctx, body.mobile, 'objection', body.code);
  if (!seal) throw new AppError(400, 'publicAccount.codeWrong', {}, [{ path: 'code', key: 'publicAccount.codeWrong' }]);
  const o = {
    name: body.name,
    text: body.text,
    mobileCipher: seal.phoneCipher,
    mobileHash: seal.phoneHash,
    mobileMasked: seal.phoneMasked,
  };
  return lodge(ctx, id, body.applicationId, o, { id: null, name: `公众 ${seal.phoneMasked}` });
}

/** An objection by a signed-in public account (its name; no mobile stored again). */
export async function accountObjection(ctx: Ctx, id: string, body: z.output<typeof accountObjectionBody>) {
  const a = ctx.account!;
  const o = { name: a.name, text: body.text, publicAccountId: a.id, mobileMasked: a.mobileMasked };
  return lodge(ctx, id, body.applicationId, o, { id: a.id, name: `公众 ${a.mobileMasked}` });
}

export async function listObjections(ctx: Ctx, id: string) {
  return ctx.db.run(async (db) => {
    await ownProgramme(db, ctx, id);
    return (await objectionsOf(db, ctx.scope, id)).map(objectionOut);
  });
}

export async function answer(ctx: Ctx, id: string, oid: string, body: z.output<typeof answerBody>) {
  return ctx.db.tx(async (db) => {
    const p = await ownProgramme(db, ctx, id);
    const o = await objectionById(db, ctx.scope, id, oid);
    if (!o) throw notFound();
    if (o.answer) throw new AppError(409, 'programme.answered');
    if (
      !(await answerObjection(db, ctx.scope, oid, {
        answer: body.answer,
        by: ctx.actor.id,
        byName: ctx.actor.displayName ?? ctx.actor.username,
        at: ctx.now,
      }))
    )
      throw conflict();
    await recordDecision(db, ctx, { programmeId: id, areaCode: p.areaCode, action: 'answer', reason: body.answer });
    const after = objectionOut((await objectionById(db, ctx.scope, id, oid))!);
    await appendAudit(db, byActor(ctx, { action: 'programme.answer', targetType: 'programme', targetId: id, areaCode: p.areaCode, after }));
    return after;
  });
}

/** The appointees and their training plans, with hours planned and done. */
export async function trainingPlan(ctx: Ctx, id: string) {
  return ctx.db.run(async (db) => {
    await ownProgramme(db, ctx, id);
    const [people, items] = await Promise.all([selectedOf(db, id), planOf(db, ctx.scope, id)]);
    return people.map((x) => {
      const mine = items.filter((i) => i.applicationId === x.id);
      const sum = (k: 'hours' | 'hoursDone') => Math.round(mine.reduce((s, i) => s + i[k], 0) * 10) / 10;
      return { applicationId: x.id, name: x.name, orgName: x.orgName, hours: sum('hours'), hoursDone: sum('hoursDone'), items: mine };
    });
  });
}

export async function addPlanItem(ctx: Ctx, id: string, appId: string, body: z.output<typeof planItemBody>) {
  return ctx.db.tx(async (db) => {
    const p = await ownProgramme(db, ctx, id);
    const a = await applicationById(db, ctx.scope, id, appId);
    if (!a) throw notFound();
    if (a.status !== 'appointed') throw illegal();
    if (body.dueOn && p.endsOn && body.dueOn > p.endsOn) throw fieldError('dueOn', 'programme.stage');
    const itemId = uuidv7();
    await insertPlanItem(db, { ...body, id: itemId, applicationId: appId, areaCode: a.areaCode });
    const item = (await planItemById(db, ctx.scope, id, itemId))!;
    await appendAudit(
      db,
      byActor(ctx, { action: 'programme.plan', targetType: 'programme_application', targetId: appId, areaCode: a.areaCode, after: item }),
    );
    return item;
  });
}

export async function updatePlanItem(ctx: Ctx, id: string, itemId: string, body: z.output<typeof planItemUpdate>) {
  return ctx.db.tx(async (db) => {
    const p = await ownProgramme(db, ctx, id);
    const before = await planItemById(db, ctx.scope, id, itemId);
    if (!before) throw notFound();
    if (!(await setHoursDone(db, ctx.scope, itemId, body.version, body.hoursDone))) throw conflict();
    const after = (await planItemById(db, ctx.scope, id, itemId))!;
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'programme.planHours',
        targetType: 'programme_application',
        targetId: before.applicationId,
        areaCode: p.areaCode,
        before,
        after,
      }),
    );
    return after;
  });
}
