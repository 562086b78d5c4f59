// Applications to a programme: a staff worker applies, an organisation's head nominates, a
// public account applies; reviewers pass or reject at each deciding stage (a rejection needs
// its reason, which the applicant sees); written scores by grid; the panel's own scores and,
// for the officials, the mean, spread and who has not scored (packages/core rubric).
import {
  areaPrefix,
  checkEligibility,
  DECIDING_STAGES,
  rankBy,
  rubricTotal,
  shanghaiToday,
  summariseScores,
  yearsSince,
  type Application,
  type applicationListQuery,
  type decisionBody,
  type nominateBody,
  type panelScoreBody,
  type publicApplyBody,
  type selfApplyBody,
  type writtenScoresBody,
} from '@wushe/core';
import { uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, conflict, fieldError, forbidden, notFound } from '../../http/errors.ts';
import { workerById, workerIdOfUser } from '../workforce/workforce.repo.ts';
import {
  applicationById,
  applicationsOfPerson,
  decideApplication,
  existingApplication,
  insertApplication,
  listApplications,
  myScores,
  setWrittenScore,
  upsertScore,
  type ApplicationRow,
} from './applications.repo.ts';
import { illegal, ownProgramme, recordDecision } from './programmes.service.ts';
import { isPanelist, programmeById, type ProgrammeRow } from './programmes.repo.ts';

type ACtx = Pick<Ctx, 'db' | 'database' | 'scope' | 'actor' | 'ip' | 'now' | 'account' | 'installation'>;

