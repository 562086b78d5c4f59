// The audit trail (filters applied, no paging) as .xlsx, newest first. Read a page at a time
// into the streamed workbook, up to the export limit.
import { translate, type AuditEntry, type MessageKey } from '@wushe/core';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../context.ts';
import { EXPORT_LIMIT, sendXlsx, type Column } from '../../http/excel.ts';
import { listAudit } from './audit.repo.ts';
import { auditFilter, type AuditQuery } from './audit.service.ts';

/** Rows per database read: few round trips, small pages. */
const READ_PAGE = 5_000;

const json = (v: unknown) => (v ? JSON.stringify(v) : null);

export async function exportAudit(ctx: Ctx, q: AuditQuery, reply: FastifyReply) {
  const t = (key: MessageKey) => translate(ctx.lang, key);
  const columns: Column<AuditEntry>[] = [
    { header: t('export.audit.seq'), value: (e) => e.seq, width: 8 },
    { header: t('export.audit.at'), value: (e) => e.at, width: 24 },
    { header: t('export.audit.actor'), value: (e) => e.actorName },
    { header: t('export.audit.ip'), value: (e) => e.ip },
    { header: t('export.audit.action'), value: (e) => e.action, width: 22 },
    { header: t('export.audit.target'), value: (e) => (e.targetType ? `${e.targetType}:${e.targetId ?? ''}` : null), width: 44 },
    { header: t('export.audit.area'), value: (e) => e.areaCode, width: 16 },
    { header: t('export.audit.before'), value: (e) => json(e.before), width: 40 },
    { header: t('export.audit.after'), value: (e) => json(e.after), width: 40 },
  ];
  async function* pages() {
    for (let offset = 0; offset < EXPORT_LIMIT; offset += READ_PAGE) {
      const f = auditFilter(ctx, q, Math.min(READ_PAGE, EXPORT_LIMIT - offset), offset);
      const { items } = await ctx.db.run((db) => listAudit(db, f));
      yield items;
      if (items.length < f.limit) return;
    }
  }
  return sendXlsx(reply, t('export.audit.file'), t('export.audit.sheet'), columns, pages());
}
