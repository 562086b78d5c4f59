// The public side of volunteering: open posts for anyone, the volunteer QR page's facts, and a
// volunteer's own sign-ups and hours on the "my" page.
import { areaPrefix, hoursOf, type PublicOccasion, type publicPostQuery } from '@wushe/core';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { checkinWindow, tokenValid } from '../checkin/checkin.code.ts';
import { registerMySection } from '../public-accounts/my-sections.ts';
import { VOLUNTEER_CODE } from './hours.service.ts';
import { postBoard, registrationOptions, signupsOfVolunteer } from './public.repo.ts';
import { activityOr404 } from './recruitment.service.ts';
import { volunteerOfAccount } from './volunteers.repo.ts';
import { activeVolunteerOf } from './volunteers.service.ts';

export async function openPosts(ctx: Ctx, q: z.output<typeof publicPostQuery>) {
  const prefix = q.area ? areaPrefix(q.area) : '';
  return ctx.database.owner((db) =>
    postBoard(db, { prefix, skill: q.skill, q: q.q, now: ctx.now, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
  );
}

/** The scan page: the activity only (never a volunteer), whether the code in the link is live. */
export async function volunteerOccasion(ctx: Ctx, activityId: string, t: string | undefined): Promise<PublicOccasion> {
  const a = await ctx.database.owner((db) => activityOr404(db, '', activityId));
  return {
    kind: VOLUNTEER_CODE,
    title: a.title,
    place: a.place,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    orgName: a.orgName,
    window: checkinWindow(a, ctx.now),
    tokenValid: Boolean(t) && tokenValid(ctx.keys, VOLUNTEER_CODE, activityId, t!, ctx.now),
  };
}

export const volunteerOptions = (ctx: Ctx) => ctx.database.owner((db) => registrationOptions(db, ctx.installation.scope));

export async function mySignups(ctx: Ctx) {
  const v = await activeVolunteerOf(ctx);
  return { items: await ctx.database.owner((db) => signupsOfVolunteer(db, v.id)) };
}

// The "my" page lists a volunteer's approved service among its hours.
registerMySection('hours', async ({ database, accountId }) => {
  const v = await database.owner((db) => volunteerOfAccount(db, accountId));
  if (!v) return [];
  const list = await database.owner((db) => signupsOfVolunteer(db, v.id));
  return list
    .filter((s) => s.hoursStatus === 'approved')
    .map((s) => ({
      id: s.id,
      title: s.activityTitle,
      subtitle: `${s.place} · ${hoursOf(s.creditedMinutes ?? 0)} h`,
      status: 'approved',
      at: s.startsAt,
    }));
});
