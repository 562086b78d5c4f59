// The volunteer list (filters applied) as .xlsx: ID number and mobile masked, skills and status in
// words, approved hours.
import { VOLUNTEER_STATUS_LABELS, hoursOf, inLang, translate, type MessageKey, type Volunteer } from '@wushe/core';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../context.ts';
import { listPages, sendXlsx, type Column } from '../../http/excel.ts';
import { codeLabels } from '../settings/code-labels.repo.ts';
import { findVolunteers, type VolunteerListInput } from './volunteers.service.ts';

export async function exportVolunteers(ctx: Ctx, q: VolunteerListInput, reply: FastifyReply) {
  const t = (key: MessageKey) => translate(ctx.lang, key);
  const label = await ctx.db.run((db) => codeLabels(db, ctx.lang));
  const columns: Column<Volunteer>[] = [
    { header: t('export.volunteers.no'), value: (v) => v.volunteerNo, width: 14 },
    { header: t('export.volunteers.name'), value: (v) => v.name, width: 10 },
    { header: t('export.volunteers.idNumber'), value: (v) => v.idMasked ?? '', width: 20 },
    { header: t('export.volunteers.mobile'), value: (v) => v.mobileMasked, width: 14 },
    { header: t('export.volunteers.area'), value: (v) => v.areaName, width: 16 },
    { header: t('export.volunteers.skills'), value: (v) => v.skills.map((s) => label('volunteer_skill', s)).join('、'), width: 24 },
    { header: t('export.volunteers.teams'), value: (v) => v.teams.map((x) => x.name).join('、'), width: 20 },
    { header: t('export.volunteers.status'), value: (v) => inLang(ctx.lang, VOLUNTEER_STATUS_LABELS[v.status]), width: 8 },
    { header: t('export.volunteers.hours'), value: (v) => hoursOf(v.creditedMinutes), width: 10 },
  ];
  return sendXlsx(
    reply,
    t('export.volunteers.file'),
    t('export.volunteers.sheet'),
    columns,
    listPages((page, pageSize) => findVolunteers(ctx, { ...q, page, pageSize })),
  );
}
