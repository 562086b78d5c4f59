// The follow-up list (filters applied, no paging) as .xlsx; times in Asia/Shanghai. Read a
// page at a time into the streamed workbook, up to the export limit.
import { formatShanghai, translate, type FollowUp, type MessageKey } from '@wushe/core';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../context.ts';
import { EXPORT_LIMIT, sendXlsx, type Column } from '../../http/excel.ts';
import { listFollowUps } from './followups.repo.ts';
import { followUpFilter, type FollowUpListInput } from './followups.service.ts';

/** Rows per database read: few round trips, small pages. */
const READ_PAGE = 5_000;

const at = (iso: string | null) => (iso ? formatShanghai(new Date(iso)) : null);

export async function exportFollowUps(ctx: Ctx, q: FollowUpListInput, reply: FastifyReply) {
  const t = (key: MessageKey) => translate(ctx.lang, key);
  const columns: Column<FollowUp>[] = [
    { header: t('export.followUps.name'), value: (r) => r.residentName, width: 12 },
    { header: t('export.followUps.area'), value: (r) => r.areaName, width: 20 },
    { header: t('export.followUps.reason'), value: (r) => r.reason, width: 36 },
    { header: t('export.followUps.dueAt'), value: (r) => at(r.dueAt), width: 17 },
    { header: t('export.followUps.status'), value: (r) => t(`export.followUpStatus.${r.status}`), width: 10 },
    { header: t('export.followUps.assignedTo'), value: (r) => r.assignedToName, width: 12 },
    { header: t('export.followUps.doneAt'), value: (r) => at(r.doneAt), width: 17 },
    { header: t('export.followUps.doneBy'), value: (r) => r.doneByName, width: 12 },
    { header: t('export.followUps.outcome'), value: (r) => r.outcome, width: 48 },
  ];
  async function* pages() {
    for (let offset = 0; offset < EXPORT_LIMIT; offset += READ_PAGE) {
      const f = followUpFilter(ctx, q, Math.min(READ_PAGE, EXPORT_LIMIT - offset), offset);
      if (!f) return;
      const { items } = await ctx.db.run((db) => listFollowUps(db, f));
      yield items;
      if (items.length < f.limit) return;
    }
  }
  return sendXlsx(reply, t('export.followUps.file'), t('export.followUps.sheet'), columns, pages());
}
