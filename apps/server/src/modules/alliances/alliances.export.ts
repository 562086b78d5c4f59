// The alliance and agreement lists (filters applied) as .xlsx.
import {
  inLang,
  PARTNERSHIP_KIND_LABELS,
  PARTNERSHIP_STATUS_LABELS,
  PARTY_ROLE_LABELS,
  translate,
  type AllianceSummary,
  type MessageKey,
  type PartnershipSummary,
} from '@wushe/core';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../context.ts';
import { EXPORT_LIMIT, sendXlsx, type Column } from '../../http/excel.ts';
import { findAlliances, type AllianceListInput } from './alliances.service.ts';
import { findPartnerships, type PartnershipListInput } from './partnerships.service.ts';

const READ_PAGE = 1_000;

async function* pagesOf<T>(read: (limit: number, offset: number) => Promise<{ items: T[]; total: number }>) {
  const first = await read(READ_PAGE, 0);
  yield first.items;
  for (let offset = READ_PAGE; offset < Math.min(first.total, EXPORT_LIMIT); offset += READ_PAGE)
    yield (await read(READ_PAGE, offset)).items;
}

export function exportAlliances(ctx: Ctx, q: AllianceListInput, reply: FastifyReply) {
  const t = (key: MessageKey) => translate(ctx.lang, key);
  const columns: Column<AllianceSummary>[] = [
    { header: t('export.alliances.name'), value: (r) => r.name, width: 30 },
    { header: t('export.alliances.area'), value: (r) => r.areaName },
    { header: t('export.alliances.lead'), value: (r) => r.leadName, width: 30 },
    { header: t('export.alliances.signedOn'), value: (r) => r.signedOn },
    { header: t('export.alliances.members'), value: (r) => r.members },
    { header: t('export.alliances.events'), value: (r) => r.events },
    { header: t('export.alliances.trainings'), value: (r) => r.trainings },
  ];
  const file = t('export.alliances.file');
  return sendXlsx(
    reply,
    file,
    file,
    columns,
    pagesOf((limit, offset) => findAlliances(ctx, q, limit, offset)),
  );
}

export function exportPartnerships(ctx: Ctx, q: PartnershipListInput, reply: FastifyReply) {
  const t = (key: MessageKey) => translate(ctx.lang, key);
  const columns: Column<PartnershipSummary>[] = [
    { header: t('export.partnerships.title'), value: (r) => r.title, width: 30 },
    { header: t('export.partnerships.kind'), value: (r) => inLang(ctx.lang, PARTNERSHIP_KIND_LABELS[r.kind]) },
    { header: t('export.alliances.area'), value: (r) => r.areaName },
    {
      header: t('export.partnerships.parties'),
      value: (r) => r.parties.map((x) => `${inLang(ctx.lang, PARTY_ROLE_LABELS[x.role])}：${x.name}`).join('；'),
      width: 50,
    },
    { header: t('export.partnerships.period'), value: (r) => `${r.startOn} – ${r.endOn ?? ''}`, width: 24 },
    { header: t('export.partnerships.status'), value: (r) => inLang(ctx.lang, PARTNERSHIP_STATUS_LABELS[r.status]) },
    { header: t('export.partnerships.progress'), value: (r) => `${r.progress}%` },
  ];
  const file = t('export.partnerships.file');
  return sendXlsx(
    reply,
    file,
    file,
    columns,
    pagesOf((limit, offset) => findPartnerships(ctx, q, limit, offset)),
  );
}
