// A sitting's registrations (filters applied) as .xlsx: the person (ID masked), level,
// subjects sat and carried, each subject's score or result, and whether the level was passed.
import { CERT_KIND_LABELS, EXAM_SUBJECT_LABELS, inLang, translate, type ExamRegistration, type MessageKey } from '@wushe/core';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../context.ts';
import { EXPORT_LIMIT, sendXlsx, type Column } from '../../http/excel.ts';
import { findRegistrations, type RegistrationListInput } from './exams.service.ts';

const READ_PAGE = 2_000;

export async function exportRegistrations(ctx: Ctx, sittingId: string, q: RegistrationListInput, reply: FastifyReply) {
  const t = (key: MessageKey) => translate(ctx.lang, key);
  const first = await findRegistrations(ctx, sittingId, q, READ_PAGE, 0); // 404 before any bytes
  const subject = (r: ExamRegistration, s: 'comprehensive' | 'practice') => {
    if (!EXAM_SUBJECT_LABELS[r.level][s]) return '';
    if (r.carried.includes(s)) return t('export.exams.carried');
    const x = r.results.find((y) => y.subject === s);
    if (!x) return '';
    return x.score ?? t(x.passed ? 'export.exams.pass' : 'export.exams.fail');
  };
  const columns: Column<ExamRegistration>[] = [
    { header: t('export.exams.name'), value: (r) => r.name },
    { header: t('export.exams.idMasked'), value: (r) => r.idMasked, width: 22 },
    { header: t('export.exams.area'), value: (r) => r.areaName },
    { header: t('export.exams.org'), value: (r) => r.orgName, width: 32 },
    { header: t('export.exams.level'), value: (r) => inLang(ctx.lang, CERT_KIND_LABELS[r.level]), width: 18 },
    { header: t('export.exams.comprehensive'), value: (r) => subject(r, 'comprehensive') },
    { header: t('export.exams.practice'), value: (r) => subject(r, 'practice') },
    {
      header: t('export.exams.outcome'),
      value: (r) => t(r.levelPassed ? 'export.exams.passed' : r.results.length ? 'export.exams.failed' : 'export.exams.pending'),
    },
  ];
  async function* pages() {
    yield first.items;
    for (let offset = READ_PAGE; offset < Math.min(first.total, EXPORT_LIMIT); offset += READ_PAGE)
      yield (await findRegistrations(ctx, sittingId, q, READ_PAGE, offset)).items;
  }
  return sendXlsx(reply, t('export.exams.file'), t('export.exams.sheet'), columns, pages());
}
