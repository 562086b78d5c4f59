import { auditListQuery, auditRecord, listOf } from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.ts';
import { exportAudit } from './audit.export.ts';
import { findAudit } from './audit.service.ts';

export function auditRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/audit',
    operationId: 'listAuditRecords',
    download: 'xlsx', // format=xlsx
    access: 'audit.read',
    summary:
      "The audit trail of the caller's area, newest first, in words (sentence, names, labelled changes); filter by person, action (prefix), record, dates; format=xlsx exports the same words",
    tags: ['audit'],
    query: auditListQuery,
    response: listOf(auditRecord),
    handler: (ctx, { query }, _req, reply) => (query.format === 'xlsx' ? exportAudit(ctx, query, reply) : findAudit(ctx, query)),
  });
}
