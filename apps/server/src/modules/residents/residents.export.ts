// The current list (filters applied) as .xlsx: masked ID and phone, unless the caller may
// reveal, in which case the clear values go out and the export itself is audited. The rows'
// ids are read once in the list's order; the rows follow by primary key, a page at a time,
// into the streamed workbook.
import { maskIdNumber, maskPhone, shanghaiToday, translate, type MessageKey } from '@wushe/core';
import type { FastifyReply } from 'fastify';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { EXPORT_LIMIT, EXPORT_PAGE, sendXlsx, type Column } from '../../http/excel.ts';
import { exportIds, exportPage, type ExportRow } from './residents.repo.ts';
import { listFilter, toSummary, type ListQuery } from './residents.service.ts';

type Item = ReturnType<typeof toSummary> & { idShown: string; phoneShown: string | null; address: string | null };

function columnsFor(ctx: Ctx): Column<Item>[] {
  const t = (key: MessageKey) => translate(ctx.lang, key);
  return [
    { header: t('export.residents.name'), value: (r) => r.name, width: 12 },
    { header: t('export.residents.idNumber'), value: (r) => r.idShown, width: 22 },
    {
      header: t('export.residents.sex'),
      value: (r) => (r.sex ? t(`export.sex.${r.sex as NonNullable<ExportRow['sex']>}`) : null),
      width: 8,
    },
    { header: t('export.residents.birthDate'), value: (r) => r.birthDate, width: 12 },
    { header: t('export.residents.age'), value: (r) => r.age, width: 8 },
    { header: t('export.residents.phone'), value: (r) => r.phoneShown, width: 16 },
    { header: t('export.residents.area'), value: (r) => r.areaName, width: 20 },
    { header: t('export.residents.address'), value: (r) => r.address, width: 30 },
    { header: t('export.residents.categories'), value: (r) => r.categories.join(','), width: 24 },
    { header: t('export.residents.assistanceStatus'), value: (r) => r.assistanceStatus },
    { header: t('export.residents.careLevel'), value: (r) => r.careLevel, width: 10 },
    { header: t('export.residents.lastContactOn'), value: (r) => r.lastContactOn, width: 12 },
    { header: t('export.residents.nextDueOn'), value: (r) => r.nextDueOn, width: 12 },
    { header: t('export.residents.worker'), value: (r) => r.assignedWorkerName },
    { header: t('export.residents.status'), value: (r) => t(`export.residentStatus.${r.status as ExportRow['status']}`), width: 10 },
  ];
}

export async function exportResidents(ctx: Ctx, q: ListQuery, reply: FastifyReply) {
  const reveal = ctx.actor.permissions.includes('resident.reveal');
  const f = listFilter(ctx, q, EXPORT_LIMIT, 0);
  const ids = f
    ? await ctx.db.tx(async (db) => {
        const list = await exportIds(db, f);
        if (reveal) {
          const { page: _p, pageSize: _s, ...filter } = q;
          // The filter is kept, but an ID number or phone typed in the search box only masked.
          if (f.search?.kind === 'idHash') filter.q = maskIdNumber(q.q!);
          if (f.search?.kind === 'phoneHash') filter.q = maskPhone(q.q!);
          await appendAudit(
            db,
            byActor(ctx, {
              action: 'resident.export.reveal',
              targetType: 'resident',
              areaCode: ctx.actor.area.code,
              after: { filter, rows: list.length },
            }),
          );
        }
        return list;
      })
    : [];
  const today = shanghaiToday(ctx.now);
  const toItem = (r: ExportRow): Item => ({
    ...toSummary(r, today),
    idShown: reveal ? ctx.keys.open(r.idCipher) : r.idMasked,
    phoneShown: reveal && r.phoneCipher ? ctx.keys.open(r.phoneCipher) : r.phoneMasked,
    address: r.address,
  });
  async function* pages() {
    for (let i = 0; i < ids.length; i += EXPORT_PAGE) {
      const page = await ctx.db.run((db) => exportPage(db, f!.prefix, ids.slice(i, i + EXPORT_PAGE)));
      yield page;
    }
  }
  const t = (key: MessageKey) => translate(ctx.lang, key);
  return sendXlsx(reply, t('export.residents.file'), t('export.residents.sheet'), columnsFor(ctx), { rows: pages(), prepare: toItem });
}
