// Public accounts: SMS codes (6 digits from crypto, kept only as a keyed hash, expiring, limited
// per number and per address, 5 wrong tries void one, a used one never works again), sign-up and
// log-in with a code, the "my" page, the name. Answers never tell whether a number has an account
// until a valid code was given. Installation-wide tables: audited under the installation's area.
import crypto from 'node:crypto';
import type { PublicAccountMe, SmsPurpose, publicLoginBody, publicProfileBody, requestCodeBody, signupBody } from '@wushe/core';
import { sealPhone, uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, conflict, unauthenticated } from '../../http/errors.ts';
import { DEFAULT_SMS } from './sms/sms.config.ts';
import type { SmsSender } from './sms/sms.ts';
import { mySections } from './my-sections.ts';
import { createPublicSession } from './public-session.ts';
import {
  accountById,
  accountByMobile,
  codeCounts,
  countWrongTry,
  deletePublicSession,
  insertAccount,
  insertCode,
  liveCode,
  lockMobile,
  renameAccount,
  touchLogin,
  useCode,
  voidCode,
  type AccountRow,
} from './public-accounts.repo.ts';

const HOUR = 3_600_000;
const smsOf = (ctx: Ctx) => ctx.config.sms ?? DEFAULT_SMS;
const codeHash = (ctx: Ctx, id: string, code: string) => ctx.keys.blindIndex(`sms:${id}:${code}`);
const ms = (d: Date | string | null) => (d ? new Date(d).getTime() : 0);

const tooMany = (key: 'publicAccount.tooSoon', untilMs: number, now: Date) => {
  const seconds = Math.max(1, Math.ceil((untilMs - now.getTime()) / 1000));
  return new AppError(429, key, { seconds }, [], { 'retry-after': String(seconds) });
};
const wrongCode = () => new AppError(400, 'publicAccount.codeWrong', {}, [{ path: 'code', key: 'publicAccount.codeWrong' }]);

/** Sends a code unless a limit is reached (429 with Retry-After); the same answer whether or not an account exists. */
export async function requestCode(ctx: Ctx, sender: SmsSender, body: z.output<typeof requestCodeBody>) {
  const sms = smsOf(ctx);
  const phoneHash = sealPhone(ctx.keys, body.mobile).phoneHash!;
  const now = ctx.now;
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  const id = uuidv7(now.getTime());
  await ctx.db.tx(async (db) => {
    await lockMobile(db, phoneHash);
    const c = await codeCounts(db, phoneHash, ctx.ip, new Date(now.getTime() - HOUR));
    if (c.lastAt && now.getTime() - ms(c.lastAt) < sms.resendSeconds * 1000)
      throw tooMany('publicAccount.tooSoon', ms(c.lastAt) + sms.resendSeconds * 1000, now);
    if (c.numberHour >= sms.perNumberHour) throw tooMany('publicAccount.tooSoon', ms(c.oldestNumberHour) + HOUR, now);
    if (c.addressHour >= sms.perAddressHour) throw tooMany('publicAccount.tooSoon', ms(c.oldestAddressHour) + HOUR, now);
    const expiresAt = new Date(now.getTime() + sms.codeTtlSeconds * 1000);
    await insertCode(db, {
      id,
      mobileHash: phoneHash,
      purpose: body.purpose,
      codeHash: codeHash(ctx, id, code),
      expiresAt,
      ip: ctx.ip,
      at: now,
    });
  });
  try {
    await sender.send(body.mobile, code, body.purpose);
  } catch (err) {
    ctx.log.error({ err }, 'SMS provider refused the code');
    await ctx.db.run((db) => voidCode(db, id, now));
    throw new AppError(502, 'publicAccount.smsFailed');
  }
  return { resendAfter: sms.resendSeconds, expiresInSeconds: sms.codeTtlSeconds, demo: sms.provider === 'log' };
}

/** Checks and uses the code in the caller's transaction; a wrong try is counted even though the request fails. */
async function takeCode(ctx: Ctx, db: Db, mobileHash: string, purpose: SmsPurpose, code: string): Promise<boolean> {
  await lockMobile(db, mobileHash);
  const live = await liveCode(db, mobileHash, purpose, ctx.now, smsOf(ctx).maxAttempts);
  if (!live) return false;
  const given = Buffer.from(codeHash(ctx, live.id, code));
  const stored = Buffer.from(live.codeHash);
  if (given.length !== stored.length || !crypto.timingSafeEqual(given, stored)) {
    await countWrongTry(db, live.id);
    return false;
  }
  return useCode(db, live.id, ctx.now);
}

/**
 * Another module's check of a code (a 公示 objection's mobile): uses the code and answers the
 * sealed mobile, or null when the code is wrong (the wrong try counts).
 */
