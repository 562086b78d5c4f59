import { areaLevel, type Area } from '@wushe/core';
import { nameInitials } from '@wushe/db';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { fieldError, notFound } from '../../http/errors.ts';
import { areaByCode, areaChildren, insertGrid, searchAreas } from './areas.repo.ts';

export async function listAreas(ctx: Ctx, q: { parent?: string; q?: string; limit: number }): Promise<Area[]> {
  return ctx.db.run(async (db) => {
    if (q.q) return searchAreas(db, ctx.scope, q.q, q.limit);
    if (q.parent) return areaChildren(db, ctx.scope, q.parent);
    // No parent: the caller's own area is the root of what they may see.
    const root = await areaByCode(db, ctx.scope, ctx.actor.area.code);
    return root ? [root] : [];
  });
}

export async function getArea(ctx: Ctx, code: string): Promise<Area> {
  const area = await ctx.db.run((db) => areaByCode(db, ctx.scope, code));
  if (!area) throw notFound();
  return area;
}

/** Grids (网格) hang under a community with a local suffix on its code. */
export async function createGrid(ctx: Ctx, input: { parentCode: string; name: string; suffix: string }): Promise<Area> {
  return ctx.db.tx(async (db) => {
    const parent = await areaByCode(db, ctx.scope, input.parentCode);
    if (!parent) throw fieldError('parentCode', 'area.unknown');
    if (areaLevel(parent.code) !== 'community') throw fieldError('parentCode', 'area.gridParent');
    const code = parent.code + input.suffix;
    if (await areaByCode(db, '', code)) throw fieldError('suffix', 'area.gridTaken');
    const row = { code, name: input.name, parentCode: parent.code, initials: nameInitials(input.name), path: `${parent.path} / ${input.name}` };
    await insertGrid(db, row);
    await appendAudit(db, byActor(ctx, { action: 'area.grid.create', targetType: 'area', targetId: code, areaCode: code, after: row }));
    return { ...row, level: 'grid' as const, hasChildren: false };
  });
}
