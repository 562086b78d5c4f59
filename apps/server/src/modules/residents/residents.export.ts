// The current list (filters applied) as .xlsx. Masked (ID number and phone as on screen) is the
// default and the only export most people get, holders of resident.reveal included: revealing
// one number is a reasoned look at one person, a whole list in clear is another thing. An
// unmasked export needs its own permission (resident.export.unmasked) and a stated purpose,
// like a reveal. Both are audited with the filter and the row count; the purpose is printed on
// the sheet's stamp row. Codes go out as their labels in the reader's language.
import { maskIdNumber, maskPhone, shanghaiToday, translate, type MessageKey } from '@wushe/core';
import { ageOn } from '@wushe/db';
import type { FastifyReply } from 'fastify';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { EXPORT_LIMIT, EXPORT_PAGE, sendXlsx, type Column } from '../../http/excel.ts';
import { codeLabels, type CodeLabels } from '../settings/code-labels.repo.ts';
import { exportIds, exportPage, type ExportRow } from './residents.repo.ts';
import { listFilter, type ListQuery } from './residents.service.ts';

function columnsFor(ctx: Ctx, label: CodeLabels, today: string): Column<ExportRow>[] {
  // A sheet repeats a handful of labels 50,000 times: each is translated once.
  const said = new Map<string, string>();
  const t = (key: MessageKey, params?: Record<string, string | number>) => {
    const k = params ? `${key}:${JSON.stringify(params)}` : key;
    let v = said.get(k);
    if (v === undefined) said.set(k, (v = translate(ctx.lang, key, params)));
    return v;
  };
  return [
    { header: t('export.residents.name'), value: (r) => r.name, width: 12 },
    { header: t('export.residents.idNumber'), value: (r) => r.idShown, width: 22 },
    {
      header: t('export.residents.sex'),
      value: (r) => (r.sex ? t(`export.sex.${r.sex as NonNullable<ExportRow['sex']>}`) : null),
      width: 8,
    },
    { header: t('export.residents.birthDate'), value: (r) => r.birthDate, width: 12 },
    { header: t('export.residents.age'), value: (r) => (r.birthDate ? ageOn(r.birthDate, today) : null), width: 8 },
    { header: t('export.residents.phone'), value: (r) => r.phoneShown, width: 16 },
    { header: t('export.residents.area'), value: (r) => r.areaName, width: 20 },
    { header: t('export.residents.address'), value: (r) => r.address, width: 30 },
    {
      header: t('export.residents.categories'),
      value: (r) => r.categories.map((c) => label('resident_category', c)).join('、'),
      width: 24,
    },
    {
      header: t('export.residents.assistanceStatus'),
      value: (r) => (r.assistanceStatus ? label('assistance_status', r.assistanceStatus) : null),
    },
    { header: t('export.residents.careLevel'), value: (r) => t('export.careLevel', { n: r.careLevel }), width: 10 },
    { header: t('export.residents.lastContactOn'), value: (r) => r.lastContactOn, width: 12 },
    { header: t('export.residents.nextDueOn'), value: (r) => r.nextDueOn, width: 12 },
    { header: t('export.residents.worker'), value: (r) => r.assignedWorkerName },
    { header: t('export.residents.status'), value: (r) => t(`export.residentStatus.${r.status as ExportRow['status']}`), width: 10 },
  ];
}

/** The list's filter as the audit keeps it: an ID number or phone typed in the search box only masked. */
function auditedFilter(q: ListQuery, searchKind: string | undefined) {
  const { page: _p, pageSize: _s, ...filter } = q;
  if (searchKind === 'idHash') filter.q = maskIdNumber(q.q!);
  if (searchKind === 'phoneHash') filter.q = maskPhone(q.q!);
  return filter;
}

/** `reason` given: the unmasked export (the route has checked resident.export.unmasked). */
export async function exportResidents(ctx: Ctx, q: ListQuery, reply: FastifyReply, reason?: string) {
  const unmasked = reason !== undefined;
  const f = listFilter(ctx, q, EXPORT_LIMIT, 0);
  const { ids, label } = await ctx.db.tx(async (db) => {
    const list = f ? await exportIds(db, f) : [];
    await appendAudit(
      db,
      byActor(ctx, {
        action: unmasked ? 'resident.export.unmasked' : 'resident.export',
        targetType: 'resident',
        areaCode: ctx.actor.area.code,
        after: { filter: auditedFilter(q, f?.search?.kind), rows: list.length, masked: !unmasked, ...(unmasked ? { reason } : {}) },
      }),
    );
    return { ids: list, label: await codeLabels(db, ctx.lang) };
  });
  const today = shanghaiToday(ctx.now);
  // Rows are opened in place: one object per row, the one the driver made.
  const open = (r: ExportRow): ExportRow => {
    if (!unmasked) return r;
    r.idShown = ctx.keys.open(r.idShown);
    if (r.phoneShown) r.phoneShown = ctx.keys.open(r.phoneShown);
    return r;
  };
  async function* pages() {
    for (let i = 0; i < ids.length; i += EXPORT_PAGE) {
      const page = await ctx.db.run((db) => exportPage(db, f!.prefix, ids.slice(i, i + EXPORT_PAGE), unmasked));
      yield page;
    }
  }
  const t = (key: MessageKey) => translate(ctx.lang, key);
  const purpose = unmasked ? translate(ctx.lang, 'export.stamp.unmasked', { reason }) : null;
  return sendXlsx(
    reply,
    t('export.residents.file'),
    t('export.residents.sheet'),
    columnsFor(ctx, label, today),
    { rows: pages(), prepare: open },
    { purpose },
  );
}
