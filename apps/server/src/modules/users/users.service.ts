// Accounts: created within the caller's scope, with a role no stronger than the caller's own,
// in an organisation and area the caller can see. Every change is audited, without secrets.
import {
  areaPrefix,
  canGrant,
  maskPhone,
  narrowScope,
  type User,
  type UserCreateBody,
  type userListQuery,
  type userUpdateBody,
} from '@wushe/core';
import type { z } from 'zod';
import { hashPassword, uuidv7, type Db } from '@wushe/db';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { badRequest, conflict, fieldError, notFound } from '../../http/errors.ts';
import { areaByCode } from '../areas/areas.repo.ts';
import { passwordProblem } from '../auth/auth.service.ts';
import { orgById } from '../orgs/orgs.repo.ts';
import { isUniqueViolation } from '../../http/db-errors.ts';
import { deleteSessionsOf, insertUser, listUsers, rolePermissions, updateUser, userById, type UserFilter } from './users.repo.ts';

export type UserListInput = z.output<typeof userListQuery>;

/** Staff phones are shown whole only to those who manage accounts. */
export const present =
  (ctx: Ctx) =>
  (u: User): User =>
    ctx.actor.permissions.includes('user.write') || !u.phone ? u : { ...u, phone: maskPhone(u.phone) };

/** The list query as a repository filter; null when the asked-for area is outside the scope. */
export function userFilter(ctx: Ctx, q: UserListInput, limit: number, offset: number): UserFilter | null {
  const prefix = narrowScope(ctx.scope, q.area);
  if (prefix === null) return null;
  return { prefix, q: q.q, roleId: q.roleId, orgId: q.orgId, status: q.status, sort: q.sort, limit, offset };
}

export async function findUsers(ctx: Ctx, q: UserListInput) {
  const f = userFilter(ctx, q, q.pageSize, (q.page - 1) * q.pageSize);
  if (!f) return { items: [], total: 0 };
  const res = await ctx.db.run((db) => listUsers(db, f));
  return { items: res.items.map(present(ctx)), total: res.total };
}

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  const u = await ctx.db.run((db) => userById(db, ctx.scope, id));
  if (!u) throw notFound();
  return present(ctx)(u);
}

/** The role must exist and grant nothing the caller lacks (no privilege escalation). */
async function assertGrantableRole(db: Db, ctx: Ctx, roleId: string) {
  const permissions = await rolePermissions(db, roleId);
  if (!permissions) throw fieldError('roleId', 'role.unknown');
  if (!canGrant(ctx.actor.permissions, permissions)) throw fieldError('roleId', 'role.tooStrong');
}

async function assertPlacement(db: Db, ctx: Ctx, areaCode: string, orgId: string | null | undefined) {
  if (!(await areaByCode(db, ctx.scope, areaCode))) throw fieldError('areaCode', 'area.unknown');
  if (!orgId) return;
  const org = await orgById(db, ctx.scope, orgId);
  if (!org) throw fieldError('orgId', 'org.unknown');
  if (!areaCode.startsWith(areaPrefix(org.areaCode))) throw fieldError('areaCode', 'org.areaMismatch');
}

export async function createUser(ctx: Ctx, body: UserCreateBody): Promise<User> {
  const weak = passwordProblem(ctx, 'password', body.password);
  if (weak) throw weak;
  const passwordHash = await hashPassword(body.password);
  return ctx.db.tx(async (db) => {
    await assertGrantableRole(db, ctx, body.roleId);
    await assertPlacement(db, ctx, body.areaCode, body.orgId);
    const id = uuidv7();
    // Usernames are unique across the installation, beyond the caller's scope: the unique
    // index decides, and says nothing else about the other account.
    await insertUser(db, id, body, passwordHash).catch((e: unknown) => {
      if (isUniqueViolation(e)) throw fieldError('username', 'username.taken');
      throw e;
    });
    const user = (await userById(db, ctx.scope, id))!;
    await appendAudit(db, byActor(ctx, { action: 'user.create', targetType: 'user', targetId: id, areaCode: user.areaCode, after: user }));
    return user;
  });
}

export type UserUpdate = z.output<typeof userUpdateBody>;

export async function updateUserById(ctx: Ctx, id: string, body: UserUpdate): Promise<User> {
  const user = await ctx.db.tx(async (db) => {
    const before = await userById(db, ctx.scope, id);
    if (!before) throw notFound();
    const self = id === ctx.actor.id;
    if (
      self &&
      ((body.roleId && body.roleId !== before.roleId) || body.status === 'disabled' || (body.areaCode && body.areaCode !== before.areaCode))
    ) {
      throw badRequest([{ path: body.status ? 'status' : body.roleId ? 'roleId' : 'areaCode', key: 'error.selfAction' }]);
    }
    // A role the caller could not grant also cannot be taken away by them (nor swapped for a weaker one).
    await assertGrantableRole(db, ctx, before.roleId);
    if (body.roleId && body.roleId !== before.roleId) await assertGrantableRole(db, ctx, body.roleId);
    if (body.areaCode || body.orgId !== undefined) {
      await assertPlacement(db, ctx, body.areaCode ?? before.areaCode, body.orgId === undefined ? before.orgId : body.orgId);
    }
    const { version, ...changes } = body;
    if (!(await updateUser(db, ctx.scope, id, version, changes))) throw conflict();
    if (body.status === 'disabled' || body.roleId || body.areaCode) await deleteSessionsOf(db, id);
    const after = (await userById(db, ctx.scope, id))!;
    await appendAudit(
      db,
      byActor(ctx, { action: 'user.update', targetType: 'user', targetId: id, areaCode: after.areaCode, before, after }),
    );
    return present(ctx)(after);
  });
  ctx.sessionCache.forgetUser(id);
  return user;
}

type AdminAction = 'reset-password' | 'lock' | 'unlock';

/** Reset, lock, unlock: never on oneself; each ends the account's sessions and is audited. */
export async function adminAction(ctx: Ctx, id: string, action: AdminAction, password?: string): Promise<User> {
  if (id === ctx.actor.id) throw badRequest([{ path: 'id', key: 'error.selfAction' }]);
  let changes: Record<string, unknown>;
  if (action === 'reset-password') {
    const weak = passwordProblem(ctx, 'password', password ?? '');
    if (weak) throw weak;
    changes = { passwordHash: await hashPassword(password!), mustChangePassword: true, failedAttempts: 0 };
  } else if (action === 'lock') {
    changes = { status: 'locked' };
  } else {
    changes = { status: 'active', lockedUntil: null, failedAttempts: 0 };
  }
  const user = await ctx.db.tx(async (db) => {
    const before = await userById(db, ctx.scope, id);
    if (!before) throw notFound();
    await assertGrantableRole(db, ctx, before.roleId);
    if (action === 'unlock' && before.status === 'disabled') throw fieldError('status', 'auth.disabled');
    if (action === 'lock' && before.status === 'disabled') throw fieldError('status', 'auth.disabled');
    await updateUser(db, ctx.scope, id, null, changes);
    if (action !== 'unlock') await deleteSessionsOf(db, id);
    const after = (await userById(db, ctx.scope, id))!;
    const auditAction = action === 'reset-password' ? 'user.password.reset' : `user.${action}`;
    await appendAudit(db, byActor(ctx, { action: auditAction, targetType: 'user', targetId: id, areaCode: after.areaCode, before, after }));
    return present(ctx)(after);
  });
  ctx.sessionCache.forgetUser(id);
  return user;
}
