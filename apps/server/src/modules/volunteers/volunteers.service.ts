// The volunteer register: find, one volunteer, register (by a station: active at once; the ID
// number and mobile sealed, masked and blind-indexed; a volunteer number of the platform's own),
// edit, the status moves (confirm a self-registration, suspend, resume, leave), reveal (audited
// with the reason), and a public account's self-registration (pending until a station confirms).
import {
  areaPrefix,
  narrowScope,
  shanghaiToday,
  volunteerMove,
  volunteerNumber,
  type Volunteer,
  type VolunteerCreateBody,
  type VolunteerStatus,
  type publicVolunteerBody,
  type volunteerListQuery,
  type volunteerTransitionBody,
  type volunteerUpdateBody,
} from '@wushe/core';
import { phoneBlindIndex, sealIdentity, sealPhone, uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { brokenConstraint, isUniqueViolation } from '../../http/db-errors.ts';
import { AppError, conflict, fieldError, notFound, unauthenticated } from '../../http/errors.ts';
import { accountMobile } from '../jobs/applications.repo.ts';
import { addMember } from './teams.service.ts';
import {
  activeSkills,
  areaLevel,
  insertVolunteer,
  insertVolunteerEvent,
  moveVolunteerEvents,
  linkAccount,
  listVolunteers,
  nextVolunteerSeq,
  updateVolunteer,
  volunteerById,
  volunteerIdByMobile,
  volunteerOfAccount,
  volunteerSecrets,
  type VolunteerColumns,
  type VolunteerFilter,
  type VolunteerRow,
} from './volunteers.repo.ts';

export type VolunteerListInput = z.output<typeof volunteerListQuery>;
type VCtx = Pick<Ctx, 'db' | 'scope' | 'keys' | 'now' | 'actor' | 'ip'>;

export const toVolunteer = (r: VolunteerRow): Volunteer => ({
  ...r,
  confirmedAt: r.confirmedAt ? new Date(r.confirmedAt).toISOString() : null,
  createdAt: new Date(r.createdAt).toISOString(),
});

export function volunteerFilter(ctx: Pick<Ctx, 'scope' | 'keys'>, q: VolunteerListInput, limit: number, offset: number) {
  const prefix = narrowScope(ctx.scope, q.area);
  if (prefix === null) return null;
  const mobileHash = q.q && /^1\d{10}$/.test(q.q) ? phoneBlindIndex(ctx.keys, q.q) : undefined;
  return { ...q, prefix, mobileHash, limit, offset } satisfies VolunteerFilter;
}

export async function findVolunteers(ctx: VCtx, q: VolunteerListInput) {
  const f = volunteerFilter(ctx, q, q.pageSize, (q.page - 1) * q.pageSize);
  if (!f) return { items: [], total: 0 };
  const page = await ctx.db.run((db) => listVolunteers(db, f));
  return { items: page.items.map(toVolunteer), total: page.total };
}

export async function getVolunteer(ctx: VCtx, id: string): Promise<Volunteer> {
  const v = await ctx.db.run((db) => volunteerById(db, ctx.scope, id));
  if (!v) throw notFound();
  return toVolunteer(v);
}

type Fields = Partial<Pick<VolunteerCreateBody, 'name' | 'idNumber' | 'mobile' | 'areaCode' | 'skills' | 'availability' | 'note'>>;

/** The stored columns: a community in scope, skills of the list, identity and mobile sealed. */
async function columnsOf(db: Db, ctx: Pick<Ctx, 'keys' | 'now'>, scope: string, b: Fields): Promise<VolunteerColumns> {
  const c: VolunteerColumns = {};
  if (b.areaCode !== undefined) {
    const area = await areaLevel(db, scope, b.areaCode);
    if (!area) throw fieldError('areaCode', 'volunteer.area');
    if (area.level !== 'community') throw fieldError('areaCode', 'volunteer.community');
    c.area_code = b.areaCode;
  }
  if (b.skills !== undefined) {
    const known = await activeSkills(db);
    const bad = b.skills.findIndex((s) => !known.has(s));
    if (bad >= 0) throw fieldError(`skills.${bad}`, 'volunteer.skill');
    c.skills = [...new Set(b.skills)];
  }
  if (b.idNumber !== undefined) {
    const sealed = sealIdentity(ctx.keys, 'resident_id', b.idNumber, shanghaiToday(ctx.now));
    if (!sealed.ok) throw fieldError('idNumber', sealed.problem.key as never, sealed.problem.params);
    const v = sealed.value;
    Object.assign(c, { id_cipher: v.idCipher, id_hash: v.idHash, id_masked: v.idMasked, gender: v.sex, birth_date: v.birthDate });
  }
  if (b.mobile !== undefined) {
    const p = sealPhone(ctx.keys, b.mobile);
    Object.assign(c, { mobile_cipher: p.phoneCipher, mobile_hash: p.phoneHash, mobile_masked: p.phoneMasked });
  }
  if (b.name !== undefined) c.name = b.name;
  if (b.availability !== undefined) c.availability = b.availability;
  if (b.note !== undefined) c.note = b.note ?? null;
  return c;
}

/** A unique index refused the write: the mobile or the ID number is registered already. */
export function takenAs(e: unknown): never {
  if (isUniqueViolation(e)) {
    const id = brokenConstraint(e)?.includes('id_hash');
    throw fieldError(id ? 'idNumber' : 'mobile', id ? 'volunteer.idTaken' : 'volunteer.mobileTaken');
  }
  throw e;
}

export async function createVolunteer(ctx: VCtx, body: VolunteerCreateBody): Promise<Volunteer> {
  return ctx.db
    .tx(async (db) => {
      const id = body.requestId ?? uuidv7();
      const existing = await volunteerById(db, ctx.scope, id);
      if (existing) return toVolunteer(existing); // a repeated submit: the volunteer the first one made
      const c = await columnsOf(db, ctx, ctx.scope, body);
      const no = volunteerNumber(Number(shanghaiToday(ctx.now).slice(0, 4)), await nextVolunteerSeq(db));
      const row = { ...c, volunteer_no: no, status: 'active', source: 'station', confirmed_by: ctx.actor.id, confirmed_at: ctx.now };
      if (!(await insertVolunteer(db, id, { ...row, created_by: ctx.actor.id }))) throw conflict();
      const ev = { id: uuidv7(), volunteerId: id, areaCode: body.areaCode, actorName: ctx.actor.displayName, at: ctx.now };
      await insertVolunteerEvent(db, { ...ev, action: 'register', status: 'active' });
      for (const teamId of body.teamIds) await addMember(db, ctx, teamId, id, 'member');
      const after = toVolunteer((await volunteerById(db, ctx.scope, id))!);
      await appendAudit(
        db,
        byActor(ctx, { action: 'volunteer.create', targetType: 'volunteer', targetId: id, areaCode: after.areaCode, after }),
      );
      return after;
    })
    .catch(takenAs);
}

export async function updateVolunteerById(ctx: VCtx, id: string, body: z.output<typeof volunteerUpdateBody>): Promise<Volunteer> {
  return ctx.db
    .tx(async (db) => {
      const before = await volunteerById(db, ctx.scope, id);
      if (!before) throw notFound();
      const { version, ...fields } = body;
      const c = await columnsOf(db, ctx, ctx.scope, fields);
      if (!(await updateVolunteer(db, ctx.scope, id, version, c))) throw conflict();
      const after = toVolunteer((await volunteerById(db, ctx.scope, id))!);
      if (after.areaCode !== before.areaCode) await moveVolunteerEvents(db, ctx.scope, id, after.areaCode);
      await appendAudit(
        db,
        byActor(ctx, { action: 'volunteer.update', targetType: 'volunteer', targetId: id, areaCode: after.areaCode, before, after }),
      );
      return after;
    })
    .catch(takenAs);
}

export async function moveVolunteer(ctx: VCtx, id: string, b: z.output<typeof volunteerTransitionBody>): Promise<Volunteer> {
  return ctx.db.tx(async (db) => {
    const before = await volunteerById(db, ctx.scope, id);
    if (!before) throw notFound();
    const to = volunteerMove(before.status as VolunteerStatus, b.action);
    if (!to) throw new AppError(409, 'volunteer.status');
    const confirm = b.action === 'confirm' ? { confirmed_by: ctx.actor.id, confirmed_at: ctx.now } : {};
    if (!(await updateVolunteer(db, ctx.scope, id, b.version, { status: to, ...confirm }))) throw conflict();
    const after = toVolunteer((await volunteerById(db, ctx.scope, id))!);
    await insertVolunteerEvent(db, {
      id: uuidv7(),
      volunteerId: id,
      areaCode: after.areaCode,
      action: b.action,
      status: to,
      reason: b.reason ?? null,
      actorName: ctx.actor.displayName,
      at: ctx.now,
    });
    await appendAudit(
      db,
      byActor(ctx, {
        action: `volunteer.${b.action}`,
        targetType: 'volunteer',
        targetId: id,
        areaCode: after.areaCode,
        before: { status: before.status },
        after: { status: to, reason: b.reason ?? null },
      }),
    );
    return after;
  });
}

/** One sealed value in clear, for one view; audited with the reason, never the value. */
export async function revealVolunteer(ctx: VCtx, id: string, field: 'idNumber' | 'mobile', reason: string) {
  return ctx.db.tx(async (db) => {
    const s = await volunteerSecrets(db, ctx.scope, id);
    if (!s) throw notFound();
    const sealed = field === 'idNumber' ? s.idCipher : s.mobileCipher;
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'volunteer.reveal',
        targetType: 'volunteer',
        targetId: id,
        areaCode: s.areaCode,
        after: { field, reason, name: s.name },
      }),
    );
    return { field, value: sealed ? ctx.keys.open(sealed) : null };
  });
}

