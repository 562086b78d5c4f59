// A volunteer's approved service records as the sheet the national volunteer service information
// system takes (志愿服务记录: name, document type and number, volunteer number, project, content,
// place, times, hours, recording organisation and date). The ID number is masked, unless a
// holder of volunteer.reveal states the purpose (entering the records needs the number): then it
// is opened for this sheet only, audited with the purpose and the count, never the value.
import { hoursOf, translate, type MessageKey } from '@wushe/core';
import type { FastifyReply } from 'fastify';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import { sendXlsx } from '../../http/excel.ts';
import { volunteerRecords } from './certificates.service.ts';
import { volunteerById, volunteerSecrets } from './volunteers.repo.ts';

export async function exportVolunteerRecords(ctx: Ctx, volunteerId: string, reply: FastifyReply, reason?: string) {
  const t = (key: MessageKey, params?: Record<string, string>) => translate(ctx.lang, key, params);
  const v = await ctx.db.run((db) => volunteerById(db, ctx.scope, volunteerId));
  if (!v) throw notFound();
  const approved = (await volunteerRecords(ctx, volunteerId)).items.filter((r) => r.status === 'approved');
  let idShown = v.idMasked ?? '';
  if (reason) {
    idShown = await ctx.db.tx(async (db) => {
      const s = await volunteerSecrets(db, ctx.scope, volunteerId);
      if (!s) throw notFound();
      await appendAudit(
        db,
        byActor(ctx, {
          action: 'volunteer.exportRecords',
          targetType: 'volunteer',
          targetId: volunteerId,
          areaCode: s.areaCode,
          after: { reason, count: approved.length, name: s.name },
        }),
      );
      return s.idCipher ? ctx.keys.open(s.idCipher) : '';
    });
  }
  const shanghai = (s: string | null) => (s ? new Date(s).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '');
  type Row = (typeof approved)[number];
  return sendXlsx<Row>(
    reply,
    t('export.records.file'),
    t('export.records.sheet'),
    [
      { header: t('export.volunteers.name'), value: () => v.name, width: 10 },
      { header: t('export.volunteers.idKind'), value: () => '居民身份证', width: 10 },
      { header: t('export.volunteers.idNumber'), value: () => idShown, width: 20 },
      { header: t('export.volunteers.no'), value: () => v.volunteerNo, width: 14 },
      { header: t('export.records.project'), value: (r) => r.activityTitle, width: 24 },
      { header: t('export.records.content'), value: (r) => r.content ?? r.activityTitle, width: 30 },
      { header: t('export.records.place'), value: (r) => r.place, width: 20 },
      { header: t('export.records.start'), value: (r) => shanghai(r.checkinAt), width: 18 },
      { header: t('export.records.end'), value: (r) => shanghai(r.checkoutAt), width: 18 },
      { header: t('export.records.hours'), value: (r) => hoursOf(r.creditedMinutes ?? 0), width: 10 },
      { header: t('export.records.recorder'), value: (r) => r.orgName ?? ctx.actor.org?.name ?? '', width: 24 },
      { header: t('export.records.recordedOn'), value: (r) => r.servedOn, width: 12 },
    ],
    approved,
    { purpose: reason ? t('export.stamp.unmasked', { reason }) : null },
  );
}
