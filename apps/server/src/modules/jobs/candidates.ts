// The candidate's side, as a signed-in public account: apply to an open post with a CV (PDF or
// Word, checked by its magic bytes, 2 MB at most), once per post (a repeat answers the first),
// see their application and withdraw it while it is open. The "my" page lists them (我的求职).
import {
  APPLICATION_STAGE_LABELS,
  areaPrefix,
  canMoveApplication,
  shanghaiToday,
  type ApplicationStage,
  type publicJobApplyBody,
} from '@wushe/core';
import { uuidv7 } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, conflict, fieldError, notFound, unauthenticated } from '../../http/errors.ts';
import { contentMatches, decodeBase64 } from '../contacts/attachments.ts';
import { registerMySection } from '../public-accounts/my-sections.ts';
import {
  accountApplication,
  accountMobile,
  applicationsOfAccount,
  insertApplication,
  setStage,
  type MyApplicationRow,
} from './applications.repo.ts';
import { publicJobById } from './jobs.repo.ts';

export const MAX_CV_BYTES = 2 * 1024 * 1024;

const WORD_MAGIC: Record<string, (b: Buffer) => boolean> = {
  // .doc: an OLE compound file
  'application/msword': (b) => b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
  // .docx: a zip
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (b) =>
    b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])),
};
const cvMatches = (type: string, b: Buffer) => WORD_MAGIC[type]?.(b) ?? contentMatches(type, b);

registerMySection('jobs', async ({ database, accountId }) => {
  const list = await database.owner((db) => applicationsOfAccount(db, accountId));
  return list.map((x) => ({
    id: x.id,
    title: `${x.jobTitle} · ${x.orgName}`,
    subtitle: x.reason ? `未录用：${x.reason}` : null,
    status: APPLICATION_STAGE_LABELS[x.stage as ApplicationStage].zh,
    at: new Date(x.createdAt).toISOString(),
  }));
});

const accountOf = (ctx: Ctx) => {
  if (!ctx.account) throw unauthenticated('publicAccount.unauthenticated');
  return ctx.account;
};

const mine = (x: MyApplicationRow) => ({
  id: x.id,
  jobId: x.jobId,
  jobTitle: x.jobTitle,
  orgName: x.orgName,
  stage: x.stage as ApplicationStage,
  reason: x.reason,
  cvFilename: x.cvFilename,
  createdAt: new Date(x.createdAt).toISOString(),
});

export async function applyToJob(ctx: Ctx, jobId: string, b: z.output<typeof publicJobApplyBody>) {
  const account = accountOf(ctx);
  const job = await ctx.database.owner((db) => publicJobById(db, jobId));
  if (!job) throw notFound();
  const already = await ctx.database.owner((db) => accountApplication(db, account.id, { jobId }));
  if (already) return mine(already); // a double tap answers the first
  if (job.status !== 'open') throw new AppError(409, 'job.notOpen');
  if (job.deadline && job.deadline < shanghaiToday(ctx.now)) throw new AppError(409, 'job.deadlinePassed');
  const bytes = decodeBase64(b.cv.data);
  if (!bytes || bytes.length === 0) throw fieldError('cv.data', 'job.cvEncoding');
  if (bytes.length > MAX_CV_BYTES) throw fieldError('cv.data', 'job.cvTooLarge');
  if (!cvMatches(b.cv.contentType, bytes)) throw fieldError('cv.data', 'job.cvType');
  const person = await ctx.database.owner((db) => accountMobile(db, account.id));
  if (!person) throw unauthenticated('publicAccount.unauthenticated');
  // Found as the owner by its id; written under the post's own area.
  const id = await ctx.database.tx(areaPrefix(job.areaCode), async (db) => {
    const newId = uuidv7();
    const got = await insertApplication(db, {
      id: newId,
      job_id: jobId,
      area_code: job.areaCode,
      public_account_id: account.id,
      name: person.name,
      mobile_cipher: person.mobileCipher,
      mobile_masked: person.mobileMasked,
      education: b.education ?? null,
      cert_level: b.certLevel,
      years: b.years,
      note: b.note ?? null,
      cv_filename: b.cv.filename,
      cv_content_type: b.cv.contentType,
      cv_size: bytes.length,
      cv_content: bytes.toString('base64'),
    });
    if (got === newId)
      await appendAudit(db, {
        actorId: null,
        actorName: null,
        ip: ctx.ip,
        action: 'jobApplication.create',
        targetType: 'job_application',
        targetId: newId,
        areaCode: job.areaCode,
        after: { jobId, publicAccountId: account.id, cv: { filename: b.cv.filename, size: bytes.length } },
      });
    return got;
  });
  return mine((await ctx.database.owner((db) => accountApplication(db, account.id, { id })))!);
}

export async function myApplicationFor(ctx: Ctx, jobId: string) {
  const account = accountOf(ctx);
  const x = await ctx.database.owner((db) => accountApplication(db, account.id, { jobId }));
  return { application: x ? mine(x) : null };
}

/** The candidate withdraws while the application is open; another's application answers 404. */
export async function withdrawApplication(ctx: Ctx, id: string) {
  const account = accountOf(ctx);
  const x = await ctx.database.owner((db) => accountApplication(db, account.id, { id }));
  if (!x) throw notFound();
  if (!canMoveApplication(x.stage as ApplicationStage, 'withdrawn', 'candidate')) throw new AppError(409, 'job.stage');
  await ctx.database.tx(areaPrefix(x.areaCode), async (db) => {
    if (!(await setStage(db, areaPrefix(x.areaCode), id, x.version, { stage: 'withdrawn', reason: null }))) throw conflict();
    await appendAudit(db, {
      actorId: null,
      actorName: null,
      ip: ctx.ip,
      action: 'jobApplication.withdraw',
      targetType: 'job_application',
      targetId: id,
      areaCode: x.areaCode,
      before: { stage: x.stage },
      after: { stage: 'withdrawn', publicAccountId: account.id },
    });
  });
  return mine((await ctx.database.owner((db) => accountApplication(db, account.id, { id })))!);
}
