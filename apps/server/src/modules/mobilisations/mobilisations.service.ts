// 一呼百应 (issue 11 item 9): a worker describes needs; Wushe proposes the best-fitting volunteers
// of the district by an exact assignment (packages/core matcher: skills, distance between
// communities, availability, recent load), each with why; the worker sends the calls; a
// volunteer accepts or declines on the phone, and a decline is refilled at once from the next
// best not yet asked. A need is full when its accepted calls reach its slots. Each call sent is
// also texted to the volunteer when SMS notices are configured (mobilisations.jobs.ts).
import {
  narrowScope,
  proposeMatches,
  rankFor,
  type MatchNeed,
  type MatchVolunteer,
  type Mobilisation,
  type mobilisationBody,
  type mobilisationListQuery,
  type sendCallsBody,
} from '@wushe/core';
import { uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, conflict, fieldError, notFound } from '../../http/errors.ts';
import { areaLevel } from '../volunteers/volunteers.repo.ts';
import { activeVolunteerOf } from '../volunteers/volunteers.service.ts';
import { queueCallSms } from './mobilisations.jobs.ts';
import {
  acceptedOnNeed,
  answerCall,
  callForAnswer,
  calledOnNeed,
  callsOfNeeds,
  callsOfVolunteer,
  candidatesIn,
  closeMobilisation,
  insertCall,
  insertMobilisation,
  insertNeed,
  listMobilisations,
  lockNeed,
  markSent,
  mobilisationById,
  needsOf,
  type Candidate,
  type NeedRow,
} from './mobilisations.repo.ts';

const LOAD_DAYS = 90;

export async function findMobilisations(ctx: Ctx, q: z.output<typeof mobilisationListQuery>) {
  const prefix = narrowScope(ctx.scope, q.area);
  if (prefix === null) return { items: [], total: 0 };
  return ctx.db.run((db) =>
    listMobilisations(db, { prefix, q: q.q, status: q.status, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
  );
}

async function detailIn(db: Db, scope: string, id: string): Promise<Mobilisation | undefined> {
  const head = await mobilisationById(db, scope, id);
  if (!head) return undefined;
  const needs = await needsOf(db, id);
  const calls = await callsOfNeeds(
    db,
    needs.map((n) => n.id),
  );
  return { ...head, needs: needs.map((n) => ({ ...n, calls: calls.filter((c) => c.needId === n.id) })) };
}

export async function getMobilisation(ctx: Ctx, id: string) {
  const m = await ctx.db.run((db) => detailIn(db, ctx.scope, id));
  if (!m) throw notFound();
  return m;
}

export async function createMobilisation(ctx: Ctx, b: z.output<typeof mobilisationBody>) {
  return ctx.db.tx(async (db) => {
    for (const [i, n] of b.needs.entries()) {
      const area = await areaLevel(db, ctx.scope, n.areaCode);
      if (!area || area.level !== 'community') throw fieldError(`needs.${i}.areaCode`, 'volunteer.community');
      if (Date.parse(n.endsAt) < ctx.now.getTime()) throw fieldError(`needs.${i}.endsAt`, 'mobilisation.time');
    }
    const id = uuidv7();
    // The call-out belongs to the street of its first need (inside the caller's scope).
    const areaCode = `${b.needs[0]!.areaCode.slice(0, 9)}000`;
    await insertMobilisation(db, {
      id,
      areaCode: areaCode.startsWith(ctx.scope) ? areaCode : b.needs[0]!.areaCode,
      title: b.title,
      by: ctx.actor.id,
    });
    for (const n of b.needs) await insertNeed(db, { id: uuidv7(), mobilisationId: id, ...n });
    const after = (await detailIn(db, ctx.scope, id))!;
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'mobilisation.create',
        targetType: 'mobilisation',
        targetId: id,
        areaCode: after.areaCode,
        after: { title: b.title, needs: b.needs.length },
      }),
    );
    return after;
  });
}

const asNeed = (n: NeedRow, slots = n.slots): MatchNeed => ({
  skills: n.skills,
  areaCode: n.areaCode,
  startsAt: n.startsAt,
  endsAt: n.endsAt,
  slots,
});
const asVolunteer = (c: Candidate): MatchVolunteer => ({
  skills: c.skills,
  areaCode: c.areaCode,
  availability: c.availability,
  recentCalls: c.recentCalls,
  busy: c.busy,
});
const candidates = (ctx: Ctx, areaCode: string) =>
  ctx.database.owner((db) => candidatesIn(db, areaCode.slice(0, 6), new Date(ctx.now.getTime() - LOAD_DAYS * 86_400_000), ctx.now));

/** The exact best assignment of the places still open, to volunteers not yet asked. */
export async function proposeFor(ctx: Ctx, id: string) {
  const m = await getMobilisation(ctx, id);
  if (m.status === 'closed') throw new AppError(409, 'mobilisation.status');
  const pool = await candidates(ctx, m.areaCode);
  const asked = new Set(m.needs.flatMap((n) => n.calls.map((c) => c.volunteerId)));
  const free = pool.filter((c) => !asked.has(c.id));
  const open = m.needs.map((n) => asNeed(n, Math.max(0, n.slots - n.accepted - n.waiting)));
  const p = proposeMatches(open, free.map(asVolunteer));
  return {
    needs: p.needs.map((x) => ({
      needId: m.needs[x.need]!.id,
      unfilled: x.unfilled,
      chosen: x.chosen.map((c) => {
        const v = free[c.volunteer]!;
        return { volunteerId: v.id, volunteerNo: v.volunteerNo, name: v.name, areaName: v.areaName, cost: c.cost, reasons: c.reasons };
      }),
    })),
    filled: p.filled,
    totalCost: p.totalCost,
    candidates: free.length,
  };
}

