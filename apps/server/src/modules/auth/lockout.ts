// The lock-out (等保 2.0): N wrong passwords lock an account for M minutes. Login, the
// password change and turning TOTP off all count toward it, and so do names that match no
// account: a wrong password then answers alike whether the name exists, so the answer never
// tells an attacker which accounts there are, while "tries left" stays true for real users.
import type { Db } from '@wushe/db';
import { appendAudit } from '../../audit/audit.ts';
import type { AppConfig } from '../../config.ts';
import {
  countUnknownNameFailure,
  forgetStaleUnknownNames,
  lockUnknownName,
  setFailedAttempts,
  unknownNameFailures,
  type UserRow,
} from './auth.repo.ts';

export type Verdict = { kind: 'failed'; left: number } | { kind: 'locked'; until: Date };

export interface Attempt {
  /** The name as typed (audited, cut to 64 characters). */
  name: string;
  ip: string;
  now: Date;
  /** Why it failed: bad-password, bad-totp, bad-current-password, unknown-user, locked, … */
  reason: string;
  /** Where: login, password, totp-disable. */
  via: string;
  /** The installation's area, for the audit record of an unknown name. */
  installationArea: string;
}

type LockConfig = Pick<AppConfig, 'lockAttempts' | 'lockMinutes'>;

const DAY_MS = 86_400_000;

export function auditFailure(db: Db, user: UserRow | undefined, a: Attempt): Promise<void> {
  return appendAudit(db, {
    actorId: user?.id ?? null,
    actorName: a.name.slice(0, 64),
    ip: a.ip,
    action: 'auth.login.failed',
    targetType: 'user',
    targetId: user?.id ?? null,
    areaCode: user?.areaCode ?? a.installationArea,
    after: a.via === 'login' ? { reason: a.reason } : { reason: a.reason, via: a.via },
  });
}

/** One more failure of an account (its row locked by the caller); locks it at the limit. */
export async function countFailure(db: Db, config: LockConfig, user: UserRow, a: Attempt): Promise<Verdict> {
  const attempts = user.failedAttempts + 1;
  await auditFailure(db, user, a);
  if (attempts < config.lockAttempts) {
    await setFailedAttempts(db, user.id, attempts);
    return { kind: 'failed', left: config.lockAttempts - attempts };
  }
  const until = new Date(a.now.getTime() + config.lockMinutes * 60_000);
  await setFailedAttempts(db, user.id, 0, until);
  await appendAudit(db, {
    actorId: null,
    actorName: 'system',
    ip: a.ip,
    action: 'user.lock',
    targetType: 'user',
    targetId: user.id,
    areaCode: user.areaCode,
    after: { lockedUntil: until.toISOString(), reason: a.via === 'login' ? 'failed-logins' : `failed-${a.via}` },
  });
  return { kind: 'locked', until };
}

/** A failure under a name that matches no account: counted and locked the same way. */
export async function countUnknownFailure(db: Db, config: LockConfig, a: Attempt): Promise<Verdict> {
  await forgetStaleUnknownNames(db, new Date(a.now.getTime() - DAY_MS));
  const held = await unknownNameFailures(db, a.name);
  await auditFailure(db, undefined, a);
  if (held?.lockedUntil && held.lockedUntil > a.now) return { kind: 'locked', until: held.lockedUntil };
  const attempts = await countUnknownNameFailure(db, a.name, a.now);
  if (attempts < config.lockAttempts) return { kind: 'failed', left: config.lockAttempts - attempts };
  const until = new Date(a.now.getTime() + config.lockMinutes * 60_000);
  await lockUnknownName(db, a.name, until);
  return { kind: 'locked', until };
}
