// The audit trail (filters applied, no paging) as .xlsx, newest first, in the same words as the
// page: the sentence, names, areas and the labelled changes. Read a page at a time into the
// streamed workbook, up to the export limit.
import { formatShanghai, translate, type AuditRecord, type MessageKey } from '@wushe/core';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../context.ts';
import { EXPORT_LIMIT, sendXlsx, type Column } from '../../http/excel.ts';
import { listAudit } from './audit.repo.ts';
import { renderAudit } from './audit.render.ts';
import { auditFilter, type AuditQuery } from './audit.service.ts';

/** Rows per database read: few round trips, small pages. */
const READ_PAGE = 2_000;

/** "关爱等级：3 级 → 2 级" per line. */
const changesText = (e: AuditRecord) =>
  e.changes.map((c) => `${c.label}：${c.before === null ? '' : `${c.before} → `}${c.after ?? '—'}`).join('\n') || null;

export async function exportAudit(ctx: Ctx, q: AuditQuery, reply: FastifyReply) {
  const t = (key: MessageKey) => translate(ctx.lang, key);
  const columns: Column<AuditRecord>[] = [
    { header: t('export.audit.seq'), value: (e) => e.seq, width: 8 },
    { header: t('export.audit.at'), value: (e) => formatShanghai(new Date(e.at)), width: 18 },
    { header: t('export.audit.actor'), value: (e) => e.actorLabel, width: 14 },
    { header: t('export.audit.action'), value: (e) => e.kind, width: 16 },
    { header: t('export.audit.text'), value: (e) => e.text, width: 50 },
    { header: t('export.audit.target'), value: (e) => e.target?.label ?? null, width: 18 },
    { header: t('export.audit.area'), value: (e) => e.areaName, width: 16 },
    { header: t('export.audit.changes'), value: changesText, width: 60 },
    { header: t('export.audit.ip'), value: (e) => e.ip },
  ];
  async function* pages() {
    for (let offset = 0; offset < EXPORT_LIMIT; offset += READ_PAGE) {
      const f = auditFilter(ctx, q, Math.min(READ_PAGE, EXPORT_LIMIT - offset), offset);
      const items = await ctx.db.run(async (db) => renderAudit(ctx, db, (await listAudit(db, f)).items));
      yield items;
      if (items.length < f.limit) return;
    }
  }
  return sendXlsx(reply, t('export.audit.file'), t('export.audit.sheet'), columns, pages());
}