/** Ends a call-out: nobody else is called, calls still waiting expire. */
export async function closeCallOut(ctx: Ctx, id: string, version: number) {
  await ctx.db.tx(async (db) => {
    const m = await mobilisationById(db, ctx.scope, id);
    if (!m) throw notFound();
    if (m.status === 'closed') throw new AppError(409, 'mobilisation.status');
    if (!(await closeMobilisation(db, ctx.scope, id, version, ctx.now))) throw conflict();
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'mobilisation.close',
        targetType: 'mobilisation',
        targetId: id,
        areaCode: m.areaCode,
        before: { status: m.status },
      }),
    );
  });
  return getMobilisation(ctx, id);
}

/** Sends the chosen calls (each must fit its need); a call already sent is not sent twice. */
export async function sendCalls(ctx: Ctx, id: string, b: z.output<typeof sendCallsBody>) {
  const m = await getMobilisation(ctx, id);
  if (m.status === 'closed') throw new AppError(409, 'mobilisation.status');
  const pool = new Map((await candidates(ctx, m.areaCode)).map((c) => [c.id, c]));
  const { after, sent } = await ctx.db.tx(async (db) => {
    const sent: string[] = [];
    for (const [i, call] of b.calls.entries()) {
      const need = m.needs.find((n) => n.id === call.needId);
      if (!need) throw fieldError(`calls.${i}.needId`, 'error.notFound');
      const v = pool.get(call.volunteerId);
      const fit = v && rankFor(asNeed(need), [asVolunteer(v)], new Set(), 1)[0];
      if (!v || !fit) throw fieldError(`calls.${i}.volunteerId`, 'volunteer.unknown');
      const callId = uuidv7();
      if (
        await insertCall(db, {
          id: callId,
          needId: need.id,
          areaCode: need.areaCode,
          volunteerId: v.id,
          name: v.name,
          no: v.volunteerNo,
          cost: fit.cost,
          reasons: fit.reasons,
          at: ctx.now,
        })
      )
        sent.push(callId);
    }
    await markSent(db, id, ctx.now);
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'mobilisation.send',
        targetType: 'mobilisation',
        targetId: id,
        areaCode: m.areaCode,
        after: { sent: sent.length },
      }),
    );
    return { after: (await detailIn(db, ctx.scope, id))!, sent };
  });
  await queueCallSms(ctx, sent); // after the commit: the job reads the call
  return after;
}

// ---- The volunteer's phone

export async function myCalls(ctx: Ctx) {
  const v = await activeVolunteerOf(ctx);
  return { items: await ctx.database.owner((db) => callsOfVolunteer(db, v.id)) };
}

/** Accept (while the need has room) or decline; a decline is refilled from the next best. */
export async function answer(ctx: Ctx, callId: string, a: 'accept' | 'decline') {
  const v = await activeVolunteerOf(ctx);
  const found = await ctx.database.owner((db) => callForAnswer(db, callId));
  if (!found || found.volunteerId !== v.id) throw notFound();
  const scope = found.areaCode;
  const refill = await ctx.database.tx(scope, async (db) => {
    await lockNeed(db, found.needId);
    const call = (await callForAnswer(db, callId))!;
    if (call.status !== 'sent') throw new AppError(409, 'call.status');
    if (a === 'accept' && (await acceptedOnNeed(db, call.needId)) >= call.slots) {
      await answerCall(db, callId, 'expired', ctx.now);
      return false;
    }
    await answerCall(db, callId, a === 'accept' ? 'accepted' : 'declined', ctx.now);
    await appendAudit(db, {
      actorId: null,
      actorName: null,
      ip: ctx.ip,
      action: `mobilisationCall.${a}`,
      targetType: 'mobilisation',
      targetId: call.mobilisationId,
      areaCode: call.areaCode,
      after: { callId, volunteerNo: v.volunteerNo },
    });
    return a === 'decline';
  });
  if (refill) await refillNeed(ctx, found.mobilisationId, found.needId);
  const mine = await ctx.database.owner((db) => callsOfVolunteer(db, v.id));
  const out = mine.find((c) => c.id === callId)!;
  if (a === 'accept' && out.status === 'expired') throw new AppError(409, 'call.status');
  return out;
}

/** Calls the next best volunteer not yet asked for the need (as the system, in the need's area). */
async function refillNeed(ctx: Ctx, mobilisationId: string, needId: string) {
  const m = await ctx.database.owner((db) => detailIn(db, '', mobilisationId));
  const need = m?.needs.find((n) => n.id === needId);
  if (!m || m.status === 'closed' || !need || need.accepted + need.waiting >= need.slots) return;
  const asked = await ctx.database.owner((db) => calledOnNeed(db, needId));
  const pool = (await candidates(ctx, m.areaCode)).filter((c) => !asked.has(c.id));
  const [next] = rankFor(asNeed(need), pool.map(asVolunteer), new Set(), 1);
  if (!next) return;
  const v = pool[next.volunteer]!;
  const callId = uuidv7();
  const inserted = await ctx.database.tx(need.areaCode, (db) =>
    insertCall(db, {
      id: callId,
      needId,
      areaCode: need.areaCode,
      volunteerId: v.id,
      name: v.name,
      no: v.volunteerNo,
      cost: next.cost,
      reasons: next.reasons,
      at: ctx.now,
    }),
  );
  if (inserted) await queueCallSms(ctx, [callId]);
}
