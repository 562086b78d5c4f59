// Roles are named sets of permissions. Built-in roles keep their permissions; any role can be
// made to require two-factor login. A caller cannot create a role stronger than themselves.
import type { Permission, Role } from '@wushe/core';
import { rows, textArray, uuidv7, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { badRequest, conflict, fieldError, notFound } from '../../http/errors.ts';
import { isUniqueViolation } from '../../http/db-errors.ts';

const COLUMNS = sql`r.id, r.code, r.name, r.name_en AS "nameEn", r.permissions, r.builtin, r.require_totp AS "requireTotp", r.version,
  (SELECT count(*)::int FROM users u WHERE u.role_id = r.id) AS "userCount"`;

// Counting holders runs as the system scope: a role is installation-wide.
export const listRoles = (ctx: Ctx) =>
  ctx.database.run('', (db) => rows<Role>(db, sql`SELECT ${COLUMNS} FROM roles r ORDER BY r.builtin DESC, r.created_at, r.code`));

const roleById = async (db: Db, id: string) => (await rows<Role>(db, sql`SELECT ${COLUMNS} FROM roles r WHERE r.id = ${id}`))[0];

function assertWithinOwn(ctx: Ctx, permissions: Permission[]) {
  if (permissions.some((p) => !ctx.actor.permissions.includes(p))) throw fieldError('permissions', 'role.tooStrong');
}

const audit = (ctx: Ctx, action: string, id: string, before?: Role, after?: Role) =>
  byActor(ctx, { action, targetType: 'role', targetId: id, areaCode: ctx.installation.areaCode, before, after });

export async function createRole(
  ctx: Ctx,
  b: { code: string; name: string; nameEn: string; permissions: Permission[]; requireTotp: boolean },
) {
  assertWithinOwn(ctx, b.permissions);
  return ctx.database.tx('', async (db) => {
    const id = uuidv7();
    await db
      .execute(
        sql`INSERT INTO roles (id, code, name, name_en, permissions, require_totp)
        VALUES (${id}, ${b.code}, ${b.name}, ${b.nameEn}, ${textArray([...new Set(b.permissions)])}, ${b.requireTotp})`,
      )
      .catch((e: unknown) => {
        throw isUniqueViolation(e) ? fieldError('code', 'role.codeTaken') : e;
      });
    const role = (await roleById(db, id))!;
    await appendAudit(db, audit(ctx, 'role.create', id, undefined, role));
    return role;
  });
}

export async function updateRole(
  ctx: Ctx,
  id: string,
  b: { name?: string; nameEn?: string; permissions?: Permission[]; requireTotp?: boolean; version: number },
) {
  return ctx.database.tx('', async (db) => {
    const before = await roleById(db, id);
    if (!before) throw notFound();
    if (before.builtin && (b.permissions || b.name || b.nameEn)) throw badRequest([{ path: 'permissions', key: 'role.builtin' }]);
    if (b.permissions) assertWithinOwn(ctx, b.permissions);
    assertWithinOwn(ctx, before.permissions);
    const res = await rows<{ id: string }>(
      db,
      sql`UPDATE roles SET name = coalesce(${b.name ?? null}, name), name_en = coalesce(${b.nameEn ?? null}, name_en),
        permissions = coalesce(${b.permissions ? textArray([...new Set(b.permissions)]) : null}::text[], permissions),
        require_totp = coalesce(${b.requireTotp ?? null}, require_totp), version = version + 1, updated_at = now()
        WHERE id = ${id} AND version = ${b.version} RETURNING id`,
    );
    if (!res.length) throw conflict();
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
    await db.execute(sql`DELETE FROM roles WHERE id = ${id}`);
    await appendAudit(db, audit(ctx, 'role.delete', id, before));
    ctx.sessionCache.clear();
    return { ok: true as const };
  });
}
