// The public jobs pages' reads (no login): open posts searchable by area, certificate level and
// keyword; one post (open or closed, never a draft) with the fairs it is at; the job fairs
// (published or ended) with their organisations and posts. No applicant, no contact person.
import { areaPrefix, narrowScope, shanghaiToday, type PublicJob, type publicJobListQuery } from '@wushe/core';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import { fairOrgs, listFairs, publicFairById } from './fairs.repo.ts';
import { toFairBase } from './fairs.service.ts';
import { fairsOfJob, listOpenJobs, publicJobById } from './jobs.repo.ts';

const root = (ctx: Ctx) => areaPrefix(ctx.installation.areaCode);
const summary = ({ description: _d, orgId: _o, ...j }: Record<string, unknown>) => j as Omit<PublicJob, 'description' | 'fairs'>;

export async function publicJobs(ctx: Ctx, q: z.output<typeof publicJobListQuery>) {
  const prefix = narrowScope(root(ctx), q.area);
  if (prefix === null) return { items: [], total: 0 };
  const page = await ctx.database.owner((db) =>
    listOpenJobs(db, {
      prefix,
      q: q.q,
      level: q.level,
      today: shanghaiToday(ctx.now),
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    }),
  );
  return { items: page.items.map(summary), total: page.total };
}

export async function publicJob(ctx: Ctx, id: string): Promise<PublicJob> {
  const j = await ctx.database.owner((db) => publicJobById(db, id));
  if (!j) throw notFound();
  const fairs = await ctx.database.owner((db) => fairsOfJob(db, id));
  const { orgId: _o, ...rest } = j;
  return { ...(rest as unknown as PublicJob), fairs: fairs.map((f) => ({ ...f, startsAt: new Date(f.startsAt).toISOString() })) };
}

export async function publicFairs(ctx: Ctx) {
  const page = await ctx.database.owner((db) => listFairs(db, { prefix: root(ctx), publicOnly: true, limit: 50, offset: 0 }));
  return page.items.map((f) => {
    const { areaCode: _a, version: _v, description: _d, ...rest } = toFairBase(f);
    return rest;
  });
}

export async function publicFair(ctx: Ctx, id: string) {
  const f = await ctx.database.owner((db) => publicFairById(db, id));
  if (!f) throw notFound();
  const orgs = await ctx.database.owner((db) => fairOrgs(db, id, true));
  const { areaCode: _a, version: _v, ...base } = toFairBase(f);
  return { ...base, orgs: orgs as never };
}
