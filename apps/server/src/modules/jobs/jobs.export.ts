// The job posts and the job fairs (filters applied) as .xlsx, labels in the caller's language,
// times in Asia/Shanghai; no applicant data.
import {
  CERT_KIND_LABELS,
  EDUCATION_LABELS,
  FAIR_STATUS_LABELS,
  formatShanghai,
  inLang,
  JOB_STATUS_LABELS,
  salaryText,
  translate,
  type Job,
  type MessageKey,
  type fairListQuery,
} from '@wushe/core';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../context.ts';
import type { z } from 'zod';
import { listPages, sendXlsx, type Column } from '../../http/excel.ts';
import { findFairs } from './fairs.service.ts';
import { findJobs, type JobListInput } from './jobs.service.ts';

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
  return sendXlsx(
    reply,
    t('export.jobs.file'),
    t('export.jobs.sheet'),
    columns,
    listPages((page, pageSize) => findJobs(ctx, { ...q, page, pageSize })),
  );
}

type FairRow = Awaited<ReturnType<typeof findFairs>>['items'][number];

export async function exportFairs(ctx: Ctx, q: z.output<typeof fairListQuery>, reply: FastifyReply) {
  const t = (key: MessageKey) => translate(ctx.lang, key);
  const columns: Column<FairRow>[] = [
    { header: t('export.fairs.title'), value: (f) => f.title, width: 30 },
    { header: t('export.fairs.area'), value: (f) => f.areaName, width: 16 },
    { header: t('export.fairs.startsAt'), value: (f) => formatShanghai(new Date(f.startsAt)), width: 18 },
    { header: t('export.fairs.endsAt'), value: (f) => formatShanghai(new Date(f.endsAt)), width: 18 },
    { header: t('export.fairs.place'), value: (f) => f.place, width: 24 },
    { header: t('export.fairs.organiser'), value: (f) => f.organiser, width: 24 },
    { header: t('export.fairs.orgs'), value: (f) => f.orgCount },
    { header: t('export.fairs.jobs'), value: (f) => f.jobCount },
    { header: t('export.fairs.status'), value: (f) => inLang(ctx.lang, FAIR_STATUS_LABELS[f.status]) },
  ];
  return sendXlsx(
    reply,
    t('export.fairs.file'),
    t('export.fairs.sheet'),
    columns,
    listPages((page, pageSize) => findFairs(ctx, { ...q, page, pageSize })),
  );
}
