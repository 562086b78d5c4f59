// Recruiting volunteers for a community activity (issue 11 item 6): the organiser opens posts
// (N volunteers with given skills), volunteers sign up on their phone, the organiser accepts or
// declines; a station can put a volunteer of its register straight on a post. Accepting counts
// the post's places under a row lock, so two acceptances never overfill it.
import { areaPrefix, type ActivityVolunteers, type postBody, type postUpdateBody } from '@wushe/core';
import { uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, conflict, fieldError, notFound } from '../../http/errors.ts';
import { activityFacts } from '../activities/activities.repo.ts';
import {
  acceptedCount,
  hoursOfActivity,
  insertPost,
  lockPost,
  postArea,
  postsOf,
  setSignupStatus,
  signupById,
  signupsOf,
  updatePost,
  upsertSignup,
} from './service.repo.ts';
import { activeSkills, volunteerById, type VolunteerRow } from './volunteers.repo.ts';
import { activeVolunteerOf } from './volunteers.service.ts';

type SCtx = Pick<Ctx, 'db' | 'scope' | 'now' | 'actor' | 'ip'>;

/** A sign-up as the API answers it (without the row's activity and area). */
const signupOut = <T extends { activityId: string; areaCode: string }>({ activityId: _a, areaCode: _c, ...s }: T) => s;

export async function activityOr404(db: Db, scope: string, id: string) {
  const a = await activityFacts(db, scope, id);
  if (!a) throw notFound();
  return a;
}

export async function activityVolunteers(ctx: SCtx, id: string): Promise<ActivityVolunteers> {
  return ctx.db.run(async (db) => {
    const a = await activityOr404(db, ctx.scope, id);
    const [posts, signups, hours] = await Promise.all([
      postsOf(db, ctx.scope, id),
      signupsOf(db, ctx.scope, id),
      hoursOfActivity(db, ctx.scope, id),
    ]);
    return { activityId: id, title: a.title, startsAt: a.startsAt, endsAt: a.endsAt, posts, signups, hours };
  });
}

async function checkSkills(db: Db, skills: string[] | undefined) {
  if (!skills) return;
  const known = await activeSkills(db);
  const bad = skills.findIndex((s) => !known.has(s));
  if (bad >= 0) throw fieldError(`skills.${bad}`, 'volunteer.skill');
}

export async function createPost(ctx: SCtx, activityId: string, b: z.output<typeof postBody>) {
  return ctx.db.tx(async (db) => {
    const a = await activityOr404(db, ctx.scope, activityId);
    if (a.cancelled || Date.parse(a.endsAt) < ctx.now.getTime()) throw new AppError(409, 'post.ended');
    await checkSkills(db, b.skills);
    const id = uuidv7();
    await insertPost(db, {
      id,
      activityId,
      areaCode: a.areaCode,
      title: b.title,
      duty: b.duty ?? null,
      skills: b.skills,
      slots: b.slots,
      by: ctx.actor.id,
    });
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'volunteerPost.create',
        targetType: 'activity',
        targetId: activityId,
        areaCode: a.areaCode,
        after: { postId: id, ...b },
      }),
    );
    return (await postsOf(db, ctx.scope, activityId)).find((p) => p.id === id)!;
  });
}

export async function editPost(ctx: SCtx, activityId: string, postId: string, b: z.output<typeof postUpdateBody>) {
  return ctx.db.tx(async (db) => {
    const a = await activityOr404(db, ctx.scope, activityId);
    const post = await lockPost(db, ctx.scope, postId);
    if (!post || post.activityId !== activityId) throw notFound();
    await checkSkills(db, b.skills);
    const { version, ...changes } = b;
    if (changes.slots !== undefined && changes.slots < (await acceptedCount(db, postId))) throw fieldError('slots', 'post.slots');
    if (!(await updatePost(db, ctx.scope, postId, version, changes))) throw conflict();
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'volunteerPost.update',
        targetType: 'activity',
        targetId: activityId,
        areaCode: a.areaCode,
        after: { postId, ...changes },
      }),
    );
    return (await postsOf(db, ctx.scope, activityId)).find((p) => p.id === postId)!;
  });
}

/** Accepting needs a free place on an open post; the post is locked while counting. */
async function placeFree(db: Db, scope: string, postId: string) {
  const post = await lockPost(db, scope, postId);
  if (!post) throw notFound();
  if (post.status !== 'open') throw new AppError(409, 'post.closed');
  if ((await acceptedCount(db, postId)) >= post.slots) throw new AppError(409, 'post.full');
  return post;
}