export async function verifyCode(ctx: Ctx, mobile: string, purpose: SmsPurpose, code: string) {
  const seal = sealPhone(ctx.keys, mobile);
  const ok = await ctx.db.tx((db) => takeCode(ctx, db, seal.phoneHash!, purpose, code));
  return ok ? seal : null;
}

const actorOf = (ctx: Ctx, a: { id: string; mobileMasked: string }) => ({
  actorId: a.id,
  actorName: `公众 ${a.mobileMasked}`,
  ip: ctx.ip,
  targetType: 'public_account',
  targetId: a.id,
  areaCode: ctx.installation.areaCode,
});

type Entered = { account: AccountRow; token: string; csrfToken: string; created: boolean };

/** Runs the code check and what follows in one transaction; an error is thrown after it commits (the wrong try counts). */
async function withCode(
  ctx: Ctx,
  mobile: string,
  purpose: SmsPurpose,
  code: string,
  then: (db: Db, seal: ReturnType<typeof sealPhone>) => Promise<Entered | AppError>,
): Promise<Entered> {
  const seal = sealPhone(ctx.keys, mobile);
  const out = await ctx.db.tx(async (db) => ((await takeCode(ctx, db, seal.phoneHash!, purpose, code)) ? then(db, seal) : wrongCode()));
  if (out instanceof AppError) throw out;
  return out;
}

async function enter(ctx: Ctx, db: Db, account: AccountRow, userAgent: string | undefined, created: boolean): Promise<Entered | AppError> {
  if (account.status !== 'active') return new AppError(403, 'publicAccount.disabled');
  if (!created) await touchLogin(db, account.id, ctx.now);
  await appendAudit(db, { ...actorOf(ctx, account), action: created ? 'publicAccount.signup' : 'publicAccount.login' });
  return { account, ...(await createPublicSession(db, account.id, ctx.ip, userAgent, ctx.now)), created };
}

/** Sign-up: a number that already has an account logs in (told only now, after a valid code). */
export function signup(ctx: Ctx, body: z.output<typeof signupBody>, userAgent: string | undefined): Promise<Entered> {
  return withCode(ctx, body.mobile, 'signup', body.code, async (db, seal) => {
    const existing = await accountByMobile(db, seal.phoneHash!);
    if (existing) return enter(ctx, db, existing, userAgent, false);
    const id = uuidv7(ctx.now.getTime());
    const row = { id, name: body.name, mobileCipher: seal.phoneCipher!, mobileHash: seal.phoneHash!, mobileMasked: seal.phoneMasked! };
    if (!(await insertAccount(db, { ...row, at: ctx.now }))) return conflict();
    return enter(ctx, db, (await accountById(db, id))!, userAgent, true);
  });
}

export function login(ctx: Ctx, body: z.output<typeof publicLoginBody>, userAgent: string | undefined): Promise<Entered> {
  return withCode(ctx, body.mobile, 'login', body.code, async (db, seal) => {
    const account = await accountByMobile(db, seal.phoneHash!);
    if (!account) return new AppError(404, 'publicAccount.noAccount');
    return enter(ctx, db, account, userAgent, false);
  });
}

export async function logout(ctx: Ctx): Promise<{ ok: true }> {
  const a = ctx.account!;
  await ctx.db.tx(async (db) => {
    await deletePublicSession(db, a.sessionId);
    await appendAudit(db, { ...actorOf(ctx, a), action: 'publicAccount.logout' });
  });
  return { ok: true };
}

/** The "my" page: the account and its sections. */
export async function me(ctx: Ctx, accountId = ctx.account?.id, csrfToken = ctx.account?.csrfToken): Promise<PublicAccountMe> {
  const a = accountId && (await ctx.db.run((db) => accountById(db, accountId)));
  if (!a) throw unauthenticated('publicAccount.unauthenticated');
  return {
    id: a.id,
    name: a.name,
    mobileMasked: a.mobileMasked,
    version: a.version,
    createdAt: new Date(a.createdAt).toISOString(),
    csrfToken: csrfToken!,
    sections: await mySections({ database: ctx.database, accountId: a.id, now: ctx.now }),
  };
}

export async function rename(ctx: Ctx, body: z.output<typeof publicProfileBody>): Promise<PublicAccountMe> {
  const a = ctx.account!;
  await ctx.db.tx(async (db) => {
    const before = await accountById(db, a.id);
    if (!(await renameAccount(db, a.id, body.version, body.name))) throw conflict();
    await appendAudit(db, {
      ...actorOf(ctx, a),
      action: 'publicAccount.update',
      before: { name: before?.name },
      after: { name: body.name },
    });
  });
  return me(ctx);
}
