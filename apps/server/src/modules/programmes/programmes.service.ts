// Programmes and awards: open one, list and read them, move the stages (only to the next stage
// the programme chose; 409 otherwise, and while an applicant is undecided, more are selected than
// places, the 公示 runs or an objection is unanswered), set the panel. Every transition is
// recorded in programme_decisions with who made it, and audited.
import {
  areaPrefix,
  DECIDING_STAGES,
  narrowScope,
  nextStage,
  normaliseStages,
  publicityEnd,
  shanghaiToday,
  type Programme,
  type ProgrammeCreateBody,
  type ProgrammeStage,
  type advanceBody,
  type panelBody,
  type programmeListQuery,
} from '@wushe/core';
import { uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, conflict, fieldError, notFound } from '../../http/errors.ts';
import { areaByCode } from '../areas/areas.repo.ts';
import {
  decisionsOf,
  grantTitles,
  insertDecision,
  insertProgramme,
  listProgrammes,
  moveActive,
  programmeById,
  promoteApplicants,
  setPanel,
  undecidedCount,
  updateProgramme,
  usersInScope,
  type ProgrammeRow,
} from './programmes.repo.ts';

type PCtx = Pick<Ctx, 'db' | 'database' | 'scope' | 'actor' | 'ip' | 'now'>;
export const illegal = (key: 'programme.transition' | 'programme.stage' = 'programme.stage') => new AppError(409, key);

export function toProgramme(r: ProgrammeRow): Programme {
  return { ...r, createdAt: new Date(r.createdAt).toISOString() } as Programme;
}

export async function findProgrammes(ctx: PCtx, q: z.output<typeof programmeListQuery>) {
  const page = await ctx.database.owner((db) =>
    listProgrammes(db, { scope: ctx.scope, ...q, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
  );
  return { items: page.items.map(toProgramme), total: page.total };
}

/** A programme seen from the scope: its own officials', or one above (to apply or score). */
export async function getProgramme(ctx: PCtx, id: string): Promise<Programme> {
  const p = await ctx.database.owner((db) => programmeById(db, ctx.scope, id, false));
  if (!p) throw notFound();
  return toProgramme(p);
}

/** The programme as its officials hold it (its area within the scope), in the caller's transaction. */
export async function ownProgramme(db: Db, ctx: PCtx, id: string): Promise<ProgrammeRow> {
  const p = await programmeById(db, ctx.scope, id, true);
  if (!p) throw notFound();
  return p;
}

export const recordDecision = (db: Db, ctx: PCtx, d: { programmeId: string; areaCode: string } & Record<string, unknown>) =>
  insertDecision(db, { id: uuidv7(), byUser: ctx.actor.id, byName: ctx.actor.username, at: ctx.now, ...d });

export async function createProgramme(ctx: PCtx, body: ProgrammeCreateBody): Promise<Programme> {
  return ctx.db.tx(async (db) => {
    const id = body.requestId ?? uuidv7();
    const again = await programmeById(db, ctx.scope, id);
    if (again) return toProgramme(again);
    if (!narrowScope(ctx.scope, body.areaCode) || !(await areaByCode(db, ctx.scope, body.areaCode)))
      throw fieldError('areaCode', 'area.unknown');
    const stages = normaliseStages(body.stages);
    const row = { ...body, id, stages, rubric: stages.includes('panel') ? body.rubric : [], createdBy: ctx.actor.id };
    if (
      !(await insertProgramme(db, {
        ...row,
        description: body.description ?? null,
        titleKind: body.titleKind ?? null,
        endsOn: body.endsOn ?? null,
      }))
    )
      throw conflict();
    const p = (await programmeById(db, ctx.scope, id))!;
    await recordDecision(db, ctx, { programmeId: id, areaCode: p.areaCode, action: 'open', toStage: 'apply' });
    await appendAudit(
      db,
      byActor(ctx, { action: 'programme.create', targetType: 'programme', targetId: id, areaCode: p.areaCode, after: p }),
    );
    return toProgramme(p);
  });
}

/** Moves to the next stage; what the move does to the applicants depends on where it goes. */
export async function advanceProgramme(ctx: PCtx, id: string, body: z.output<typeof advanceBody>): Promise<Programme> {
  return ctx.db.tx(async (db) => {
    const p = await ownProgramme(db, ctx, id);
    const from = p.stage as ProgrammeStage;
    const stages = p.stages as ProgrammeStage[];
    if (nextStage(stages, from) !== body.to) throw illegal('programme.transition');
    if (p.version !== body.version) throw conflict();
    if (DECIDING_STAGES.includes(from) && (await undecidedCount(db, id, from)) > 0) throw new AppError(409, 'programme.undecided');
    const today = shanghaiToday(ctx.now);
    const changes: Record<string, unknown> = { stage: body.to };
    if (from === 'panel') changes.panelClosed = true;
    if (body.to === 'publicity') {
      if (p.counts.active > p.places) throw new AppError(409, 'programme.tooMany');
      await promoteApplicants(db, id, 'active', 'selected', 'publicity');
      Object.assign(changes, { publicityStart: today, publicityEnd: publicityEnd(today, p.publicityDays) });
    } else if (body.to === 'done') {
      if (p.publicityEnd && today <= p.publicityEnd) throw new AppError(409, 'programme.publicityRunning');
      if (p.openObjections > 0) throw new AppError(409, 'programme.objectionOpen');
      await promoteApplicants(db, id, 'selected', 'appointed', 'done');
    } else await moveActive(db, id, body.to);
    if (!(await updateProgramme(db, ctx.scope, id, body.version, changes))) throw conflict();
    let titles = 0;
    if (body.to === 'done' && p.titleKind) titles = await grantTitles(db, id, p.titleKind, p.year, p.areaName, () => uuidv7());
    await recordDecision(db, ctx, { programmeId: id, areaCode: p.areaCode, action: 'advance', fromStage: from, toStage: body.to });
    const after = (await programmeById(db, ctx.scope, id))!;
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'programme.advance',
        targetType: 'programme',
        targetId: id,
        areaCode: p.areaCode,
        before: { stage: from },
        after: { stage: body.to, titles },
      }),
    );
    return toProgramme(after);
  });
}

/** The panel: staff accounts within the programme's area; set before it closes. */
export async function setProgrammePanel(ctx: PCtx, id: string, body: z.output<typeof panelBody>): Promise<Programme> {
  return ctx.db.tx(async (db) => {
    const p = await ownProgramme(db, ctx, id);
    if (p.panelClosed || ['publicity', 'done'].includes(p.stage) || !p.stages.includes('panel')) throw illegal();
    const ids = [...new Set(body.userIds)];
    if ((await usersInScope(db, areaPrefix(p.areaCode), ids)).length !== ids.length) throw fieldError('userIds', 'programme.panelUser');
    if (!(await updateProgramme(db, ctx.scope, id, body.version, {}))) throw conflict();
    await setPanel(db, id, p.areaCode, ids);
    const after = (await programmeById(db, ctx.scope, id))!;
    await recordDecision(db, ctx, { programmeId: id, areaCode: p.areaCode, action: 'panel' });
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'programme.panel',
        targetType: 'programme',
        targetId: id,
        areaCode: p.areaCode,
        before: p.panel,
        after: after.panel,
      }),
    );
    return toProgramme(after);
  });
}

export async function programmeDecisions(ctx: PCtx, id: string) {
  return ctx.db.run(async (db) => {
    await ownProgramme(db, ctx, id);
    const list = await decisionsOf(db, ctx.scope, id);
    return list.map((d) => ({ ...d, at: new Date(d.at as string).toISOString() }));
  });
}
