// The job posts (filters applied) as .xlsx, labels in the caller's language; no applicant data.
import {
  CERT_KIND_LABELS,
  EDUCATION_LABELS,
  inLang,
  JOB_STATUS_LABELS,
  salaryText,
  translate,
  type Job,
  type MessageKey,
} from '@wushe/core';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../context.ts';
import { EXPORT_LIMIT, sendXlsx, type Column } from '../../http/excel.ts';
import { listJobs } from './jobs.repo.ts';
import { jobFilter, toJob, type JobListInput } from './jobs.service.ts';

const READ_PAGE = 2_000;

export async function exportJobs(ctx: Ctx, q: JobListInput, reply: FastifyReply) {
  const t = (key: MessageKey) => translate(ctx.lang, key);
  const columns: Column<Job>[] = [
    { header: t('export.jobs.title'), value: (j) => j.title, width: 28 },
    { header: t('export.jobs.org'), value: (j) => j.orgName, width: 32 },
    { header: t('export.jobs.area'), value: (j) => j.areaName },
    { header: t('export.jobs.headcount'), value: (j) => j.headcount },
    { header: t('export.jobs.salary'), value: (j) => salaryText(j.salaryMinFen, j.salaryMaxFen, ctx.lang), width: 20 },
    {
      header: t('export.jobs.level'),
      value: (j) => (j.certLevel ? inLang(ctx.lang, CERT_KIND_LABELS[j.certLevel]) : t('export.jobs.none')),
    },
    {
      header: t('export.jobs.education'),
      value: (j) => (j.education ? inLang(ctx.lang, EDUCATION_LABELS[j.education]) : t('export.jobs.none')),
    },
    { header: t('export.jobs.years'), value: (j) => j.experienceYears },
    { header: t('export.jobs.deadline'), value: (j) => j.deadline },
    { header: t('export.jobs.status'), value: (j) => inLang(ctx.lang, JOB_STATUS_LABELS[j.status]) },
    { header: t('export.jobs.applications'), value: (j) => j.counts.total },
    { header: t('export.jobs.hired'), value: (j) => j.counts.hired },
  ];
  async function* pages() {
    for (let offset = 0; offset < EXPORT_LIMIT; offset += READ_PAGE) {
      const f = jobFilter(ctx, q, Math.min(READ_PAGE, EXPORT_LIMIT - offset), offset);
      if (!f) return;
      const { items } = await ctx.db.run((db) => listJobs(db, f));
      yield items.map(toJob);
      if (items.length < f.limit) return;
    }
  }
  return sendXlsx(reply, t('export.jobs.file'), t('export.jobs.sheet'), columns, pages());
}
