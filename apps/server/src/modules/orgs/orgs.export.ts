// The organisation list (filters applied, no paging) as .xlsx. Read a page at a time into
// the streamed workbook, up to the export limit.
import { inLang, ORG_KIND_LABELS, translate, type MessageKey, type Org } from '@wushe/core';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../context.ts';
import { EXPORT_LIMIT, sendXlsx, type Column } from '../../http/excel.ts';
import { listOrgs } from './orgs.repo.ts';
import { orgFilter, type OrgListInput } from './orgs.service.ts';

/** Rows per database read: few round trips, small pages. */
const READ_PAGE = 5_000;

export async function exportOrgs(ctx: Ctx, q: OrgListInput, reply: FastifyReply) {
  const t = (key: MessageKey) => translate(ctx.lang, key);
  const columns: Column<Org>[] = [
    { header: t('export.orgs.name'), value: (o) => o.name, width: 36 },
    // Kind labels are data shared with the web form, so they stay a { zh, en } table.
    { header: t('export.orgs.kind'), value: (o) => inLang(ctx.lang, ORG_KIND_LABELS[o.kind]) },
    { header: t('export.orgs.areaCode'), value: (o) => o.areaCode, width: 16 },
    { header: t('export.orgs.area'), value: (o) => o.areaName },
    { header: t('export.orgs.creditCode'), value: (o) => o.creditCode, width: 22 },
    { header: t('export.orgs.contactName'), value: (o) => o.contactName },
    { header: t('export.orgs.contactPhone'), value: (o) => o.contactPhone },
    { header: t('export.orgs.address'), value: (o) => o.address, width: 30 },
    { header: t('export.orgs.active'), value: (o) => t(o.active ? 'export.orgStatus.active' : 'export.orgStatus.inactive') },
  ];
  async function* pages() {
    for (let offset = 0; offset < EXPORT_LIMIT; offset += READ_PAGE) {
      const f = orgFilter(ctx, q, Math.min(READ_PAGE, EXPORT_LIMIT - offset), offset);
      if (!f) return;
      const { items } = await ctx.db.run((db) => listOrgs(db, f));
      yield items;
      if (items.length < f.limit) return;
    }
  }
  return sendXlsx(reply, t('export.orgs.file'), t('export.orgs.sheet'), columns, pages());
}
