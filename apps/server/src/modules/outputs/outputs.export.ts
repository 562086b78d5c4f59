// Outputs as .xlsx: a row per child area (or worker) and the total, headers from the catalog.
import { translate, type MessageKey, type OutputFigures, type OutputsResponse } from '@wushe/core';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../context.ts';
import { sendXlsx } from '../../http/excel.ts';

type Line = { key: string; name: string; figures: OutputFigures };
const FIGURES: (keyof OutputFigures)[] = [
  'casesOpened',
  'casesActive',
  'casesClosed',
  'groups',
  'groupSessions',
  'activities',
  'personTimes',
  'people',
  'satisfaction',
  'satisfactionAnswers',
];

export function exportOutputs(ctx: Pick<Ctx, 'lang'>, result: OutputsResponse, reply: FastifyReply) {
  const t = (key: MessageKey, params?: Record<string, string>) => translate(ctx.lang, key, params);
  const total: Line = { key: result.area.code, name: `${result.area.name}（${t('export.outputs.total')}）`, figures: result.totals };
  return sendXlsx<Line>(
    reply,
    t('export.outputs.file', { area: result.area.name, from: result.from, to: result.to }),
    t('export.outputs.sheet'),
    [
      { header: t('export.outputs.key'), value: (l) => l.key, width: 16 },
      { header: t('export.outputs.name'), value: (l) => l.name, width: 24 },
      ...FIGURES.map((f) => ({ header: t(`export.outputs.${f}`), value: (l: Line) => l.figures[f] ?? '' })),
    ],
    [...result.rows, total],
  );
}
