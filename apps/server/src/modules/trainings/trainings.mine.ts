// A public account and trainings: signing up as the account (its name and verified mobile: the
// registration's person key is the account's mobile blind index, which is what links them), the
// account's registration on a training's page, and the "my" page's sections: trainings
// registered, hours attended, certificates. No migration: the account and the registration share
// the sealed mobile's blind index, as a sign-up by name and mobile with that number would.
import { areaPrefix, shanghaiDay, type accountSignUpBody } from '@wushe/core';
import type { Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import { registerMySection } from '../public-accounts/my-sections.ts';
import { trainingOf } from './public.ts';
import { registrationsOfAccount, sealedMobileOf } from './trainings.mine.repo.ts';
import { registrationByKey, waitingPosition, workerByMobile } from './registrations.repo.ts';
import { registerPerson } from './registrations.ts';

type ACtx = Pick<Ctx, 'database' | 'account' | 'ip' | 'now'>;

export async function accountSignUp(ctx: ACtx, id: string, b: z.output<typeof accountSignUpBody>) {
  const t = await trainingOf(ctx as Ctx, id);
  const a = await ctx.database.owner((db) => sealedMobileOf(db, ctx.account!.id));
  const scope = areaPrefix(t.areaCode);
  return ctx.database.tx(scope, async (db) => {
    const workerId = (await workerByMobile(db, scope, a.name, a.hash)) ?? null;
    const person = { workerId, name: a.name, mobileCipher: a.cipher, mobileHash: a.hash, mobileMasked: a.masked, orgName: b.orgName };
    const { row, already } = await registerPerson(db, t, person);
    if (!already)
      await appendAudit(db, {
        actorId: ctx.account!.id,
        actorName: `公众 ${a.masked}`,
        ip: ctx.ip,
        action: 'training.register.account',
        targetType: 'training',
        targetId: id,
        areaCode: t.areaCode,
        after: { registrationId: row.id, status: row.status },
      });
    return mine(db, id, row);
  });
}

async function mine(db: Db, trainingId: string, r: NonNullable<Awaited<ReturnType<typeof registrationByKey>>>) {
  return {
    status: r.status,
    position: r.status === 'waiting' ? await waitingPosition(db, trainingId, r.seq) : null,
    orgName: r.orgName,
    attendedHours: r.attendedHours,
    certificateCode: r.certificateCode,
  };
}

/** The account's registration on this training, 404 when it has none. */
export async function accountRegistration(ctx: ACtx, id: string) {
  await trainingOf(ctx as Ctx, id);
  return ctx.database.owner(async (db) => {
    const a = await sealedMobileOf(db, ctx.account!.id);
    const r = await registrationByKey(db, id, `m:${a.hash}`);
    if (!r) throw notFound();
    return mine(db, id, r);
  });
}

const STATUS = { registered: '已报名', waiting: '候补中', cancelled: '已取消' } as const;

registerMySection('trainings', async ({ database, accountId }) =>
  (await database.owner((db) => registrationsOfAccount(db, accountId))).map((r) => ({
    id: r.trainingId,
    title: r.title,
    subtitle: `报名于 ${shanghaiDay(r.registeredAt)}`,
    status: STATUS[r.status as keyof typeof STATUS] ?? r.status,
    at: new Date(r.registeredAt).toISOString(),
  })),
);
registerMySection('hours', async ({ database, accountId }) =>
  (await database.owner((db) => registrationsOfAccount(db, accountId)))
    .filter((r) => r.hours > 0)
    .map((r) => ({
      id: r.trainingId,
      title: r.title,
      subtitle: r.lastDay ? `最近上课 ${shanghaiDay(r.lastDay)}` : null,
      status: `${r.hours} 学时`,
      at: r.lastDay ? new Date(r.lastDay).toISOString() : null,
    })),
);
registerMySection('certificates', async ({ database, accountId }) =>
  (await database.owner((db) => registrationsOfAccount(db, accountId)))
    .filter((r) => r.certificateCode)
    .map((r) => ({
      id: r.certificateCode!,
      title: r.title,
      subtitle: `证书编号 ${r.certificateCode}（${r.certificateHours ?? 0} 学时）`,
      status: r.certificateIssuedOn,
      at: r.certificateIssuedOn,
    })),
);
