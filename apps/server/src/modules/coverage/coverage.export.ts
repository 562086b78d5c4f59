// Coverage of an area and its children as .xlsx: one row per area, headers from the catalog.
import { translate, type MessageKey } from '@wushe/core';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../context.ts';
import { sendXlsx } from '../../http/excel.ts';
import type { CoverageCell } from './coverage.ts';

export function exportCoverage(ctx: Ctx, result: { date: string; area: CoverageCell; children: CoverageCell[] }, reply: FastifyReply) {
  const t = (key: MessageKey, params?: Record<string, string>) => translate(ctx.lang, key, params);
  return sendXlsx<CoverageCell>(
    reply,
    t('export.coverage.file', { area: result.area.name, date: result.date }),
    t('export.coverage.sheet'),
    [
      { header: t('export.coverage.areaCode'), value: (c) => c.code, width: 16 },
      { header: t('export.coverage.area'), value: (c) => c.name, width: 24 },
      { header: t('export.coverage.registered'), value: (c) => c.registered },
      { header: t('export.coverage.covered'), value: (c) => c.covered },
      { header: t('export.coverage.overdue'), value: (c) => c.overdue },
      { header: t('export.coverage.rate'), value: (c) => Math.round(c.rate * 1000) / 10 },
    ],
    [result.area, ...result.children],
  );
}
