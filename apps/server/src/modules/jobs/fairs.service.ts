// Job fairs (招聘会): a fair in an area with its time, place and organiser, the participating
// organisations in order and the posts each brings (posts of those organisations, in scope);
// status draft → published → ended. The public page shows published and ended fairs.
import { canMoveFair, narrowScope, type JobFair, type fairCreateBody, type fairListQuery, type fairUpdateBody } from '@wushe/core';
import { uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, conflict, fieldError, notFound } from '../../http/errors.ts';
import { areaByCode } from '../areas/areas.repo.ts';
import { fairById, fairLinkIds, fairOrgs, insertFair, linkable, listFairs, setFairLinks, updateFair, type FairRow } from './fairs.repo.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

export const toFairBase = <R extends FairRow>(f: R) => ({
  ...f,
  startsAt: iso(f.startsAt),
  endsAt: iso(f.endsAt),
  status: f.status as JobFair['status'],
});

export async function fairIn(db: Db, scope: string, id: string, publicOnly = false): Promise<JobFair> {
  const f = await fairById(db, scope, id);
  if (!f) throw notFound();
  const orgs = await fairOrgs(db, id, publicOnly);
  return { ...toFairBase(f), orgs: orgs as JobFair['orgs'] };
}

export async function findFairs(ctx: Ctx, q: z.output<typeof fairListQuery>) {
  const prefix = narrowScope(ctx.scope, undefined)!;
  const page = await ctx.db.run((db) =>
    listFairs(db, { prefix, q: q.q, status: q.status, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
  );
  return {
    items: page.items.map((f) => {
      const { description: _d, ...rest } = toFairBase(f);
      return rest;
    }),
    total: page.total,
  };
}

export const getFair = (ctx: Ctx, id: string) => ctx.db.run((db) => fairIn(db, ctx.scope, id));

/** Checks the links: organisations in scope, each post of a listed organisation and in scope. */
async function checkLinks(db: Db, ctx: Ctx, orgIds: string[], jobIds: string[]) {
  const orgs = [...new Set(orgIds)];
  const jobs = [...new Set(jobIds)];
  const found = await linkable(db, ctx.scope, orgs, jobs);
  if (found.orgs.length !== orgs.length) throw fieldError('orgIds', 'fair.org');
  if (found.jobs.length !== jobs.length || found.jobs.some((j) => !orgs.includes(j.orgId))) throw fieldError('jobIds', 'fair.job');
  return { orgs, jobs };
}

export async function createFair(ctx: Ctx, b: z.output<typeof fairCreateBody>): Promise<JobFair> {
  return ctx.db.tx(async (db) => {
    if (!(await areaByCode(db, ctx.scope, b.areaCode))) throw fieldError('areaCode', 'job.area');
    const links = await checkLinks(db, ctx, b.orgIds, b.jobIds);
    const id = uuidv7();
    await insertFair(db, {
      id,
      area_code: b.areaCode,
      title: b.title,
      description: b.description ?? null,
      starts_at: b.startsAt,
      ends_at: b.endsAt,
      place: b.place,
      organiser: b.organiser,
      created_by: ctx.actor.id,
    });
    await setFairLinks(db, id, b.areaCode, links.orgs, links.jobs);
    const after = await fairIn(db, ctx.scope, id);
    await appendAudit(db, byActor(ctx, { action: 'jobFair.create', targetType: 'job_fair', targetId: id, areaCode: b.areaCode, after }));
    return after;
  });
}

export async function updateFairById(ctx: Ctx, id: string, b: z.output<typeof fairUpdateBody>): Promise<JobFair> {
  return ctx.db.tx(async (db) => {
    const before = await fairIn(db, ctx.scope, id);
    const { version, orgIds, jobIds, ...changes } = b;
    if (changes.status && !canMoveFair(before.status, changes.status)) throw new AppError(409, 'fair.status');
    if (changes.areaCode && !(await areaByCode(db, ctx.scope, changes.areaCode))) throw fieldError('areaCode', 'job.area');
    const starts = changes.startsAt ?? before.startsAt;
    const ends = changes.endsAt ?? before.endsAt;
    if (new Date(starts) >= new Date(ends)) throw fieldError('endsAt', 'fair.times');
    if (!(await updateFair(db, ctx.scope, id, version, changes))) throw conflict();
    if (orgIds !== undefined || jobIds !== undefined || changes.areaCode) {
      const current = await fairLinkIds(db, id);
      const links = await checkLinks(db, ctx, orgIds ?? current.orgIds, jobIds ?? current.jobIds);
      await setFairLinks(db, id, changes.areaCode ?? before.areaCode, links.orgs, links.jobs);
    }
    const after = await fairIn(db, ctx.scope, id);
    await appendAudit(
      db,
      byActor(ctx, { action: 'jobFair.update', targetType: 'job_fair', targetId: id, areaCode: after.areaCode, before, after }),
    );
    return after;
  });
}
