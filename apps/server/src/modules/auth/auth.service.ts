// Sign-in rules (等保 2.0): lock after N failures for M minutes, TOTP where enabled or
// required, forced change of initial passwords, every outcome audited.
import { checkPassword, formatShanghai, type Lang, type MessageKey } from '@wushe/core';
import { hashPassword, schema, verifyPassword, type Db } from '@wushe/db';
import { and, eq, ne, sql } from 'drizzle-orm';
import { appendAudit } from '../../audit/audit.ts';
import type { Ctx, Services } from '../../context.ts';
import { matchTotpStep, newTotpSecret, otpauthUrl } from '../../crypto/totp.ts';
import { AppError, fieldError, forbidden } from '../../http/errors.ts';
import { createSession } from './session.ts';

const { users, sessions } = schema;
let dummyHash: Promise<string> | undefined;

export interface LoginInput {
  username: string;
  password: string;
  totp?: string;
  ip: string;
  userAgent?: string;
  now: Date;
}

type Outcome =
  | { kind: 'ok'; token: string }
  | { kind: 'locked'; until: Date }
  | { kind: 'failed'; left: number; reason: string }
  | { kind: 'refused'; error: AppError };

/** Returns the new session token, or throws a problem the person can act on. */
export async function login(services: Services, input: LoginInput): Promise<string> {
  const { config, database, keys, installation } = services;
  const fail = (db: Db, user: typeof users.$inferSelect | undefined, reason: string) =>
    appendAudit(db, {
      actorId: user?.id ?? null,
      actorName: input.username.slice(0, 64),
      ip: input.ip,
      action: 'auth.login.failed',
      targetType: 'user',
      targetId: user?.id ?? null,
      areaCode: user?.areaCode ?? installation.areaCode,
      after: { reason },
    });
  // Verify outside the transaction: argon2 is slow and must not hold a connection.
  const [user] = await database.run('', (db) =>
    db
      .select()
      .from(users)
      .where(sql`lower(${users.username}) = lower(${input.username})`),
  );
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await (dummyHash ??= hashPassword('timing-equaliser-Aa1!')), input.password);

  const outcome = await database.tx('', async (db): Promise<Outcome> => {
    // Refusals are returned, not thrown: a throw would roll back their audit record.
    if (!user) {
      await fail(db, undefined, 'unknown-user');
      return { kind: 'refused', error: new AppError(401, 'auth.badCredentials') };
    }
    // Re-read under a row lock so concurrent failures count correctly.
    const [u] = await db.select().from(users).where(eq(users.id, user.id)).for('update');
    if (!u) throw new AppError(401, 'auth.badCredentials');
    if (u.status === 'disabled') {
      await fail(db, u, 'disabled');
      return { kind: 'refused', error: new AppError(403, 'auth.disabled') };
    }
    if (u.status === 'locked') {
      await fail(db, u, 'locked-by-admin');
      return { kind: 'refused', error: new AppError(423, 'auth.lockedByAdmin') };
    }
    if (u.lockedUntil && u.lockedUntil > input.now) {
      await fail(db, u, 'locked');
      return { kind: 'refused', error: new AppError(423, 'auth.locked', { until: formatShanghai(u.lockedUntil) }) };
    }
    let ok = passwordOk;
    let reason = 'bad-password';
    let totpStep: number | null = null;
    if (ok && u.totpEnabled && u.totpSecret) {
      if (!input.totp) throw new AppError(401, 'auth.totpRequired');
      const step = matchTotpStep(keys.open(u.totpSecret), input.totp, input.now.getTime());
      // A code is good once: a replayed (or older) step is refused like a wrong code.
      ok = step !== null && step > (u.totpLastStep ?? -1);
      if (ok) totpStep = step;
      reason = 'bad-totp';
    }
    if (!ok) {
      const attempts = u.failedAttempts + 1;
      if (attempts >= config.lockAttempts) {
        const until = new Date(input.now.getTime() + config.lockMinutes * 60_000);
        await db.update(users).set({ failedAttempts: 0, lockedUntil: until }).where(eq(users.id, u.id));
        await fail(db, u, reason);
        await appendAudit(db, {
          actorId: null,
          actorName: 'system',
          ip: input.ip,
          action: 'user.lock',
          targetType: 'user',
          targetId: u.id,
          areaCode: u.areaCode,
          after: { lockedUntil: until.toISOString(), reason: 'failed-logins' },
        });
        // The lock and its audit must survive the error answer: commit, then report.
        return { kind: 'locked', until };
      }
      await db.update(users).set({ failedAttempts: attempts }).where(eq(users.id, u.id));
      await fail(db, u, reason);
      return { kind: 'failed', left: config.lockAttempts - attempts, reason };
    }
    await db
      .update(users)
      .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: input.now, ...(totpStep !== null ? { totpLastStep: totpStep } : {}) })
      .where(eq(users.id, u.id));
    const token = await createSession(db, u.id, input.ip, input.userAgent);
    await appendAudit(db, {
      actorId: u.id,
      actorName: u.username,
      ip: input.ip,
      action: 'auth.login',
      targetType: 'user',
      targetId: u.id,
      areaCode: u.areaCode,
    });
    return { kind: 'ok', token };
  });
  if (outcome.kind === 'ok') return outcome.token;
  if (outcome.kind === 'refused') throw outcome.error;
  if (outcome.kind === 'locked') throw new AppError(423, 'auth.locked', { until: formatShanghai(outcome.until) });
  if (outcome.reason === 'bad-totp') throw new AppError(401, 'auth.totpWrong');
  throw new AppError(401, 'auth.badCredentialsLeft', { left: outcome.left, minutes: config.lockMinutes });
}

