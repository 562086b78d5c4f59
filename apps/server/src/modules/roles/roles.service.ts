// Roles are named sets of permissions. Built-in roles keep their permissions; any role can be
// made to require two-factor login. A caller cannot create a role stronger than themselves.
import type { Permission, Role, roleCreateBody, roleUpdateBody } from '@wushe/core';
import { uuidv7 } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { badRequest, conflict, fieldError, notFound } from '../../http/errors.ts';
import { isUniqueViolation } from '../../http/db-errors.ts';
import { allRoles, deleteRoleRow, insertRole, roleById, updateRoleRow } from './roles.repo.ts';

// Counting holders runs as the system scope: a role is installation-wide.
export const listRoles = (ctx: Ctx) => ctx.database.run('', (db) => allRoles(db));

function assertWithinOwn(ctx: Ctx, permissions: Permission[]) {
  if (permissions.some((p) => !ctx.actor.permissions.includes(p))) throw fieldError('permissions', 'role.tooStrong');
}

const audit = (ctx: Ctx, action: string, id: string, before?: Role, after?: Role) =>
  byActor(ctx, { action, targetType: 'role', targetId: id, areaCode: ctx.installation.areaCode, before, after });

export async function createRole(ctx: Ctx, b: z.output<typeof roleCreateBody>) {
  assertWithinOwn(ctx, b.permissions);
  return ctx.database.tx('', async (db) => {
    const id = uuidv7();
    await insertRole(db, id, b).catch((e: unknown) => {
      throw isUniqueViolation(e) ? fieldError('code', 'role.codeTaken') : e;
    });
    const role = (await roleById(db, id))!;
    await appendAudit(db, audit(ctx, 'role.create', id, undefined, role));
    return role;
  });
}

export async function updateRole(ctx: Ctx, id: string, b: z.output<typeof roleUpdateBody>) {
  return ctx.database.tx('', async (db) => {
    const before = await roleById(db, id);
    if (!before) throw notFound();
    if (before.builtin && (b.permissions || b.name || b.nameEn)) throw badRequest([{ path: 'permissions', key: 'role.builtin' }]);
    if (b.permissions) assertWithinOwn(ctx, b.permissions);
    assertWithinOwn(ctx, before.permissions);
    if (!(await updateRoleRow(db, id, b))) throw conflict();
    const after = (await roleById(db, id))!;
    await appendAudit(db, audit(ctx, 'role.update', id, before, after));
    ctx.sessionCache.clear();
    return after;
  });
}

export async function deleteRole(ctx: Ctx, id: string) {
  return ctx.database.tx('', async (db) => {
    const before = await roleById(db, id);
    if (!before) throw notFound();
    if (before.builtin) throw badRequest([{ path: 'id', key: 'role.builtin' }]);
    if (before.userCount > 0) throw badRequest([{ path: 'id', key: 'role.inUse' }]);
    assertWithinOwn(ctx, before.permissions);
    await deleteRoleRow(db, id);
    await appendAudit(db, audit(ctx, 'role.delete', id, before));
    ctx.sessionCache.clear();
    return { ok: true as const };
  });
}
