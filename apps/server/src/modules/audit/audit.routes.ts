import { auditEntry, auditListQuery, listOf, type AuditEntry } from '@wushe/core';
import { inArea, likePrefix, rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../context.ts';
import { EXPORT_LIMIT, sendXlsx } from '../../http/excel.ts';
import { route } from '../../http/route.ts';

interface AuditQuery {
  page: number;
  pageSize: number;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  targetId?: string;
}

/** The audit trail of the caller's area; dates are business days in Asia/Shanghai. */
async function findAudit(ctx: Ctx, q: AuditQuery, limit = q.pageSize) {
  const where = [inArea(sql`area_code`, ctx.scope)];
  if (q.actor) where.push(sql`actor_name = ${q.actor}`);
  if (q.action) where.push(sql`action LIKE ${likePrefix(q.action)}`);
  if (q.from) where.push(sql`at >= (${q.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  if (q.to) where.push(sql`at < ((${q.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`);
  if (q.targetId) where.push(sql`target_id = ${q.targetId}`);
  const cond = sql.join(where, sql` AND `);
  return ctx.db.run(async (db) => {
    const [count] = await rows<{ n: string }>(db, sql`SELECT count(*) AS n FROM audit_log WHERE ${cond}`);
    const items = await rows<AuditEntry>(
      db,
      sql`SELECT seq::int AS seq, at, actor_id AS "actorId", actor_name AS "actorName", ip, action, target_type AS "targetType",
        target_id AS "targetId", area_code AS "areaCode", before, after
        FROM audit_log WHERE ${cond} ORDER BY seq DESC LIMIT ${limit} OFFSET ${(q.page - 1) * q.pageSize}`,
    );
    return { items: items.map((i) => ({ ...i, at: new Date(i.at).toISOString() })), total: Number(count?.n ?? 0) };
  });
}

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