export async function logout(ctx: Ctx, sessionId: string): Promise<void> {
  await ctx.database.tx('', async (db) => {
    await db.delete(sessions).where(eq(sessions.id, sessionId));
    await appendAudit(db, auditOf(ctx, 'auth.logout'));
  });
  ctx.sessionCache.forget(sessionId);
}

function auditOf(ctx: Ctx, action: string) {
  return {
    actorId: ctx.actor.id,
    actorName: ctx.actor.username,
    ip: ctx.ip,
    action,
    targetType: 'user',
    targetId: ctx.actor.id,
    areaCode: ctx.actor.area.code,
  };
}

export function passwordProblem(ctx: Pick<Ctx, 'config'>, path: string, password: string): AppError | null {
  const policy = ctx.config.passwordPolicy;
  const key = checkPassword(password, policy);
  return key ? fieldError(path, key as MessageKey, { min: policy.minLength, classes: policy.minClasses }) : null;
}

export async function changePassword(ctx: Ctx, sessionId: string, current: string, next: string): Promise<void> {
  const [u] = await ctx.database.run('', (db) => db.select().from(users).where(eq(users.id, ctx.actor.id)));
  if (!u || !(await verifyPassword(u.passwordHash, current))) throw fieldError('currentPassword', 'password.wrongCurrent');
  const problem = passwordProblem(ctx, 'newPassword', next);
  if (problem) throw problem;
  if (current === next) throw fieldError('newPassword', 'password.sameAsOld');
  const passwordHash = await hashPassword(next);
  await ctx.database.tx('', async (db) => {
    await db
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: ctx.now, version: sql`${users.version} + 1` })
      .where(eq(users.id, u.id));
    // Other sessions of this account end: whoever knew the old password is out.
    await db.delete(sessions).where(and(eq(sessions.userId, u.id), ne(sessions.id, sessionId)));
    await appendAudit(db, auditOf(ctx, 'auth.password.change'));
  });
  ctx.sessionCache.forgetUser(u.id);
}

export async function totpSetup(ctx: Ctx): Promise<{ secret: string; otpauthUrl: string }> {
  const secret = newTotpSecret();
  await ctx.database.run('', (db) =>
    db
      .update(users)
      .set({ totpSecret: ctx.keys.seal(secret), totpEnabled: false })
      .where(and(eq(users.id, ctx.actor.id), eq(users.totpEnabled, false))),
  );
  if (ctx.actor.totpEnabled) throw forbidden();
  return { secret, otpauthUrl: otpauthUrl(secret, ctx.actor.username) };
}

export async function totpEnable(ctx: Ctx, code: string): Promise<void> {
  await ctx.database.tx('', async (db) => {
    const [u] = await db.select().from(users).where(eq(users.id, ctx.actor.id));
    const step = u?.totpSecret ? matchTotpStep(ctx.keys.open(u.totpSecret), code, ctx.now.getTime()) : null;
    if (!u || step === null) throw fieldError('code', 'auth.totpWrong');
    await db.update(users).set({ totpEnabled: true, totpLastStep: step }).where(eq(users.id, u.id));
    await appendAudit(db, auditOf(ctx, 'auth.totp.enable'));
  });
  ctx.sessionCache.forgetUser(ctx.actor.id);
}

export async function totpDisable(ctx: Ctx, password: string): Promise<void> {
  const [u] = await ctx.database.run('', (db) => db.select().from(users).where(eq(users.id, ctx.actor.id)));
  if (!u || !(await verifyPassword(u.passwordHash, password))) throw fieldError('password', 'password.wrongCurrent');
  await ctx.database.tx('', async (db) => {
    await db.update(users).set({ totpEnabled: false, totpSecret: null }).where(eq(users.id, u.id));
    await appendAudit(db, auditOf(ctx, 'auth.totp.disable'));
  });
  ctx.sessionCache.forgetUser(ctx.actor.id);
}

export type { Lang };
