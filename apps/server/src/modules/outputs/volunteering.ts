// Outputs of 微心愿 and 志愿服务 (issue 11 item 11): an area (default the caller's) and a period
// (default the last twelve months, as the service outputs), by child area for the drill-down
// from a city to its communities, by month, and the wishes by status and value at the end of
// the period. Definitions: packages/core/src/volunteers/outputs.ts.
import {
  addDays,
  areaPrefix,
  childPrefixLength,
  noVolunteeringFigures,
  WISH_STATUSES,
  type VolunteeringFigures,
  type VolunteeringOutputsQuery,
  type VolunteeringOutputsResponse,
  type WishStatus,
} from '@wushe/core';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import { areaNamed, childAreas, jitOff } from '../coverage/coverage.repo.ts';
import { monthsBetween, pathUp, period } from './outputs.ts';
import {
  serviceCredited,
  volunteersNew,
  volunteersRegistered,
  wishFlows,
  wishStatuses,
  type VolunteeringPeriod,
} from './volunteering.repo.ts';

type Month = VolunteeringOutputsResponse['months'][number];
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();

export async function volunteeringOutputs(ctx: Ctx, q: VolunteeringOutputsQuery): Promise<VolunteeringOutputsResponse> {
  const { from, to } = period(ctx, q);
  const areaCode = q.area ?? ctx.actor.area.code;
  const prefix = areaPrefix(areaCode);
  if (!prefix.startsWith(ctx.scope)) throw notFound();
  const childLen = childPrefixLength(areaCode);
  const p: VolunteeringPeriod = {
    prefix,
    len: childLen ?? 12,
    fromDate: from,
    toDate: to,
    fromTs: dayStart(from),
    untilTs: dayStart(addDays(to, 1)),
  };
  return ctx.db.tx(async (db) => {
    await jitOff(db);
    const area = await areaNamed(db, areaCode);
    if (!area) throw notFound();
    const [flows, statuses, registered, fresh, served] = [
      await wishFlows(db, p),
      await wishStatuses(db, p),
      await volunteersRegistered(db, p),
      await volunteersNew(db, p),
      await serviceCredited(db, p),
    ];
    const byKey = new Map<string, VolunteeringFigures>();
    const totals = noVolunteeringFigures();
    const at = (k: string | null, gk: number) =>
      gk ? totals : (byKey.get(k ?? '') ?? byKey.set(k ?? '', noVolunteeringFigures()).get(k ?? '')!);
    const months = new Map<string, Month>(
      monthsBetween(from, to).map((m) => [
        m,
        { month: m, wishesPosted: 0, wishesFulfilled: 0, fulfilledValueFen: 0, volunteersNew: 0, volunteersActive: 0, serviceMinutes: 0 },
      ]),
    );
    /** The month's entry of a by-month row (gk = 1, gm = 0), or null for a keyed or total row. */
    const monthOf = (r: { m: string | null; gk: number; gm: number }) => (r.gk && !r.gm ? (months.get(r.m ?? '') ?? null) : undefined);
    for (const r of flows) {
      const m = monthOf(r);
      if (m) Object.assign(m, { wishesPosted: r.posted, wishesFulfilled: r.fulfilled, fulfilledValueFen: r.fulfilledValueFen });
      else if (m === undefined)
        Object.assign(at(r.k, r.gk), {
          wishesPosted: r.posted,
          wishesClaimed: r.claimed,
          wishesFulfilled: r.fulfilled,
          fulfilledValueFen: r.fulfilledValueFen,
        });
    }
    const byStatus = new Map<string, { count: number; valueFen: number }>();
    for (const r of statuses) {
      if (r.gk) byStatus.set(r.status ?? '', { count: r.count, valueFen: r.valueFen });
      if (r.status === 'published') at(r.k, r.gk).wishesOpen = r.count;
    }
    for (const r of registered) at(r.k, r.gk).volunteersRegistered = r.registered;
    for (const r of fresh) {
      const m = monthOf(r);
      if (m) m.volunteersNew = r.registered;
      else if (m === undefined) at(r.k, r.gk).volunteersNew = r.registered;
    }
    for (const r of served) {
      const m = monthOf(r);
      if (m) Object.assign(m, { serviceMinutes: r.minutes, volunteersActive: r.active });
      else if (m === undefined)
        Object.assign(at(r.k, r.gk), { serviceMinutes: r.minutes, services: r.services, volunteersActive: r.active });
    }
    const rows =
      childLen === null
        ? []
        : (await childAreas(db, areaCode)).map((ch) => ({
            key: ch.code,
            name: ch.name,
            drill: childPrefixLength(ch.code) !== null,
            figures: byKey.get(ch.code.slice(0, childLen)) ?? noVolunteeringFigures(),
          }));
    return {
      area: { code: area.code, name: area.name },
      path: await pathUp(db, ctx.scope, area.code),
      from,
      to,
      totals,
      rows,
      months: [...months.values()],
      statuses: WISH_STATUSES.map((s: WishStatus) => ({ status: s, ...(byStatus.get(s) ?? { count: 0, valueFen: 0 }) })),
    };
  });
}