// ---- The public account's own registration

const accountOf = (ctx: Ctx) => {
  if (!ctx.account) throw unauthenticated('publicAccount.unauthenticated');
  return ctx.account;
};

export function toMyVolunteer(v: VolunteerRow | undefined) {
  if (!v) return null;
  return {
    id: v.id,
    volunteerNo: v.volunteerNo,
    name: v.name,
    idMasked: v.idMasked,
    areaCode: v.areaCode,
    areaName: v.areaName,
    skills: v.skills,
    availability: v.availability,
    status: v.status,
    teams: v.teams.map((t) => ({ name: t.name, role: t.role })),
    creditedMinutes: v.creditedMinutes,
    services: v.services,
  };
}

export async function myVolunteer(ctx: Ctx) {
  const account = accountOf(ctx);
  return { volunteer: toMyVolunteer(await ctx.database.owner((db) => volunteerOfAccount(db, account.id))) };
}

/** The account's volunteer record when it may serve (active), else a clear 403. */
export async function activeVolunteerOf(ctx: Ctx): Promise<VolunteerRow> {
  const account = accountOf(ctx);
  const v = await ctx.database.owner((db) => volunteerOfAccount(db, account.id));
  if (!v) throw new AppError(403, 'volunteer.notRegistered');
  if (v.status !== 'active') throw new AppError(403, 'volunteer.notActive');
  return v;
}

