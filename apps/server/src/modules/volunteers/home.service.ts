// A volunteer's 工作台 (issue 11 item 10): for a staff account of the volunteer role linked to its
// volunteer record. Open posts and wishes of their street, their sign-ups and claims, hours this
// year and certificates; nothing of anyone else.
import { areaPrefix, hoursOf, shanghaiToday } from '@wushe/core';
import type { Ctx } from '../../context.ts';
import { certificatesOfVolunteer, claimsOfAccount, hoursSince, openWishesNear, volunteerIdOfUser } from './home.repo.ts';
import { postBoard, signupsOfVolunteer } from './public.repo.ts';
import { toMyVolunteer } from './volunteers.service.ts';
import { volunteerOfAccount, volunteerById } from './volunteers.repo.ts';

export async function volunteerHome(ctx: Ctx) {
  const today = shanghaiToday(ctx.now);
  return ctx.database.owner(async (db) => {
    const link = await volunteerIdOfUser(db, ctx.actor.id);
    const row = link && (link.accountId ? await volunteerOfAccount(db, link.accountId) : await volunteerById(db, '', link.id));
    if (!link || !row) return { volunteer: null, year: null, signups: [], claims: [], certificates: [], posts: [], wishes: [] };
    const street = areaPrefix(`${row.areaCode.slice(0, 9)}000`);
    const [year, signups, claims, certificates, posts, wishes] = await Promise.all([
      hoursSince(db, row.id, `${today.slice(0, 4)}-01-01`),
      signupsOfVolunteer(db, row.id),
      link.accountId ? claimsOfAccount(db, link.accountId) : Promise.resolve([]),
      certificatesOfVolunteer(db, row.id),
      postBoard(db, { prefix: street, now: ctx.now, limit: 5, offset: 0 }),
      openWishesNear(db, street, today),
    ]);
    return {
      volunteer: toMyVolunteer(row),
      year: { minutes: year.minutes, hours: hoursOf(year.minutes), services: year.services },
      signups: signups.slice(0, 10),
      claims,
      certificates: certificates.map((c) => ({ ...c, hours: hoursOf(c.minutes) })),
      posts: posts.items,
      wishes,
    };
  });
}
