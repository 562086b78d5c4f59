// The employer's side of applications: the list per post (mobile masked), the stage machine
// (one step along applied → screened → interview → offer → hired, declined with a reason from
// any open stage; anything else 409), the mobile revealed and the CV downloaded (both audited:
// personal data), and a hire added to the workforce register of the hiring organisation.
import {
  addYears,
  canMoveApplication,
  shanghaiToday,
  type ApplicationStage,
  type JobApplication,
  type jobApplicationListQuery,
} from '@wushe/core';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, conflict, notFound } from '../../http/errors.ts';
import { createWorkerIn } from '../workforce/workforce.service.ts';
import { applicationById, applicationSecrets, applicationsOfJob, setStage, setWorker, type ApplicationRow } from './applications.repo.ts';
import { jobIn } from './jobs.service.ts';

export const toApplication = ({ publicAccountId: _p, orgId: _o, jobAreaCode: _j, ...r }: ApplicationRow): JobApplication => ({
  ...r,
  createdAt: new Date(r.createdAt).toISOString(),
  updatedAt: new Date(r.updatedAt).toISOString(),
});

export async function findApplications(ctx: Ctx, jobId: string, q: z.output<typeof jobApplicationListQuery>) {
  return ctx.db.run(async (db) => {
    await jobIn(db, ctx.scope, jobId);
    const page = await applicationsOfJob(db, ctx.scope, jobId, { ...q, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
    return { items: page.items.map(toApplication), total: page.total };
  });
}

async function applicationIn(db: Parameters<typeof applicationById>[0], ctx: Ctx, id: string, lock = false) {
  const x = await applicationById(db, ctx.scope, id, lock);
  if (!x) throw notFound();
  return x;
}

export async function moveApplication(ctx: Ctx, id: string, to: ApplicationStage, reason: string | null, version: number) {
  return ctx.db.tx(async (db) => {
    const before = await applicationIn(db, ctx, id, true);
    if (before.version !== version) throw conflict();
    if (!canMoveApplication(before.stage, to, 'employer')) throw new AppError(409, 'job.stage');
    await setStage(db, ctx.scope, id, version, { stage: to, reason: to === 'declined' ? reason : null });
    const after = toApplication(await applicationIn(db, ctx, id));
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'jobApplication.stage',
        targetType: 'job_application',
        targetId: id,
        areaCode: after.areaCode,
        before: { stage: before.stage },
        after: { stage: to, reason: after.reason, jobId: after.jobId },
      }),
    );
    return after;
  });
}

export async function revealApplicant(ctx: Ctx, id: string, reason: string) {
  return ctx.db.tx(async (db) => {
    const s = await applicationSecrets(db, ctx.scope, id);
    if (!s) throw notFound();
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'jobApplication.reveal',
        targetType: 'job_application',
        targetId: id,
        areaCode: s.areaCode,
        after: { field: 'mobile', reason, name: s.name },
      }),
    );
    return { mobile: ctx.keys.open(s.mobileCipher) };
  });
}

/** The CV as a download; each one is in the audit log with who fetched whose CV. */
export async function sendCv(ctx: Ctx, id: string, reply: FastifyReply) {
  const s = await ctx.db.tx(async (db) => {
    const found = await applicationSecrets(db, ctx.scope, id);
    if (!found) throw notFound();
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'jobApplication.cv',
        targetType: 'job_application',
        targetId: id,
        areaCode: found.areaCode,
        after: { name: found.name, filename: found.filename },
      }),
    );
    return found;
  });
  return reply
    .header('content-type', s.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(s.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(s.content, 'base64'));
}

/**
 * A hired candidate becomes a worker of the hiring organisation, prefilled from the application
 * (name, mobile, education, years in the field); a second call answers the same entry.
 */
export async function addHireToRegister(ctx: Ctx, id: string) {
  return ctx.db.tx(async (db) => {
    const x = await applicationIn(db, ctx, id, true);
    if (x.stage !== 'hired') throw new AppError(409, 'job.notHired');
    const job = await jobIn(db, ctx.scope, x.jobId);
    const s = (await applicationSecrets(db, ctx.scope, id))!;
    const today = shanghaiToday(ctx.now);
    const worker = await createWorkerIn(db, ctx, {
      requestId: x.workerId ?? x.id, // the application's id names the entry: a repeat finds it
      name: x.name,
      mobile: ctx.keys.open(s.mobileCipher),
      areaCode: job.areaCode,
      orgId: job.orgId,
      post: 'frontline',
      education: x.education,
      startedInFieldOn: x.years > 0 ? addYears(today, -x.years) : today,
      fields: [],
      languages: [],
    });
    if (!x.workerId) {
      await setWorker(db, ctx.scope, id, worker.id);
      await appendAudit(
        db,
        byActor(ctx, {
          action: 'jobApplication.register',
          targetType: 'job_application',
          targetId: id,
          areaCode: x.areaCode,
          after: { workerId: worker.id, orgId: job.orgId },
        }),
      );
    }
    return toApplication(await applicationIn(db, ctx, id));
  });
}