/**
 * Registers the signed-in account as a volunteer of a community: pending until that station
 * confirms. The mobile is the account's (verified by SMS). Twice answers the first; a volunteer
 * the station registered with this mobile is linked to the account instead of a twin.
 */
export async function registerSelf(ctx: Ctx, b: z.output<typeof publicVolunteerBody>) {
  const account = accountOf(ctx);
  const mine = await ctx.database.owner((db) => volunteerOfAccount(db, account.id));
  if (mine) return { volunteer: toMyVolunteer(mine) };
  const person = await ctx.database.owner((db) => accountMobile(db, account.id));
  if (!person) throw unauthenticated('publicAccount.unauthenticated');
  const mobile = ctx.keys.open(person.mobileCipher);
  const known = await ctx.database.owner((db) => volunteerIdByMobile(db, phoneBlindIndex(ctx.keys, mobile)));
  if (known) {
    if (known.accountId) throw new AppError(409, 'volunteer.already');
    await ctx.database.tx(areaPrefix(known.areaCode), async (db) => {
      await linkAccount(db, known.id, account.id);
      await appendAudit(db, {
        actorId: null,
        actorName: null,
        ip: ctx.ip,
        action: 'volunteer.linkAccount',
        targetType: 'volunteer',
        targetId: known.id,
        areaCode: known.areaCode,
        after: { publicAccountId: account.id },
      });
    });
    return { volunteer: toMyVolunteer(await ctx.database.owner((db) => volunteerOfAccount(db, account.id))) };
  }
  const id = uuidv7();
  // Written in the chosen community's own scope, so row-level security holds the write to it.
  await ctx.database
    .tx(areaPrefix(b.areaCode), async (db) => {
      const c = await columnsOf(db, ctx, '', { ...b, mobile });
      const no = volunteerNumber(Number(shanghaiToday(ctx.now).slice(0, 4)), await nextVolunteerSeq(db));
      await insertVolunteer(db, id, { ...c, volunteer_no: no, public_account_id: account.id, status: 'pending', source: 'self' });
      await insertVolunteerEvent(db, {
        id: uuidv7(),
        volunteerId: id,
        areaCode: b.areaCode,
        action: 'register',
        status: 'pending',
        actorName: null,
        at: ctx.now,
      });
      await appendAudit(db, {
        actorId: null,
        actorName: null,
        ip: ctx.ip,
        action: 'volunteer.register',
        targetType: 'volunteer',
        targetId: id,
        areaCode: b.areaCode,
        after: { volunteerNo: no, publicAccountId: account.id },
      });
    })
    .catch(takenAs);
  return { volunteer: toMyVolunteer(await ctx.database.owner((db) => volunteerOfAccount(db, account.id))) };
}
