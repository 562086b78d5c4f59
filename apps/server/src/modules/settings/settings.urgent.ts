// The urgent follow-up's deadline (issue 8, item 9): days after the flag's day, 0 = the same day.
import { urgentFollowUpSetting } from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { route } from '../../http/route.ts';
import { saveUrgentDays } from '../assessments/urgent.repo.ts';
import { urgentFollowUpDays } from '../assessments/urgent.ts';

async function setUrgentDays(ctx: Ctx, days: number) {
  return ctx.database.tx(ctx.installation.scope, async (db) => {
    const before = await urgentFollowUpDays(db);
    await saveUrgentDays(db, days);
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'settings.urgentFollowUp',
        targetType: 'settings',
        targetId: 'urgent_follow_up',
        areaCode: ctx.installation.areaCode,
        before: { days: before },
        after: { days },
      }),
    );
    return { days };
  });
}

export function urgentSettingRoutes(app: FastifyInstance, tags: string[]): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/settings/urgent-follow-up',
    operationId: 'getUrgentFollowUp',
    access: 'authenticated',
    summary: "Days after an urgent flag's day its follow-up is due (0 = the same day)",
    tags,
    response: urgentFollowUpSetting,
    handler: async (ctx) => ({ days: await ctx.db.run((db) => urgentFollowUpDays(db)) }),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/settings/urgent-follow-up',
    operationId: 'setUrgentFollowUp',
    access: 'settings.write',
    summary: "Set the urgent follow-up's deadline in days after the flag's day (0–7)",
    tags,
    body: urgentFollowUpSetting,
    response: urgentFollowUpSetting,
    handler: (ctx, { body }) => setUrgentDays(ctx, body.days),
  });
}
