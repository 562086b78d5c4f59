// The 微心愿 and 志愿服务 outputs as .xlsx: a row per child area and the total; value in yuan and
// hours to one decimal, as people read them.
import { hoursOf, translate, type MessageKey, type VolunteeringFigures, type VolunteeringOutputsResponse } from '@wushe/core';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../context.ts';
import { sendXlsx } from '../../http/excel.ts';

type Line = { key: string; name: string; figures: VolunteeringFigures };
const COUNTS = ['wishesPosted', 'wishesClaimed', 'wishesFulfilled'] as const;
const PEOPLE = ['wishesOpen', 'volunteersRegistered', 'volunteersNew', 'volunteersActive', 'services'] as const;

export function exportVolunteeringOutputs(ctx: Pick<Ctx, 'lang'>, result: VolunteeringOutputsResponse, reply: FastifyReply) {
  const t = (key: MessageKey, params?: Record<string, string>) => translate(ctx.lang, key, params);
  const total: Line = { key: result.area.code, name: `${result.area.name}（${t('export.outputs.total')}）`, figures: result.totals };
  return sendXlsx<Line>(
    reply,
    t('export.volunteering.file', { area: result.area.name, from: result.from, to: result.to }),
    t('export.volunteering.sheet'),
    [
      { header: t('export.outputs.key'), value: (l) => l.key, width: 16 },
      { header: t('export.outputs.name'), value: (l) => l.name, width: 24 },
      ...COUNTS.map((f) => ({ header: t(`export.volunteering.${f}`), value: (l: Line) => l.figures[f] })),
      { header: t('export.volunteering.fulfilledValue'), value: (l) => l.figures.fulfilledValueFen / 100 },
      ...PEOPLE.map((f) => ({ header: t(`export.volunteering.${f}`), value: (l: Line) => l.figures[f] })),
      { header: t('export.volunteering.serviceHours'), value: (l) => hoursOf(l.figures.serviceMinutes) },
    ],
    [...result.rows, total],
  );
}