export async function decideSignup(ctx: SCtx, activityId: string, signupId: string, decision: 'accept' | 'decline', version: number) {
  return ctx.db.tx(async (db) => {
    const a = await activityOr404(db, ctx.scope, activityId);
    const s = await signupById(db, ctx.scope, signupId);
    if (!s || s.activityId !== activityId) throw notFound();
    const allowed = decision === 'accept' ? ['applied', 'declined'] : ['applied', 'accepted'];
    if (!allowed.includes(s.status)) throw new AppError(409, 'signup.status');
    if (decision === 'accept') await placeFree(db, ctx.scope, s.postId);
    const status = decision === 'accept' ? 'accepted' : 'declined';
    if (!(await setSignupStatus(db, ctx.scope, signupId, version, status, ctx.actor.id))) throw conflict();
    await appendAudit(
      db,
      byActor(ctx, {
        action: `volunteerSignup.${decision}`,
        targetType: 'activity',
        targetId: activityId,
        areaCode: a.areaCode,
        before: { status: s.status },
        after: { signupId, status, name: s.name },
      }),
    );
    return signupOut((await signupById(db, ctx.scope, signupId))!);
  });
}

async function signUp(
  db: Db,
  scope: string,
  post: { id: string; activityId: string; areaCode: string },
  v: VolunteerRow,
  source: 'self' | 'station',
  by: string | null,
) {
  return upsertSignup(db, {
    id: uuidv7(),
    postId: post.id,
    activityId: post.activityId,
    areaCode: post.areaCode,
    volunteerId: v.id,
    name: v.name,
    no: v.volunteerNo,
    status: source === 'station' ? 'accepted' : 'applied',
    source,
    by,
  });
}

/** The organiser puts an active volunteer of the scope on a post: accepted at once. */
export async function addToPost(ctx: SCtx, activityId: string, postId: string, volunteerId: string) {
  return ctx.db.tx(async (db) => {
    const a = await activityOr404(db, ctx.scope, activityId);
    const v = await volunteerById(db, ctx.scope, volunteerId);
    if (!v || v.status !== 'active') throw fieldError('volunteerId', 'volunteer.unknown');
    const post = await placeFree(db, ctx.scope, postId);
    if (post.activityId !== activityId) throw notFound();
    const row = await signUp(db, ctx.scope, post, v, 'station', ctx.actor.id);
    if (!row) throw new AppError(409, 'signup.status'); // already accepted
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'volunteerSignup.add',
        targetType: 'activity',
        targetId: activityId,
        areaCode: a.areaCode,
        after: { signupId: row.id, name: v.name },
      }),
    );
    return signupOut((await signupById(db, ctx.scope, row.id))!);
  });
}

// ---- The volunteer's phone (a confirmed volunteer's public account)

/** Applies for a post of an activity not yet ended; twice answers the first. */
export async function applyForPost(ctx: Ctx, postId: string) {
  const v = await activeVolunteerOf(ctx);
  const found = await ctx.database.owner((db) => postArea(db, postId));
  if (!found) throw notFound();
  const scope = areaPrefix(found.areaCode);
  await ctx.database.tx(scope, async (db) => {
    const a = await activityOr404(db, scope, found.activityId);
    const post = await lockPost(db, scope, postId);
    if (!post || post.status !== 'open') throw new AppError(409, 'post.closed');
    if (a.cancelled || Date.parse(a.endsAt) < ctx.now.getTime()) throw new AppError(409, 'post.ended');
    const row = await signUp(db, scope, post, v, 'self', null);
    if (row?.fresh)
      await appendAudit(db, {
        actorId: null,
        actorName: null,
        ip: ctx.ip,
        action: 'volunteerSignup.apply',
        targetType: 'activity',
        targetId: post.activityId,
        areaCode: post.areaCode,
        after: { signupId: row.id, volunteerNo: v.volunteerNo },
      });
  });
  return { ok: true as const };
}

/** Withdraws the volunteer's own sign-up before the activity starts. */
export async function withdrawSignup(ctx: Ctx, signupId: string) {
  const v = await activeVolunteerOf(ctx);
  const s = await ctx.database.owner((db) => signupById(db, '', signupId));
  if (!s || s.volunteerId !== v.id) throw notFound();
  const scope = areaPrefix(s.areaCode);
  await ctx.database.tx(scope, async (db) => {
    const a = await activityOr404(db, scope, s.activityId);
    if (Date.parse(a.startsAt) <= ctx.now.getTime() || !['applied', 'accepted'].includes(s.status))
      throw new AppError(409, 'signup.status');
    await setSignupStatus(db, scope, signupId, null, 'withdrawn', null);
    await appendAudit(db, {
      actorId: null,
      actorName: null,
      ip: ctx.ip,
      action: 'volunteerSignup.withdraw',
      targetType: 'activity',
      targetId: s.activityId,
      areaCode: s.areaCode,
      after: { signupId },
    });
  });
  return { ok: true as const };
}
