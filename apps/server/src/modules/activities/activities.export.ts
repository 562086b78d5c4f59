// The activity list (filters applied, no paging) as .xlsx; times in Asia/Shanghai.
import { formatShanghai, translate, type ActivitySummary, type MessageKey } from '@wushe/core';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../context.ts';
import { type Column, listPages, sendXlsx } from '../../http/excel.ts';
import { findActivities, type ActivityListInput } from './activities.service.ts';

export async function exportActivities(ctx: Ctx, q: Omit<ActivityListInput, 'page' | 'pageSize'>, reply: FastifyReply) {
  const t = (key: string) => translate(ctx.lang, key as MessageKey);
  const columns: Column<ActivitySummary>[] = [
    { header: t('export.activities.title'), value: (r) => r.title, width: 24 },
    { header: t('export.activities.area'), value: (r) => r.areaName, width: 16 },
    { header: t('export.activities.place'), value: (r) => r.place, width: 18 },
    { header: t('export.activities.startsAt'), value: (r) => formatShanghai(new Date(r.startsAt)), width: 17 },
    { header: t('export.activities.endsAt'), value: (r) => formatShanghai(new Date(r.endsAt)), width: 17 },
    { header: t('export.activities.capacity'), value: (r) => r.capacity, width: 8 },
    { header: t('export.activities.organiser'), value: (r) => r.organiserName, width: 12 },
    { header: t('export.activities.status'), value: (r) => t(`activity.status.${r.status}`), width: 8 },
    { header: t('export.activities.signedUp'), value: (r) => r.signedUp, width: 8 },
    { header: t('export.activities.present'), value: (r) => r.present, width: 8 },
  ];
  return sendXlsx(
    reply,
    t('export.activities.file'),
    t('export.activities.sheet'),
    columns,
    listPages((page, pageSize) => findActivities(ctx, { ...q, page, pageSize })),
  );
}
