import type { auditListQuery } from '@wushe/core';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { listAudit } from './audit.repo.ts';

export type AuditQuery = z.output<typeof auditListQuery>;

/** The audit trail of the caller's area. */
export function findAudit(ctx: Ctx, q: AuditQuery, limit = q.pageSize) {
  const { actor, action, from, to, targetId } = q;
  return ctx.db.run((db) =>
    listAudit(db, { prefix: ctx.scope, actor, action, from, to, targetId, limit, offset: (q.page - 1) * q.pageSize }),
  );
}
