// The case list (filters applied, no paging) as .xlsx: facts only, never the narrative; codes
// as their labels in the reader's language, times in Asia/Shanghai.
import { formatShanghai, translate, type CaseSummary, type MessageKey } from '@wushe/core';
import type { FastifyReply } from 'fastify';
import { type Column, listPages, sendXlsx } from '../../http/excel.ts';
import { codeLabels } from '../settings/code-labels.repo.ts';
import { findCases, type CaseListInput } from './cases.service.ts';
import type { Ctx } from '../../context.ts';

export async function exportCases(ctx: Ctx, q: Omit<CaseListInput, 'page' | 'pageSize'>, reply: FastifyReply) {
  const t = (key: string) => translate(ctx.lang, key as MessageKey);
  const label = await ctx.db.run((db) => codeLabels(db, ctx.lang));
  const columns: Column<CaseSummary>[] = [
    { header: t('export.cases.caseNo'), value: (r) => r.caseNo, width: 14 },
    { header: t('export.cases.resident'), value: (r) => r.residentName, width: 12 },
    { header: t('export.cases.area'), value: (r) => r.areaName, width: 16 },
    { header: t('export.cases.type'), value: (r) => label('case_type', r.type), width: 12 },
    { header: t('export.cases.risk'), value: (r) => t(`case.risk.${r.riskLevel}`), width: 8 },
    { header: t('export.cases.stage'), value: (r) => t(`case.stage.${r.stage}`), width: 8 },
    {
      header: t('export.cases.awaiting'),
      value: (r) =>
        r.planStatus === 'submitted' ? t('case.awaiting.plan') : r.closureStatus === 'submitted' ? t('case.awaiting.closure') : null,
      width: 14,
    },
    { header: t('export.cases.worker'), value: (r) => r.workerName, width: 12 },
    { header: t('export.cases.openedOn'), value: (r) => r.openedOn, width: 12 },
    { header: t('export.cases.closedOn'), value: (r) => r.closedOn, width: 12 },
    { header: t('export.cases.lastEventAt'), value: (r) => formatShanghai(new Date(r.lastEventAt)), width: 17 },
  ];
  return sendXlsx(
    reply,
    t('export.cases.file'),
    t('export.cases.sheet'),
    columns,
    listPages((page, pageSize) => findCases(ctx, { ...q, page, pageSize })),
  );
}
