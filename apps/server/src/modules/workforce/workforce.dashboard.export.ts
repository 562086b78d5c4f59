// The workforce dashboard's table (the total, then each child area or organisation) as .xlsx,
// with headers in the caller's language: the same figures the page shows.
import { translate, type DashboardFigures, type MessageKey } from '@wushe/core';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../context.ts';
import { sendXlsx, type Column } from '../../http/excel.ts';
import { workforceDashboard, type DashboardInput } from './workforce.dashboard.ts';

type Line = DashboardFigures & { name: string };
const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

export async function exportDashboard(ctx: Ctx, q: DashboardInput, reply: FastifyReply) {
  const d = await workforceDashboard(ctx, q);
  const t = (key: MessageKey) => translate(ctx.lang, key);
  const rateHeader = (key: MessageKey) => `${t(key)} (%)`;
  const columns: Column<Line>[] = [
    { header: t(d.groupBy === 'org' ? 'export.wfDashboard.org' : 'export.wfDashboard.area'), value: (r) => r.name, width: 28 },
    { header: t('export.wfDashboard.workers'), value: (r) => r.workers },
    { header: t('export.wfDashboard.certified'), value: (r) => r.certified },
    { header: t('export.wfDashboard.assistant'), value: (r) => r.assistant },
    { header: t('export.wfDashboard.intermediate'), value: (r) => r.intermediate },
    { header: t('export.wfDashboard.senior'), value: (r) => r.senior },
    { header: rateHeader('export.wfDashboard.rate'), value: (r) => pct(r.rate) },
    { header: t('export.wfDashboard.ceCounted'), value: (r) => r.ce.counted },
    { header: t('export.wfDashboard.ceComplete'), value: (r) => r.ce.complete },
    { header: t('export.wfDashboard.ceOnPace'), value: (r) => r.ce.onPace },
    { header: t('export.wfDashboard.ceBehind'), value: (r) => r.ce.behind },
    { header: rateHeader('export.wfDashboard.ceRate'), value: (r) => pct(r.ce.rate) },
    { header: `${t('export.wfDashboard.examRegistered')} (${d.examYear ?? '—'})`, value: (r) => r.exam.registered },
    { header: t('export.wfDashboard.examPassed'), value: (r) => r.exam.passed },
    { header: rateHeader('export.wfDashboard.examRate'), value: (r) => pct(r.exam.rate) },
    { header: t('export.wfDashboard.trainingHours'), value: (r) => r.training.hours },
    { header: t('export.wfDashboard.personTimes'), value: (r) => r.training.personTimes },
    { header: t('export.wfDashboard.progOpen'), value: (r) => r.programmes.open },
    { header: t('export.wfDashboard.progClosed'), value: (r) => r.programmes.closed },
    { header: t('export.wfDashboard.places'), value: (r) => r.programmes.places },
    { header: t('export.wfDashboard.selected'), value: (r) => r.programmes.selected },
  ];
  const lines: Line[] = [
    { ...d.total, name: `${d.area.name} ${t('export.wfDashboard.total')}` },
    ...d.rows.map((r) => ({ ...r, name: r.name || t('export.wfDashboard.noOrg') })),
  ];
  return sendXlsx(reply, t('export.wfDashboard.file'), `${t('export.wfDashboard.sheet')} ${d.asOf}`, columns, lines);
}
