import { areaLevel, type Area } from '@wushe/core';
import { nameInitials, type Database } from '@wushe/db';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { fieldError, notFound } from '../../http/errors.ts';
import { areaByCode, areaChildren, insertGrid, searchAreas } from './areas.repo.ts';

// The division tree is reference data that only grids change: children lists are kept per
// database for a minute (grids added on another instance show within that), dropped at once
// when a grid is added here, and cut to the caller's scope on every read.
const CHILDREN_TTL_MS = 60_000;
const childrenCache = new WeakMap<Database, Map<string, { until: number; items: Area[] }>>();

async function childrenOf(ctx: Ctx, parent: string): Promise<Area[]> {
  let byParent = childrenCache.get(ctx.database);
  if (!byParent) childrenCache.set(ctx.database, (byParent = new Map()));
  const now = Date.now();
  let hit = byParent.get(parent);
  if (!hit || hit.until <= now) {
    hit = { until: now + CHILDREN_TTL_MS, items: await ctx.db.run((db) => areaChildren(db, '', parent)) };
    byParent.set(parent, hit);
  }
  return hit.items.filter((a) => a.code.startsWith(ctx.scope));
}

export async function listAreas(ctx: Ctx, q: { parent?: string; q?: string; limit: number }): Promise<Area[]> {
  if (q.parent && !q.q) return childrenOf(ctx, q.parent);
  return ctx.db.run(async (db) => {
    if (q.q) return searchAreas(db, ctx.scope, q.q, q.limit);
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
    const row = {
      code,
      name: input.name,
      parentCode: parent.code,
      initials: nameInitials(input.name),
      path: `${parent.path} / ${input.name}`,
    };
    await insertGrid(db, row);
    await appendAudit(db, byActor(ctx, { action: 'area.grid.create', targetType: 'area', targetId: code, areaCode: code, after: row }));
    childrenCache.delete(ctx.database);
    return { ...row, level: 'grid' as const, hasChildren: false };
  });
}
