// Sign-in rules (等保 2.0): lock after N failures for M minutes (lockout.ts), TOTP where enabled or
// required, forced change of initial passwords, every outcome audited.
import { checkPassword, formatShanghai, type Lang, type LoginBody, type MessageKey } from '@wushe/core';
import { hashPassword, verifyPassword } from '@wushe/db';
import { appendAudit } from '../../audit/audit.ts';
import type { Ctx, Services } from '../../context.ts';
import { matchTotpStep, newTotpSecret, otpauthUrl } from '../../crypto/totp.ts';
import { AppError, fieldError, forbidden } from '../../http/errors.ts';
import {
  deleteSession,
  deleteUserSessions,
  disableTotp,
  enableTotp,
  recordLoginSuccess,
  setPassword,
  setPendingTotpSecret,
  userById,
  userByName,
} from './auth.repo.ts';
import { auditFailure, countFailure, countUnknownFailure, type Attempt, type Verdict } from './lockout.ts';
import { createSession } from './session.ts';

let dummyHash: Promise<string> | undefined;

/** The login body as validated, and where the attempt comes from. */
export type LoginInput = LoginBody & { ip: string; userAgent?: string; now: Date };

type Outcome = { kind: 'ok'; token: string } | Verdict | { kind: 'refused'; error: AppError };

const lockedError = (until: Date) => new AppError(423, 'auth.locked', { until: formatShanghai(until) });

/**
 * Returns the new session token, or throws a problem the person can act on. A wrong password
 * answers the same for an unknown name as for a real account (status, code, tries left, lock,
 * and about the same work: one argon2 check, one transaction); an account's state (disabled,
 * locked by an administrator) is told only to whoever knows its password.
 */
