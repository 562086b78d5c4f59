// Job posts: find, one post, post (a draft), edit, and the status draft → open → closed; the
// employer is an organisation in the caller's scope and the post sits in its area or below.
import { areaPrefix, canMoveJob, narrowScope, type Job, type jobCreateBody, type jobListQuery, type jobUpdateBody } from '@wushe/core';
import { uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, conflict, fieldError, notFound } from '../../http/errors.ts';
import { areaByCode } from '../areas/areas.repo.ts';
import { insertJob, jobById, listJobs, orgOf, updateJob, type JobFilter, type JobRow } from './jobs.repo.ts';

export type JobListInput = z.output<typeof jobListQuery>;
type JCtx = Pick<Ctx, 'db' | 'scope' | 'actor' | 'ip' | 'now'>;

export const toJob = (r: JobRow): Job => ({
  ...r,
  createdAt: new Date(r.createdAt).toISOString(),
  updatedAt: new Date(r.updatedAt).toISOString(),
});

export function jobFilter(ctx: JCtx, q: JobListInput, limit: number, offset: number): JobFilter | null {
  const prefix = narrowScope(ctx.scope, q.area);
  if (prefix === null) return null;
  return { prefix, q: q.q, org: q.org, status: q.status, level: q.level, sort: q.sort, limit, offset };
}

export async function findJobs(ctx: JCtx, q: JobListInput) {
  const f = jobFilter(ctx, q, q.pageSize, (q.page - 1) * q.pageSize);
  if (!f) return { items: [], total: 0 };
  const page = await ctx.db.run((db) => listJobs(db, f));
  return { items: page.items.map(toJob), total: page.total };
}

export async function jobIn(db: Db, scope: string, id: string): Promise<Job> {
  const j = await jobById(db, scope, id);
  if (!j) throw notFound(); // another street's post answers as a missing one
  return toJob(j);
}

export const getJob = (ctx: JCtx, id: string) => ctx.db.run((db) => jobIn(db, ctx.scope, id));

/** The employer and the post's area: both in the scope, the area within the employer's. */
async function checkPlace(db: Db, ctx: JCtx, orgId: string, areaCode: string) {
  const org = await orgOf(db, ctx.scope, orgId);
  if (!org) throw fieldError('orgId', 'job.org');
  if (!(await areaByCode(db, ctx.scope, areaCode))) throw fieldError('areaCode', 'job.area');
  if (!areaCode.startsWith(areaPrefix(org.areaCode))) throw fieldError('areaCode', 'job.orgArea');
}

const columnsOf = (b: Partial<z.output<typeof jobCreateBody>>) => ({
  area_code: b.areaCode,
  org_id: b.orgId,
  title: b.title,
  description: b.description,
  headcount: b.headcount,
  salary_min_fen: b.salaryMinFen ?? null,
  salary_max_fen: b.salaryMaxFen ?? null,
  cert_level: b.certLevel ?? null,
  education: b.education ?? null,
  experience_years: b.experienceYears ?? 0,
  deadline: b.deadline ?? null,
});

export async function createJob(ctx: JCtx, body: z.output<typeof jobCreateBody>): Promise<Job> {
  return ctx.db.tx(async (db) => {
    await checkPlace(db, ctx, body.orgId, body.areaCode);
    const id = uuidv7();
    await insertJob(db, { id, ...columnsOf(body), created_by: ctx.actor.id });
    const after = await jobIn(db, ctx.scope, id);
    await appendAudit(db, byActor(ctx, { action: 'job.create', targetType: 'job', targetId: id, areaCode: after.areaCode, after }));
    return after;
  });
}

export async function updateJobById(ctx: JCtx, id: string, body: z.output<typeof jobUpdateBody>): Promise<Job> {
  return ctx.db.tx(async (db) => {
    const before = await jobIn(db, ctx.scope, id);
    if (before.status === 'closed') throw new AppError(409, 'job.status');
    const { version, ...changes } = body;
    const next = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
    if ((next.salaryMinFen ?? -1) > (next.salaryMaxFen ?? Infinity)) throw fieldError('salaryMaxFen', 'job.salaryRange');
    if (changes.orgId !== undefined || changes.areaCode !== undefined) await checkPlace(db, ctx, next.orgId, next.areaCode);
    if (!(await updateJob(db, ctx.scope, id, version, changes))) throw conflict();
    const after = await jobIn(db, ctx.scope, id);
    await appendAudit(db, byActor(ctx, { action: 'job.update', targetType: 'job', targetId: id, areaCode: after.areaCode, before, after }));
    return after;
  });
}

/** Opens or closes a post; only draft → open → closed (a draft may be dropped to closed). */
export async function setJobStatus(ctx: JCtx, id: string, status: Job['status'], version: number): Promise<Job> {
  return ctx.db.tx(async (db) => {
    const before = await jobIn(db, ctx.scope, id);
    if (before.version !== version) throw conflict();
    if (!canMoveJob(before.status, status)) throw new AppError(409, 'job.status');
    if (!(await updateJob(db, ctx.scope, id, version, { status }))) throw conflict();
    const after = await jobIn(db, ctx.scope, id);
    await appendAudit(
      db,
      byActor(ctx, {
        action: `job.${status}`,
        targetType: 'job',
        targetId: id,
        areaCode: after.areaCode,
        before: { status: before.status },
        after: { status },
      }),
    );
    return after;
  });
}
