// The call-out list (filters applied) as .xlsx: title, status in words, places filled, when sent.
import { formatShanghai, translate, type MessageKey, type mobilisationListQuery } from '@wushe/core';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { listPages, sendXlsx } from '../../http/excel.ts';
import { findMobilisations } from './mobilisations.service.ts';

type Row = Awaited<ReturnType<typeof findMobilisations>>['items'][number];

export function exportMobilisations(ctx: Ctx, q: z.output<typeof mobilisationListQuery>, reply: FastifyReply) {
  const t = (key: MessageKey) => translate(ctx.lang, key);
  const at = (iso: string | null) => (iso ? formatShanghai(new Date(iso)) : '');
  return sendXlsx<Row>(
    reply,
    t('export.mobilisations.file'),
    t('export.mobilisations.sheet'),
    [
      { header: t('export.mobilisations.title'), value: (m) => m.title, width: 28 },
      { header: t('export.mobilisations.status'), value: (m) => t(`export.mobilisations.status.${m.status}`), width: 10 },
      { header: t('export.mobilisations.slots'), value: (m) => m.slots, width: 10 },
      { header: t('export.mobilisations.accepted'), value: (m) => m.accepted, width: 10 },
      { header: t('export.mobilisations.sentAt'), value: (m) => at(m.sentAt), width: 18 },
      { header: t('export.mobilisations.createdAt'), value: (m) => at(m.createdAt), width: 18 },
    ],
    listPages((page, pageSize) => findMobilisations(ctx, { ...q, page, pageSize })),
  );
}