export async function login(services: Services, input: LoginInput): Promise<string> {
  const { config, database, keys, installation } = services;
  const attempt = (reason: string): Attempt => ({
    name: input.username,
    ip: input.ip,
    now: input.now,
    reason,
    via: 'login',
    installationArea: installation.areaCode,
  });
  // Verify outside the transaction: argon2 is slow and must not hold a connection.
  const user = await database.run('', (db) => userByName(db, input.username));
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await (dummyHash ??= hashPassword('timing-equaliser-Aa1!')), input.password);

  const outcome = await database.tx('', async (db): Promise<Outcome> => {
    // Refusals are returned, not thrown: a throw would roll back their audit record.
    if (!user) return countUnknownFailure(db, config, attempt('unknown-user'));
    // Re-read under a row lock so concurrent failures count correctly.
    const u = await userById(db, user.id, true);
    if (!u) return countUnknownFailure(db, config, attempt('unknown-user'));
    if (u.lockedUntil && u.lockedUntil > input.now) {
      await auditFailure(db, u, attempt('locked'));
      return { kind: 'locked', until: u.lockedUntil };
    }
    if (!passwordOk) return countFailure(db, config, u, attempt('bad-password'));
    if (u.status === 'disabled') {
      await auditFailure(db, u, attempt('disabled'));
      return { kind: 'refused', error: new AppError(403, 'auth.disabled') };
    }
    if (u.status === 'locked') {
      await auditFailure(db, u, attempt('locked-by-admin'));
      return { kind: 'refused', error: new AppError(423, 'auth.lockedByAdmin') };
    }
    let totpStep: number | null = null;
    if (u.totpEnabled && u.totpSecret) {
      if (!input.totp) throw new AppError(401, 'auth.totpRequired');
      const step = matchTotpStep(keys.open(u.totpSecret), input.totp, input.now.getTime());
      // A code is good once: a replayed (or older) step is refused like a wrong code.
      if (step === null || step <= (u.totpLastStep ?? -1)) {
        const v = await countFailure(db, config, u, attempt('bad-totp'));
        return v.kind === 'locked' ? v : { kind: 'refused', error: new AppError(401, 'auth.totpWrong') };
      }
      totpStep = step;
    }
    await recordLoginSuccess(db, u.id, input.now, totpStep);
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
  if (outcome.kind === 'locked') throw lockedError(outcome.until);
  throw new AppError(401, 'auth.badCredentialsLeft', { left: outcome.left, minutes: config.lockMinutes });
}

/**
 * A wrong current password on a signed-in session (password change, turning TOTP off) counts
 * toward the login lock-out: a stolen session cannot guess the password unchecked. At the
 * limit the account locks and all its sessions end.
 */
async function refuseWrongCurrent(ctx: Ctx, field: string, via: string): Promise<never> {
  const verdict = await ctx.database.tx('', async (db) => {
    const u = await userById(db, ctx.actor.id, true);
    if (!u) return null;
    const a: Attempt = {
      name: u.username,
      ip: ctx.ip,
      now: ctx.now,
      reason: 'bad-current-password',
      via,
      installationArea: ctx.installation.areaCode,
    };
    const v = await countFailure(db, ctx.config, u, a);
    if (v.kind === 'locked') await deleteUserSessions(db, u.id);
    return v;
  });
  if (verdict?.kind === 'locked') {
    ctx.sessionCache.forgetUser(ctx.actor.id);
    throw lockedError(verdict.until);
  }
  throw fieldError(field, 'password.wrongCurrent');
}

export async function logout(ctx: Ctx, sessionId: string): Promise<void> {
  await ctx.database.tx('', async (db) => {
    await deleteSession(db, sessionId);
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
  const u = await ctx.database.run('', (db) => userById(db, ctx.actor.id));
  if (!u || !(await verifyPassword(u.passwordHash, current))) return refuseWrongCurrent(ctx, 'currentPassword', 'password');
  const problem = passwordProblem(ctx, 'newPassword', next);
  if (problem) throw problem;
  if (current === next) throw fieldError('newPassword', 'password.sameAsOld');
  const passwordHash = await hashPassword(next);
  await ctx.database.tx('', async (db) => {
    await setPassword(db, u.id, passwordHash, ctx.now);
    // Other sessions of this account end: whoever knew the old password is out.
    await deleteUserSessions(db, u.id, sessionId);
    await appendAudit(db, auditOf(ctx, 'auth.password.change'));
  });
  ctx.sessionCache.forgetUser(u.id);
}

export async function totpSetup(ctx: Ctx): Promise<{ secret: string; otpauthUrl: string }> {
  const secret = newTotpSecret();
  await ctx.database.run('', (db) => setPendingTotpSecret(db, ctx.actor.id, ctx.keys.seal(secret)));
  if (ctx.actor.totpEnabled) throw forbidden();
  return { secret, otpauthUrl: otpauthUrl(secret, ctx.actor.username) };
}

export async function totpEnable(ctx: Ctx, code: string): Promise<void> {
  await ctx.database.tx('', async (db) => {
    const u = await userById(db, ctx.actor.id);
    const step = u?.totpSecret ? matchTotpStep(ctx.keys.open(u.totpSecret), code, ctx.now.getTime()) : null;
    if (!u || step === null) throw fieldError('code', 'auth.totpWrong');
    await enableTotp(db, u.id, step);
    await appendAudit(db, auditOf(ctx, 'auth.totp.enable'));
  });
  ctx.sessionCache.forgetUser(ctx.actor.id);
}

export async function totpDisable(ctx: Ctx, password: string): Promise<void> {
  const u = await ctx.database.run('', (db) => userById(db, ctx.actor.id));
  if (!u || !(await verifyPassword(u.passwordHash, password))) return refuseWrongCurrent(ctx, 'password', 'totp-disable');
  await ctx.database.tx('', async (db) => {
    await disableTotp(db, u.id);
    await appendAudit(db, auditOf(ctx, 'auth.totp.disable'));
  });
  ctx.sessionCache.forgetUser(ctx.actor.id);
}

export type { Lang };
