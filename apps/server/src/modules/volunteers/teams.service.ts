// Volunteer teams (志愿服务队): a station's teams with leaders and members. Members are volunteers
// of the register in the caller's scope; the member rows keep the name and number, so the team
// reads without the register.
import { narrowScope, shanghaiToday, type TeamDetail, type teamBody, type teamListQuery, type teamUpdateBody } from '@wushe/core';
import { uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { isUniqueViolation } from '../../http/db-errors.ts';
import { conflict, fieldError, notFound } from '../../http/errors.ts';
import { areaLevel, volunteerById } from './volunteers.repo.ts';
import { deleteMember, insertTeam, listTeams, membersOf, teamById, updateTeam, upsertMember } from './teams.repo.ts';

type TCtx = Pick<Ctx, 'db' | 'scope' | 'now' | 'actor' | 'ip'>;

const nameTaken = (e: unknown): never => {
  if (isUniqueViolation(e)) throw fieldError('name', 'team.nameTaken');
  throw e;
};

export async function findTeams(ctx: TCtx, q: z.output<typeof teamListQuery>) {
  const prefix = narrowScope(ctx.scope, q.area);
  if (prefix === null) return { items: [], total: 0 };
  return ctx.db.run((db) => listTeams(db, { ...q, prefix, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }));
}

async function detailIn(db: Db, scope: string, id: string): Promise<TeamDetail | undefined> {
  const t = await teamById(db, scope, id);
  return t && { ...t, memberList: await membersOf(db, id) };
}

export async function getTeam(ctx: TCtx, id: string): Promise<TeamDetail> {
  const t = await ctx.db.run((db) => detailIn(db, ctx.scope, id));
  if (!t) throw notFound();
  return t;
}

export async function createTeam(ctx: TCtx, b: z.output<typeof teamBody>): Promise<TeamDetail> {
  return ctx.db
    .tx(async (db) => {
      if (!(await areaLevel(db, ctx.scope, b.areaCode))) throw fieldError('areaCode', 'volunteer.area');
      const id = uuidv7();
      await insertTeam(db, { id, areaCode: b.areaCode, name: b.name, description: b.description ?? null, createdBy: ctx.actor.id });
      const after = (await detailIn(db, ctx.scope, id))!;
      await appendAudit(db, byActor(ctx, { action: 'team.create', targetType: 'team', targetId: id, areaCode: b.areaCode, after }));
      return after;
    })
    .catch(nameTaken);
}

export async function updateTeamById(ctx: TCtx, id: string, b: z.output<typeof teamUpdateBody>): Promise<TeamDetail> {
  return ctx.db
    .tx(async (db) => {
      const before = await teamById(db, ctx.scope, id);
      if (!before) throw notFound();
      const { version, ...changes } = b;
      if (!(await updateTeam(db, ctx.scope, id, version, changes))) throw conflict();
      const after = (await detailIn(db, ctx.scope, id))!;
      await appendAudit(
        db,
        byActor(ctx, { action: 'team.update', targetType: 'team', targetId: id, areaCode: after.areaCode, before, after }),
      );
      return after;
    })
    .catch(nameTaken);
}

/** Adds a volunteer of the scope to a team (or sets their role), inside the caller's transaction. */
export async function addMember(db: Db, ctx: TCtx, teamId: string, volunteerId: string, role: 'leader' | 'member') {
  const team = await teamById(db, ctx.scope, teamId);
  if (!team) throw fieldError('teamIds', 'error.notFound');
  const v = await volunteerById(db, ctx.scope, volunteerId);
  if (!v || v.status === 'left') throw fieldError('volunteerId', 'volunteer.unknown');
  const added = await upsertMember(db, {
    id: uuidv7(),
    teamId,
    areaCode: team.areaCode,
    volunteerId,
    name: v.name,
    no: v.volunteerNo,
    role,
    joinedOn: shanghaiToday(ctx.now),
  });
  await appendAudit(
    db,
    byActor(ctx, {
      action: added ? 'team.addMember' : 'team.setRole',
      targetType: 'team',
      targetId: teamId,
      areaCode: team.areaCode,
      after: { volunteerId, name: v.name, role },
    }),
  );
}

export async function addTeamMember(ctx: TCtx, teamId: string, volunteerId: string, role: 'leader' | 'member') {
  return ctx.db.tx(async (db) => {
    await addMember(db, ctx, teamId, volunteerId, role);
    return (await detailIn(db, ctx.scope, teamId))!;
  });
}

export async function removeTeamMember(ctx: TCtx, teamId: string, volunteerId: string) {
  return ctx.db.tx(async (db) => {
    const team = await teamById(db, ctx.scope, teamId);
    if (!team || !(await deleteMember(db, ctx.scope, teamId, volunteerId))) throw notFound();
    await appendAudit(
      db,
      byActor(ctx, { action: 'team.removeMember', targetType: 'team', targetId: teamId, areaCode: team.areaCode, after: { volunteerId } }),
    );
    return (await detailIn(db, ctx.scope, teamId))!;
  });
}
