// The group list (filters applied, no paging) as .xlsx: facts and counts, labels in the
// reader's language.
import { translate, type GroupSummary, type MessageKey } from '@wushe/core';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../context.ts';
import { type Column, listPages, sendXlsx } from '../../http/excel.ts';
import { codeLabels } from '../settings/code-labels.repo.ts';
import { findGroups, type GroupListInput } from './groups.service.ts';

export async function exportGroups(ctx: Ctx, q: Omit<GroupListInput, 'page' | 'pageSize'>, reply: FastifyReply) {
  const t = (key: string) => translate(ctx.lang, key as MessageKey);
  const label = await ctx.db.run((db) => codeLabels(db, ctx.lang));
  const columns: Column<GroupSummary>[] = [
    { header: t('export.groups.name'), value: (r) => r.name, width: 24 },
    { header: t('export.groups.type'), value: (r) => label('group_type', r.type), width: 12 },
    { header: t('export.groups.area'), value: (r) => r.areaName, width: 16 },
    { header: t('export.groups.worker'), value: (r) => r.workerName, width: 12 },
    { header: t('export.groups.status'), value: (r) => t(`group.status.${r.status}`), width: 8 },
    { header: t('export.groups.startsOn'), value: (r) => r.startsOn, width: 12 },
    { header: t('export.groups.members'), value: (r) => r.memberCount, width: 8 },
    { header: t('export.groups.sessions'), value: (r) => `${r.sessionsHeld}/${r.sessionsPlanned}`, width: 14 },
    { header: t('export.groups.personTimes'), value: (r) => r.personTimes, width: 10 },
  ];
  return sendXlsx(
    reply,
    t('export.groups.file'),
    t('export.groups.sheet'),
    columns,
    listPages((page, pageSize) => findGroups(ctx, { ...q, page, pageSize })),
  );
}
