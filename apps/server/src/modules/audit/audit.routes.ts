import { auditEntry, auditListQuery, listOf, type AuditEntry } from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { EXPORT_LIMIT, sendXlsx } from '../../http/excel.ts';
import { route } from '../../http/route.ts';
import { findAudit } from './audit.service.ts';

export function auditRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/audit',
    operationId: 'listAuditRecords',
    download: 'xlsx', // format=xlsx
    access: 'audit.read',
    summary: "The audit trail of the caller's area, newest first; filter by person, action, dates; format=xlsx exports",
    tags: ['audit'],
    query: auditListQuery,
    response: listOf(auditEntry),
    handler: async (ctx, { query }, _req, reply) => {
      if (query.format !== 'xlsx') return findAudit(ctx, query);
      const { items } = await findAudit(ctx, { ...query, page: 1 }, EXPORT_LIMIT);
      const en = ctx.lang === 'en';
      return sendXlsx<AuditEntry>(
        reply,
        en ? 'audit.xlsx' : '审计日志.xlsx',
        en ? 'Audit' : '审计日志',
        [
          { header: en ? 'No.' : '序号', value: (e) => e.seq, width: 8 },
          { header: en ? 'Time' : '时间', value: (e) => e.at, width: 24 },
          { header: en ? 'Person' : '操作人', value: (e) => e.actorName },
          { header: 'IP', value: (e) => e.ip },
          { header: en ? 'Action' : '操作', value: (e) => e.action, width: 22 },
          { header: en ? 'Target' : '对象', value: (e) => (e.targetType ? `${e.targetType}:${e.targetId ?? ''}` : null), width: 44 },
          { header: en ? 'Area' : '区划', value: (e) => e.areaCode, width: 16 },
          { header: en ? 'Before' : '变更前', value: (e) => (e.before ? JSON.stringify(e.before) : null), width: 40 },
          { header: en ? 'After' : '变更后', value: (e) => (e.after ? JSON.stringify(e.after) : null), width: 40 },
        ],
        items,
      );
    },
  });
}
