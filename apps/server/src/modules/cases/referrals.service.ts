// Referrals (转介): the worker refers a case to an organisation in Wushe (its head accepts or
// declines with a reason, and may open a case of their own when the person lives in their area)
// or outside it (the worker types in the answer). The referring worker withdraws a pending
// referral or ends an accepted one; closing the case ends them all. While pending or accepted
// the receiving organisation reads the case and its timeline, never writes; each read audited.
import {
  REFERRAL_OPEN,
  shanghaiToday,
  translate,
  type Lang,
  type Referral,
  type referralClose,
  type referralCreate,
  type referralDecision,
  type referralListQuery,
  type referralOutcome,
  type ReferredCase,
} from '@wushe/core';
import { uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import { conflict, AppError, fieldError, notFound } from '../../http/errors.ts';
import { insertNotification } from '../assessments/urgent.repo.ts';
import { acrossStations } from '../transfers/transfers.repo.ts';
import { coveringScope } from '../transfers/transfers.service.ts';
import { caseById, eventsOf, insertEvent, touchCase } from './cases.repo.ts';
import { eventOf, openCaseIn, type CaseCtx } from './cases.service.ts';
import { eventView, openPlan, readsNarrative } from './cases.view.ts';
import {
  headsOf,
  insertReferral,
  listReferrals,
  openReferralTo,
  referralById,
  referralsOfCase,
  referralTargets,
  referredCaseRow,
  subjectOf,
  updateReferral,
  type ReferralRow,
  type Side,
} from './referrals.repo.ts';

export type ReferralCtx = CaseCtx & { lang: Lang; actor: CaseCtx['actor'] & { org: { id: string; name: string } | null } };

interface Form {
  subject: Referral['subject'];
  reason: string;
}

const ageOn = (birthDate: string | null, today: string) => {
  if (!birthDate) return null;
  const age = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? age - 1 : age;
};

/** A referral as one side sees it: the form is theirs to read. */
export function referralView(ctx: Pick<CaseCtx, 'keys'>, r: ReferralRow, direction: Referral['direction']): Referral {
  const form = JSON.parse(ctx.keys.open(r.formCipher)) as Form;
  const { formCipher: _f, toAreaCode: _t, referredBy: _b, ...rest } = r;
  return { ...rest, subject: form.subject, reason: form.reason, direction };
}

const isIncoming = (ctx: ReferralCtx, r: ReferralRow) =>
  Boolean(ctx.actor.org && r.toOrgId === ctx.actor.org.id && r.toAreaCode?.startsWith(ctx.scope));

const audit = (db: Db, ctx: ReferralCtx, r: Pick<ReferralRow, 'id' | 'fromAreaCode'>, action: string, after: Record<string, unknown>) =>
  appendAudit(db, byActor(ctx, { action, targetType: 'case_referral', targetId: r.id, areaCode: r.fromAreaCode, after }));

/** Runs `fn` in the scope covering both sides (a timeline event or a notice on the other side). */
const bothSides = <T>(db: Db, ctx: ReferralCtx, r: Pick<ReferralRow, 'fromAreaCode' | 'toAreaCode'>, fn: () => Promise<T>) =>
  acrossStations(db, coveringScope(r.fromAreaCode, r.toAreaCode ?? r.fromAreaCode), ctx.scope, fn);

export async function referCase(ctx: ReferralCtx, caseId: string, body: z.output<typeof referralCreate>): Promise<Referral> {
  return ctx.db.tx(async (db) => {
    const c = await caseById(db, ctx.scope, caseId);
    if (!c || !readsNarrative(ctx, c)) throw notFound();
    if (c.stage === 'closed') throw new AppError(409, 'referral.caseClosed');
    let to: { id: string; name: string; areaCode: string } | null = null;
    if (body.toOrgId) {
      const id = body.toOrgId;
      to = (await acrossStations(db, '', ctx.scope, () => referralTargets(db, undefined, id)))[0] ?? null;
      if (!to) throw fieldError('toOrgId', 'error.notFound');
      if (to.id === c.orgId) throw fieldError('toOrgId', 'referral.ownOrg');
      if (await openReferralTo(db, c.id, to.id)) throw fieldError('toOrgId', 'referral.duplicate');
    }
    const person = (await subjectOf(db, ctx.scope, c.residentId))!;
    const form: Form = {
      subject: { name: person.name, gender: person.sex, age: ageOn(person.birthDate, shanghaiToday(ctx.now)), areaName: person.areaName },
      reason: body.reason,
    };
    const id = uuidv7();
    await insertReferral(db, {
      id,
      caseId: c.id,
      caseNo: c.caseNo,
      fromAreaCode: c.areaCode,
      fromOrgName: ctx.actor.org?.name ?? null,
      toOrgId: to?.id ?? null,
      toOrgName: to?.name ?? null,
      toAreaCode: to?.areaCode ?? null,
      externalName: body.externalName ?? null,
      service: body.service ?? null,
      formCipher: ctx.keys.seal(JSON.stringify(form)),
      referredBy: ctx.actor.id,
      referredByName: ctx.actor.displayName,
      at: ctx.now,
    });
    await insertEvent(
      db,
      eventOf(ctx, c, 'referred', c.stage, body.reason, { to: to?.name ?? body.externalName ?? null, external: to ? 'no' : 'yes' }),
    );
    await touchCase(db, ctx.scope, c.id, ctx.now);
    const r = (await referralById(db, ctx.scope, id))!;
    if (to) {
      const params = { caseNo: c.caseNo, from: ctx.actor.org?.name ?? ctx.actor.displayName };
      await bothSides(db, ctx, r, async () => {
        for (const head of await headsOf(db, to.id))
          await insertNotification(db, {
            userId: head.id,
            areaCode: head.areaCode,
            kind: 'referral.requested',
            title: translate('zh-CN', 'referral.requestedTitle', params),
            body: translate('zh-CN', 'referral.requestedBody', params),
            link: `/referrals/${id}`,
            at: ctx.now,
          });
      });
    }
    await audit(db, ctx, r, 'case.refer', { caseId: c.id, caseNo: c.caseNo, to: to?.name ?? body.externalName, external: !to });
    return referralView(ctx, r, 'outgoing');
  });
}

/** A decision or closing of the referral, with its event on the referring case's timeline. */
async function settle(
  ctx: ReferralCtx,
  id: string,
  version: number,
  check: (
    r: ReferralRow,
    db: Db,
  ) => Promise<{ side: Side; status: ReferralRow['status']; comment: string | null; decided: boolean; acceptedCaseId?: string }>,
  direction: Referral['direction'],
): Promise<Referral> {
  return ctx.db.tx(async (db) => {
    const r = await referralById(db, ctx.scope, id);
    if (!r) throw notFound();
    const s = await check(r, db);
    if (r.version !== version) throw conflict();
    const ok = await updateReferral(db, id, version, s.side, {
      status: s.status,
      decisionComment: s.comment,
      ...(s.decided ? { decidedBy: ctx.actor.id, decidedByName: ctx.actor.displayName } : {}),
      acceptedCaseId: s.acceptedCaseId ?? null,
      ended: s.status === 'ended' || s.status === 'withdrawn',
      at: ctx.now,
    });
    if (!ok) throw conflict();
    await bothSides(db, ctx, r, async () => {
      const c = (await caseById(db, r.fromAreaCode, r.caseId))!;
      await insertEvent(db, eventOf(ctx, c, `referral_${s.status}`, c.stage, s.comment, { to: r.toOrgName ?? r.externalName }));
      if (s.decided && r.toOrgId) {
        const outcome = translate('zh-CN', `referral.outcome.${s.status as 'accepted' | 'declined'}`);
        const params = { caseNo: r.caseNo, org: r.toOrgName ?? '', outcome };
        await insertNotification(db, {
          userId: r.referredBy,
          areaCode: r.fromAreaCode,
          kind: 'referral.decided',
          title: translate('zh-CN', 'referral.decidedTitle', params),
          body: translate('zh-CN', 'referral.decidedBody', params),
          link: `/cases/${r.caseId}`,
          at: ctx.now,
        });
      }
    });
    await audit(db, ctx, r, `case.referral.${s.status}`, {
      caseNo: r.caseNo,
      comment: s.comment,
      acceptedCaseId: s.acceptedCaseId ?? null,
    });
    return referralView(ctx, (await referralById(db, ctx.scope, id))!, direction);
  });
}

/** The receiving organisation's head accepts (optionally opening a case of theirs) or declines. */
export function decideReferral(ctx: ReferralCtx, id: string, body: z.output<typeof referralDecision>): Promise<Referral> {
  return settle(
    ctx,
    id,
    body.version,
    async (r, db) => {
      if (!isIncoming(ctx, r)) throw notFound();
      if (r.status !== 'pending') throw new AppError(409, 'referral.notPending');
      let acceptedCaseId: string | undefined;
      if (body.accept && body.openCase) {
        const referred = (await referredCaseRow(db, r.caseId))!;
        const form = JSON.parse(ctx.keys.open(r.formCipher)) as Form;
        const opened = await openCaseIn(
          db,
          ctx,
          { residentId: referred.residentId, type: referred.type, riskLevel: referred.riskLevel, problem: form.reason },
          { fromReferral: r.caseNo },
        ).catch((e: unknown) => {
          if (e instanceof AppError && e.status === 400) throw fieldError('openCase', 'referral.openCaseOutOfScope');
          throw e;
        });
        acceptedCaseId = opened.id;
      }
      return {
        side: { to: ctx.scope, orgId: ctx.actor.org?.id ?? null },
        status: body.accept ? 'accepted' : 'declined',
        comment: body.comment ?? null,
        decided: true,
        acceptedCaseId,
      };
    },
    'incoming',
  );
}

/** The referring worker records an outside organisation's answer. */
export function recordOutcome(ctx: ReferralCtx, id: string, body: z.output<typeof referralOutcome>): Promise<Referral> {
  return settle(
    ctx,
    id,
    body.version,
    async (r) => {
      if (!r.fromAreaCode.startsWith(ctx.scope)) throw notFound();
      if (r.toOrgId) throw new AppError(409, 'referral.internal');
      if (r.status !== 'pending') throw new AppError(409, 'referral.notPending');
      return { side: { from: ctx.scope }, status: body.accepted ? 'accepted' : 'declined', comment: body.comment, decided: true };
    },
    'outgoing',
  );
}

/** Withdraw a pending referral or end an accepted one: the receiving side's reading stops. */
export function closeReferral(ctx: ReferralCtx, id: string, body: z.output<typeof referralClose>): Promise<Referral> {
  return settle(
    ctx,
    id,
    body.version,
    async (r) => {
      if (!r.fromAreaCode.startsWith(ctx.scope)) throw notFound();
      if (!REFERRAL_OPEN.includes(r.status)) throw new AppError(409, 'referral.notAccepted');
      return {
        side: { from: ctx.scope },
        status: r.status === 'pending' ? 'withdrawn' : 'ended',
        comment: body.note ?? null,
        decided: false,
      };
    },
    'outgoing',
  );
}

export async function findReferrals(ctx: ReferralCtx, q: z.output<typeof referralListQuery>) {
  const page = await ctx.db.run((db) =>
    listReferrals(db, {
      scope: ctx.scope,
      direction: q.direction,
      orgId: ctx.actor.org?.id ?? null,
      status: q.status,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    }),
  );
  return { total: page.total, items: page.items.map((r) => referralView(ctx, r, q.direction)) };
}

export async function caseReferrals(ctx: ReferralCtx, caseId: string) {
  return ctx.db.run(async (db) => {
    const c = await caseById(db, ctx.scope, caseId);
    if (!c) throw notFound();
    return { items: (await referralsOfCase(db, ctx.scope, caseId)).map((r) => referralView(ctx, r, 'outgoing')) };
  });
}

/**
 * The referral and, while it is pending or accepted, the case as the receiving organisation may
 * read it: facts, the narrative unless the case is sensitive, the timeline. Each read audited.
 */
export async function readReferral(ctx: ReferralCtx, id: string): Promise<ReferredCase> {
  return ctx.db.tx(async (db) => {
    const r = await referralById(db, ctx.scope, id);
    if (!r) throw notFound();
    const incoming = isIncoming(ctx, r);
    if (!incoming && !r.fromAreaCode.startsWith(ctx.scope)) throw notFound();
    const referral = referralView(ctx, r, incoming ? 'incoming' : 'outgoing');
    if (!incoming || !REFERRAL_OPEN.includes(r.status)) return { referral, case: null, timeline: [] };
    const c = (await referredCaseRow(db, r.caseId))!;
    const open = !c.sensitive;
    const timeline = (await eventsOf(db, '', r.caseId)).map((e) => eventView(ctx.keys, e, open));
    await audit(db, ctx, r, 'case.referral.read', { caseNo: r.caseNo, org: r.toOrgName });
    return {
      referral,
      case: {
        caseNo: c.caseNo,
        type: c.type,
        riskLevel: c.riskLevel,
        stage: c.stage,
        openedOn: c.openedOn,
        narrativeHidden: !open,
        problem: open ? ctx.keys.open(c.problemCipher) : null,
        plan: open && c.planCipher ? openPlan(ctx.keys, c.planCipher) : null,
      },
      timeline,
    };
  });
}

/** Organisations a case can be referred to (a directory of names across every area). */
export function targets(ctx: ReferralCtx, q: string | undefined) {
  return ctx.db.tx(async (db) => ({
    items: (await acrossStations(db, '', ctx.scope, () => referralTargets(db, q))).map(({ areaCode: _a, ...t }) => t),
  }));
}
