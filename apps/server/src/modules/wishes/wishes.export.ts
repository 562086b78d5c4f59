// The wish list (filters applied) as .xlsx: resident by name (staff only), category and status in
// words, value in yuan, times in Asia/Shanghai.
import { WISH_STATUS_LABELS, formatShanghai, inLang, translate, type MessageKey, type WishSummary } from '@wushe/core';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../context.ts';
import { listPages, sendXlsx, type Column } from '../../http/excel.ts';
import { codeLabels } from '../settings/code-labels.repo.ts';
import { findWishes, type WishListInput } from './wishes.service.ts';

export async function exportWishes(ctx: Ctx, q: WishListInput, reply: FastifyReply) {
  const t = (key: MessageKey) => translate(ctx.lang, key);
  const label = await ctx.db.run((db) => codeLabels(db, ctx.lang));
  const columns: Column<WishSummary>[] = [
    { header: t('export.wishes.title'), value: (w) => w.title, width: 24 },
    { header: t('export.wishes.area'), value: (w) => w.areaName, width: 16 },
    { header: t('export.wishes.resident'), value: (w) => w.residentName, width: 10 },
    { header: t('export.wishes.category'), value: (w) => label('wish_category', w.category), width: 8 },
    { header: t('export.wishes.value'), value: (w) => w.valueFen / 100, width: 10 },
    { header: t('export.wishes.deadline'), value: (w) => w.deadline, width: 12 },
    { header: t('export.wishes.status'), value: (w) => inLang(ctx.lang, WISH_STATUS_LABELS[w.status]), width: 8 },
    { header: t('export.wishes.claimant'), value: (w) => w.claimantName ?? '', width: 16 },
    { header: t('export.wishes.createdBy'), value: (w) => w.createdByName ?? '', width: 10 },
    { header: t('export.wishes.createdAt'), value: (w) => formatShanghai(new Date(w.createdAt)), width: 17 },
  ];
  return sendXlsx(
    reply,
    t('export.wishes.file'),
    t('export.wishes.sheet'),
    columns,
    listPages((page, pageSize) => findWishes(ctx, { ...q, page, pageSize })),
  );
}
