// The follow-up list (filters applied, no paging) as .xlsx; times in Asia/Shanghai.
import { formatShanghai, type FollowUp } from '@wushe/core';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../context.ts';
import { EXPORT_LIMIT, sendXlsx, type Column } from '../../http/excel.ts';
import { listFollowUps } from './followups.repo.ts';
import { followUpFilter, type FollowUpListInput } from './followups.service.ts';

const STATUS = { open: ['待跟进', 'Open'], overdue: ['已逾期', 'Overdue'], done: ['已完成', 'Done'] } as const;

const at = (iso: string | null) => (iso ? formatShanghai(new Date(iso)) : null);

export async function exportFollowUps(ctx: Ctx, q: FollowUpListInput, reply: FastifyReply) {
  const f = followUpFilter(ctx, q, EXPORT_LIMIT, 0);
  const items = f ? (await ctx.db.run((db) => listFollowUps(db, f))).items : [];
  const en = ctx.lang === 'en';
  const i = en ? 1 : 0;
  const columns: Column<FollowUp>[] = [
    { header: en ? 'Name' : '姓名', value: (r) => r.residentName, width: 12 },
    { header: en ? 'Area' : '所在社区', value: (r) => r.areaName, width: 20 },
    { header: en ? 'Reason' : '跟进原因', value: (r) => r.reason, width: 36 },
    { header: en ? 'Due' : '截止时间', value: (r) => at(r.dueAt), width: 17 },
    { header: en ? 'Status' : '状态', value: (r) => STATUS[r.status][i], width: 10 },
    { header: en ? 'Assigned to' : '负责人', value: (r) => r.assignedToName, width: 12 },
    { header: en ? 'Done at' : '完成时间', value: (r) => at(r.doneAt), width: 17 },
    { header: en ? 'Done by' : '完成人', value: (r) => r.doneByName, width: 12 },
    { header: en ? 'Outcome' : '跟进情况', value: (r) => r.outcome, width: 48 },
  ];
  return sendXlsx(reply, en ? 'follow-ups.xlsx' : '跟进任务.xlsx', en ? 'Follow-ups' : '跟进任务', columns, items);
}
