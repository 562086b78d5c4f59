// The workforce register (filters applied) as .xlsx, with labels in the caller's language;
// ID numbers and mobiles masked. Read a page at a time into the streamed workbook.
import {
  CERT_KIND_LABELS,
  EDUCATION_LABELS,
  inLang,
  TITLE_KIND_LABELS,
  translate,
  WORKER_POST_LABELS,
  type MessageKey,
  type Worker,
} from '@wushe/core';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../context.ts';
import { EXPORT_LIMIT, sendXlsx, type Column } from '../../http/excel.ts';
import { listWorkers } from './workforce.repo.ts';
import { toWorker, workerFilter, type WorkerListInput } from './workforce.service.ts';

const READ_PAGE = 5_000;

export async function exportWorkers(ctx: Ctx, q: WorkerListInput, reply: FastifyReply) {
  const t = (key: MessageKey) => translate(ctx.lang, key);
  const columns: Column<Worker>[] = [
    { header: t('export.workers.name'), value: (w) => w.name },
    { header: t('export.workers.gender'), value: (w) => (w.gender ? t(`export.workers.${w.gender}`) : '') },
    { header: t('export.workers.idMasked'), value: (w) => w.idMasked, width: 22 },
    { header: t('export.workers.mobileMasked'), value: (w) => w.mobileMasked, width: 16 },
    { header: t('export.workers.org'), value: (w) => w.orgName, width: 32 },
    { header: t('export.workers.area'), value: (w) => w.areaName },
    { header: t('export.workers.post'), value: (w) => inLang(ctx.lang, WORKER_POST_LABELS[w.post]) },
    { header: t('export.workers.level'), value: (w) => (w.level ? inLang(ctx.lang, CERT_KIND_LABELS[w.level]) : t('export.workers.none')) },
    { header: t('export.workers.titles'), value: (w) => w.titles.map((k) => inLang(ctx.lang, TITLE_KIND_LABELS[k])).join('、') },
    { header: t('export.workers.education'), value: (w) => (w.education ? inLang(ctx.lang, EDUCATION_LABELS[w.education]) : '') },
    { header: t('export.workers.major'), value: (w) => w.major },
    { header: t('export.workers.years'), value: (w) => w.yearsInField },
    { header: t('export.workers.status'), value: (w) => t(w.status === 'active' ? 'export.workers.active' : 'export.workers.left') },
  ];
  async function* pages() {
    for (let offset = 0; offset < EXPORT_LIMIT; offset += READ_PAGE) {
      const f = workerFilter(ctx, q, Math.min(READ_PAGE, EXPORT_LIMIT - offset), offset);
      if (!f) return;
      const { items } = await ctx.db.run((db) => listWorkers(db, f));
      yield items.map((w) => toWorker(w, f.today));
      if (items.length < f.limit) return;
    }
  }
  return sendXlsx(reply, t('export.workers.file'), t('export.workers.sheet'), columns, pages());
}