/** An application with its eligibility and (with a panel) the panel summary; `ranks` by panel mean. */
export function toApplication(r: ApplicationRow, p: ProgrammeRow, today: string, rank: number | null = null): Application {
  const person = r.workerId ? { level: r.level, yearsInField: r.startedInFieldOn ? yearsSince(r.startedInFieldOn, today) : null } : null;
  const names = new Map(p.panel.map((m) => [m.userId, m.name]));
  const s = p.stages.includes('panel')
    ? summariseScores(
        p.panel.map((m) => m.userId),
        new Map(r.scores.map((x) => [x.userId, x.total])),
      )
    : null;
  return {
    id: r.id,
    programmeId: r.programmeId,
    areaCode: r.areaCode,
    workerId: r.workerId,
    name: r.name,
    orgName: r.orgName,
    route: r.route,
    nominatedByName: r.nominatedByName,
    statement: r.statement,
    status: r.status as Application['status'],
    stage: r.stage as Application['stage'],
    passedStage: r.passedStage as Application['passedStage'],
    reason: r.reason,
    writtenScore: r.writtenScore,
    eligibility: checkEligibility(p.criteria as { minLevel?: string; minYears?: number }, person),
    panel: s && { ...s, missing: s.missing.map((u) => ({ userId: u, name: names.get(u) ?? '' })), rank },
    version: r.version,
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

export async function findApplications(ctx: ACtx, id: string, q: z.output<typeof applicationListQuery>) {
  return ctx.db.run(async (db) => {
    const p = await ownProgramme(db, ctx, id);
    const all = await listApplications(db, { scope: ctx.scope, programmeId: id, q: q.q, status: q.status, sort: q.sort });
    const today = shanghaiToday(ctx.now);
    let items = all.items.map((r) => toApplication(r, p, today));
    if (p.stages.includes('panel')) {
      const ranked = new Map(rankBy(items, (a) => a.panel?.mean ?? null).map((a) => [a.id, a.rank]));
      items = items.map((a) => ({ ...a, panel: a.panel && { ...a.panel, rank: ranked.get(a.id) ?? null } }));
      if (q.sort === '-panelMean') items.sort((a, b) => (b.panel?.mean ?? -1) - (a.panel?.mean ?? -1));
    }
    return { items: items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: items.length };
  });
}

/** The programme as an applicant sees it: visible from their area, taking applications. */
async function openProgramme(ctx: ACtx, scope: string, id: string): Promise<ProgrammeRow> {
  const p = await ctx.database.owner((db) => programmeById(db, scope, id, false));
  if (!p) throw notFound();
  if (p.stage !== 'apply') throw illegal();
  return p;
}

async function made(db: Db, scope: string, p: ProgrammeRow, id: string, today: string) {
  return toApplication((await applicationById(db, scope, p.id, id))!, p, today);
}

async function applyAs(
  ctx: ACtx,
  p: ProgrammeRow,
  scope: string,
  row: Record<string, unknown> & { id: string; areaCode: string },
  by: { workerId?: string; accountId?: string },
) {
  const today = shanghaiToday(ctx.now);
  return ctx.database.tx(scope, async (db) => {
    const again = await existingApplication(db, p.id, by);
    if (again) {
      if (again.id !== row.id && !row.requestId) throw fieldError('programmeId', 'programme.applied');
      return made(db, areaPrefix(again.areaCode), p, again.id, today);
    }
    if (!(await insertApplication(db, { ...row, programmeId: p.id }))) throw conflict();
    await recordDecision(db, { ...ctx, actor: ctx.actor ?? { id: null, username: row.name } } as never, {
      programmeId: p.id,
      areaCode: row.areaCode,
      applicationId: row.id,
      action: row.route === 'nominated' ? 'nominate' : 'apply',
      toStage: 'apply',
    });
    const a = await made(db, scope, p, row.id, today);
    const actor = ctx.actor
      ? byActor(ctx, { action: 'programme.apply', targetType: 'programme_application', targetId: row.id, areaCode: row.areaCode, after: a })
      : {
          actorId: ctx.account!.id,
          actorName: `公众 ${ctx.account!.mobileMasked}`,
          ip: ctx.ip,
          action: 'programme.apply',
          targetType: 'programme_application',
          targetId: row.id,
          areaCode: row.areaCode,
          after: a,
        };
    await appendAudit(db, actor);
    return a;
  });
}

/** A staff user linked to a register entry applies for themselves. */
export async function selfApply(ctx: ACtx, id: string, body: z.output<typeof selfApplyBody>): Promise<Application> {
  const p = await openProgramme(ctx, ctx.scope, id);
  const mine = await ctx.database.owner((db) => workerIdOfUser(db, ctx.actor.id));
  if (!mine) throw fieldError('programmeId', 'programme.noWorker');
  const scope = areaPrefix(mine.areaCode);
  const w = (await ctx.database.run(scope, (db) => workerById(db, scope, mine.id, shanghaiToday(ctx.now))))!;
  const appId = body.requestId ?? uuidv7();
  const row = { id: appId, requestId: body.requestId, areaCode: w.areaCode, workerId: w.id, userId: ctx.actor.id, name: w.name };
  return applyAs(ctx, p, scope, { ...row, orgName: w.orgName, route: 'self', statement: body.statement }, { workerId: w.id });
}

/** An organisation's head nominates a worker of their register. */
export async function nominate(ctx: ACtx, id: string, body: z.output<typeof nominateBody>): Promise<Application> {
  const p = await openProgramme(ctx, ctx.scope, id);
  const w = await ctx.db.run((db) => workerById(db, ctx.scope, body.workerId, shanghaiToday(ctx.now)));
  if (!w || w.status !== 'active') throw fieldError('workerId', 'programme.worker');
  const row = {
    id: body.requestId ?? uuidv7(),
    requestId: body.requestId,
    areaCode: w.areaCode,
    workerId: w.id,
    userId: w.userId,
    name: w.name,
  };
  const full = { ...row, orgName: w.orgName, route: 'nominated', nominatedBy: ctx.actor.id, statement: body.statement };
  return applyAs(ctx, p, ctx.scope, full, { workerId: w.id });
}

/** A public account applies (no register entry: eligibility is shown as unknown to the reviewer). */
export async function publicApply(ctx: ACtx, id: string, body: z.output<typeof publicApplyBody>): Promise<Application> {
  const p = await openProgramme(ctx, '', id);
  const a = ctx.account!;
  const row = {
    id: uuidv7(),
    areaCode: p.areaCode,
    publicAccountId: a.id,
    name: a.name,
    orgName: body.orgName,
    route: 'self',
    statement: body.statement,
  };
  return applyAs({ ...ctx, actor: undefined as never }, p, areaPrefix(p.areaCode), row, { accountId: a.id });
}

/** Pass or reject at the programme's deciding stage; the reason is recorded and shown to the applicant. */
export async function decide(ctx: ACtx, id: string, appId: string, body: z.output<typeof decisionBody>): Promise<Application> {
  return ctx.db.tx(async (db) => {
    const p = await ownProgramme(db, ctx, id);
    const a = await applicationById(db, ctx.scope, id, appId);
    if (!a) throw notFound();
    const stage = p.stage as (typeof DECIDING_STAGES)[number];
    if (!DECIDING_STAGES.includes(stage) || a.status !== 'active') throw illegal();
    if (body.decision === 'pass' && a.passedStage === stage) return toApplication(a, p, shanghaiToday(ctx.now));
    const c =
      body.decision === 'pass'
        ? { status: 'active', passedStage: stage, reason: null }
        : { status: 'rejected', passedStage: a.passedStage, reason: body.reason ?? null };
    if (!(await decideApplication(db, ctx.scope, appId, body.version, c))) throw conflict();
    await recordDecision(db, ctx, {
      programmeId: id,
      areaCode: a.areaCode,
      applicationId: appId,
      action: body.decision,
      fromStage: stage,
      reason: c.reason,
    });
    const after = await made(db, ctx.scope, p, appId, shanghaiToday(ctx.now));
    await appendAudit(
      db,
      byActor(ctx, {
        action: `programme.${body.decision}`,
        targetType: 'programme_application',
        targetId: appId,
        areaCode: a.areaCode,
        before: { status: a.status, passedStage: a.passedStage },
        after: { status: after.status, stage, reason: c.reason },
      }),
    );
    return after;
  });
}

/** Written-test scores from the grid (or an imported sheet): the written stage only. */
export async function saveWrittenScores(ctx: ACtx, id: string, body: z.output<typeof writtenScoresBody>) {
  return ctx.db.tx(async (db) => {
    const p = await ownProgramme(db, ctx, id);
    if (p.stage !== 'written') throw illegal();
    const missing = [];
    for (const [i, s] of body.scores.entries()) if (!(await setWrittenScore(db, ctx.scope, id, s.applicationId, s.score))) missing.push(i);
    if (missing.length) throw fieldError(`scores.${missing[0]}.applicationId`, 'programme.application');
    await appendAudit(
      db,
      byActor(ctx, { action: 'programme.written', targetType: 'programme', targetId: id, areaCode: p.areaCode, after: body.scores }),
    );
    return { saved: body.scores.length, unmatched: [] };
  });
}

/** The panelist's own view: the applicants with their own scores only. Read in the programme's scope. */
export async function myPanel(ctx: ACtx, id: string) {
  const p = await ctx.database.owner((db) => programmeById(db, ctx.scope, id, false));
  if (!p) throw notFound();
  if (!(await ctx.database.owner((db) => isPanelist(db, id, ctx.actor.id)))) throw forbidden('programme.notPanelist');
  const items = await ctx.database.run(areaPrefix(p.areaCode), (db) => myScores(db, id, ctx.actor.id));
  return { programmeId: id, title: p.title, rubric: p.rubric, closed: p.panelClosed || p.stage !== 'panel', items };
}

export async function scoreApplication(ctx: ACtx, id: string, appId: string, body: z.output<typeof panelScoreBody>) {
  const p = await ctx.database.owner((db) => programmeById(db, ctx.scope, id, false));
  if (!p) throw notFound();
  if (!(await ctx.database.owner((db) => isPanelist(db, id, ctx.actor.id)))) throw forbidden('programme.notPanelist');
  if (p.stage !== 'panel' || p.panelClosed) throw new AppError(409, 'programme.panelClosed');
  const total = rubricTotal(p.rubric, body.scores);
  if (total === null) throw fieldError('scores', 'programme.rubricScores');
  const scope = areaPrefix(p.areaCode);
  return ctx.database.tx(scope, async (db) => {
    const a = await applicationById(db, scope, id, appId);
    if (!a || a.status !== 'active') throw notFound();
    const scores = Object.fromEntries(p.rubric.map((c) => [c.key, body.scores[c.key]!]));
    await upsertScore(db, { applicationId: appId, userId: ctx.actor.id, areaCode: a.areaCode, scores, total });
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'programme.score',
        targetType: 'programme_application',
        targetId: appId,
        areaCode: a.areaCode,
        after: { scores, total },
      }),
    );
    return { applicationId: appId, name: a.name, orgName: a.orgName, scores, total };
  });
}

/** The applicant's own applications: the stage reached and, when rejected, the reason. */
export async function myApplications(ctx: ACtx, by: { userId?: string; accountId?: string }) {
  const list = await ctx.database.owner(async (db) => {
    const w = by.userId ? await workerIdOfUser(db, by.userId) : undefined;
    return applicationsOfPerson(db, { ...by, workerId: w?.id ?? null });
  });
  return list.map((x) => ({ ...x, createdAt: new Date(x.createdAt as string).toISOString() }));
}
