// The trainings list and the list of who is behind on hours, as .xlsx (filters applied), with
// labels in the caller's language. No mobile nor ID number is in either.
import {
  CERT_KIND_LABELS,
  TRAINING_LEVEL_LABELS,
  inLang,
  shanghaiDay,
  translate,
  type MessageKey,
  type Training,
  type ceBehindQuery,
  type trainingListQuery,
} from '@wushe/core';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { type Column, EXPORT_LIMIT, listPages, sendXlsx } from '../../http/excel.ts';
import { behindList } from './ce-hours.ts';
import { findTrainings } from './trainings.service.ts';

export async function exportTrainings(ctx: Ctx, q: z.output<typeof trainingListQuery>, reply: FastifyReply) {
  const t = (key: MessageKey) => translate(ctx.lang, key);
  const day = (at: string | null) => (at ? shanghaiDay(at) : '');
  const columns: Column<Training>[] = [
    { header: t('export.trainings.title'), value: (r) => r.title, width: 32 },
    { header: t('export.trainings.level'), value: (r) => inLang(ctx.lang, TRAINING_LEVEL_LABELS[r.level]) },
    { header: t('export.trainings.area'), value: (r) => r.areaName },
    { header: t('export.trainings.org'), value: (r) => r.orgName, width: 28 },
    { header: t('export.trainings.sessions'), value: (r) => r.sessions, width: 8 },
    { header: t('export.trainings.hours'), value: (r) => r.hours, width: 8 },
    { header: t('export.trainings.start'), value: (r) => day(r.firstStart), width: 12 },
    { header: t('export.trainings.end'), value: (r) => day(r.lastEnd), width: 12 },
    { header: t('export.trainings.capacity'), value: (r) => r.capacity ?? t('export.trainings.unlimited'), width: 8 },
    { header: t('export.trainings.registered'), value: (r) => r.registered, width: 8 },
    { header: t('export.trainings.waiting'), value: (r) => r.waiting, width: 8 },
    { header: t('export.trainings.status'), value: (r) => t(`export.trainings.${r.status}`), width: 10 },
  ];
  return sendXlsx(
    reply,
    t('export.trainings.file'),
    t('export.trainings.sheet'),
    columns,
    listPages((page, pageSize) => findTrainings(ctx, { ...q, page, pageSize })),
  );
}

type BehindRow = Awaited<ReturnType<typeof behindList>>['items'][number];

export async function exportBehind(ctx: Ctx, q: z.output<typeof ceBehindQuery>, reply: FastifyReply) {
  const t = (key: MessageKey) => translate(ctx.lang, key);
  const columns: Column<BehindRow>[] = [
    { header: t('export.ceBehind.name'), value: (r) => r.name },
    { header: t('export.ceBehind.org'), value: (r) => r.orgName, width: 28 },
    { header: t('export.ceBehind.area'), value: (r) => r.areaName },
    { header: t('export.ceBehind.level'), value: (r) => inLang(ctx.lang, CERT_KIND_LABELS[r.level]) },
    { header: t('export.ceBehind.required'), value: (r) => r.required, width: 10 },
    { header: t('export.ceBehind.hours'), value: (r) => r.hours, width: 10 },
    { header: t('export.ceBehind.missing'), value: (r) => r.missing, width: 10 },
    { header: t('export.ceBehind.cycleEnd'), value: (r) => r.end, width: 12 },
    { header: t('export.ceBehind.daysLeft'), value: (r) => r.daysLeft, width: 10 },
  ];
  // The list is computed whole (cycles from certificates); one page holds every row.
  const { items } = await behindList(ctx, { ...q, page: 1, pageSize: EXPORT_LIMIT });
  return sendXlsx(reply, t('export.ceBehind.file'), t('export.ceBehind.sheet'), columns, items);
}
