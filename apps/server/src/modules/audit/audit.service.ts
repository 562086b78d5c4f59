import type { auditListQuery } from '@wushe/core';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { listAudit, type AuditFilter } from './audit.repo.ts';
import { renderAudit } from './audit.render.ts';

export type AuditQuery = z.output<typeof auditListQuery>;

/** The list query as a repository filter: always the caller's whole area. */
export function auditFilter(ctx: Ctx, q: AuditQuery, limit: number, offset: number): AuditFilter {
  const { actor, action, from, to, targetId } = q;
  return { prefix: ctx.scope, actor, action, from, to, targetId, limit, offset };
}

/** The audit trail of the caller's area, in the caller's words. */
export function findAudit(ctx: Ctx, q: AuditQuery) {
  const f = auditFilter(ctx, q, q.pageSize, (q.page - 1) * q.pageSize);
  return ctx.db.run(async (db) => {
    const { items, total } = await listAudit(db, f);
    return { items: await renderAudit(ctx, db, items), total };
  });
}
