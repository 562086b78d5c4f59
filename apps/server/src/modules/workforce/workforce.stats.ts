// Certification statistics (持证率) for an area on a day: by child area down to the street,
// then by organisation within a street; and the posts requiring a certificate (持证上岗).
import {
  areaAncestors,
  areaLevel,
  areaPrefix,
  certificationRate,
  childPrefixLength,
  emptyCounts,
  narrowScope,
  type LevelCounts,
  type requirementBody,
  type WorkforceStats,
} from '@wushe/core';
import { uuidv7 } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { fieldError, notFound } from '../../http/errors.ts';
import { areaByCode } from '../areas/areas.repo.ts';
import { orgInScope } from './workforce.repo.ts';
import { todayOf } from './workforce.service.ts';
import {
  areaNames,
  childAreas,
  deleteRequirement,
  insertRequirement,
  levelCounts,
  orgNames,
  requirementsIn,
} from './workforce.stats.repo.ts';

type SCtx = Pick<Ctx, 'db' | 'scope' | 'now' | 'actor' | 'ip'>;

const withRate = (c: LevelCounts) => ({ ...c, rate: certificationRate(c) });

function add(into: LevelCounts, c: LevelCounts) {
  for (const k of Object.keys(into) as (keyof LevelCounts)[]) into[k] += c[k];
}

export async function workforceStats(ctx: SCtx, q: { area?: string; date?: string }): Promise<WorkforceStats> {
  const code = q.area ?? ctx.actor.area.code;
  const prefix = narrowScope(ctx.scope, code);
  const date = q.date ?? todayOf(ctx);
  return ctx.db.run(async (db) => {
    const area = prefix === null ? undefined : await areaByCode(db, ctx.scope, code);
    if (!area || prefix === null) throw notFound();
    const level = areaLevel(code);
    const childLen = ['province', 'city', 'county'].includes(level) ? childPrefixLength(code) : null;
    const counts = await levelCounts(db, ctx.scope, prefix, date, childLen);
    const total = emptyCounts();
    for (const { key: _k, ...c } of counts) add(total, c);
    const byKey = new Map(counts.map(({ key, ...c }) => [key ?? '', c]));
    let rows: WorkforceStats['rows'];
    if (childLen) {
      const children = await childAreas(db, code);
      const keyOf = (c: string) => c.slice(0, childLen);
      const known = new Set(children.map((c) => keyOf(c.code)));
      // Workers placed on the area itself (a district's own staff) form a row of their own.
      const rest = [...byKey.keys()].filter((k) => !known.has(k));
      const names = new Map(
        (
          await areaNames(
            db,
            rest.map((k) => k.padEnd(12, '0')),
          )
        ).map((a) => [a.code, a.name]),
      );
      rows = [
        ...children.map((c) => ({ key: c.code, name: c.name, drill: c.code, ...withRate(byKey.get(keyOf(c.code)) ?? emptyCounts()) })),
        ...rest.map((k) => ({ key: k.padEnd(12, '0'), name: names.get(k.padEnd(12, '0')) ?? k, drill: null, ...withRate(byKey.get(k)!) })),
      ];
    } else {
      const names = new Map((await orgNames(db, [...byKey.keys()].filter(Boolean))).map((o) => [o.id, o.name]));
      rows = [...byKey.entries()]
        .map(([k, c]) => ({ key: k, name: names.get(k) ?? '', drill: null, ...withRate(c) }))
        .sort((a, b) => b.workers - a.workers || a.name.localeCompare(b.name));
    }
    const ancestors = areaAncestors(code).filter((a) => a !== code);
    const requirements = await requirementsIn(db, ctx.scope, prefix, ancestors, date);
    return {
      area: { code, name: area.name, level },
      date,
      total: withRate(total),
      groupBy: childLen ? 'area' : 'org',
      rows,
      requirements: requirements as WorkforceStats['requirements'],
    };
  });
}

export async function createRequirement(ctx: SCtx, b: z.output<typeof requirementBody>) {
  return ctx.db.tx(async (db) => {
    if (!(await areaByCode(db, ctx.scope, b.areaCode))) throw fieldError('areaCode', 'workforce.area');
    if (b.orgId && !(await orgInScope(db, ctx.scope, b.orgId))) throw fieldError('orgId', 'workforce.org');
    const id = uuidv7();
    const row = { id, areaCode: b.areaCode, orgId: b.orgId ?? null, post: b.post, deadline: b.deadline, note: b.note ?? null };
    await insertRequirement(db, row);
    await appendAudit(
      db,
      byActor(ctx, { action: 'workforce.requirement.add', targetType: 'requirement', targetId: id, areaCode: b.areaCode, after: row }),
    );
    const [made] = (await requirementsIn(db, ctx.scope, areaPrefix(b.areaCode), [], todayOf(ctx))).filter((r) => r.id === id);
    return made! as WorkforceStats['requirements'][number];
  });
}

export async function removeRequirement(ctx: SCtx, id: string) {
  return ctx.db.tx(async (db) => {
    const before = await deleteRequirement(db, ctx.scope, id);
    if (!before) throw notFound();
    await appendAudit(
      db,
      byActor(ctx, { action: 'workforce.requirement.remove', targetType: 'requirement', targetId: id, areaCode: before.areaCode, before }),
    );
    return { ok: true as const };
  });
}
