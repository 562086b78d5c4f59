// Roles are installation-wide: no area scope (see NOT_AREA_SCOPED in the RLS test).
import type { Role, roleCreateBody, roleUpdateBody } from '@wushe/core';
import { rows, textArray, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';

const COLUMNS = sql`r.id, r.code, r.name, r.name_en AS "nameEn", r.permissions, r.builtin, r.require_totp AS "requireTotp", r.version,
  (SELECT count(*)::int FROM users u WHERE u.role_id = r.id) AS "userCount"`;

/** Counting holders needs the system scope (''): the users table is area-owned. */
export const allRoles = (db: Db) => rows<Role>(db, sql`SELECT ${COLUMNS} FROM roles r ORDER BY r.builtin DESC, r.created_at, r.code`);

export const roleById = async (db: Db, id: string) => (await rows<Role>(db, sql`SELECT ${COLUMNS} FROM roles r WHERE r.id = ${id}`))[0];

export async function insertRole(db: Db, id: string, b: z.output<typeof roleCreateBody>): Promise<void> {
  await db.execute(
    sql`INSERT INTO roles (id, code, name, name_en, permissions, require_totp)
    VALUES (${id}, ${b.code}, ${b.name}, ${b.nameEn}, ${textArray([...new Set(b.permissions)])}, ${b.requireTotp})`,
  );
}

/** Applies the given changes if the version still matches; false on a stale version. */
export async function updateRoleRow(db: Db, id: string, b: z.output<typeof roleUpdateBody>): Promise<boolean> {
  const res = await rows<{ id: string }>(
    db,
    sql`UPDATE roles SET name = coalesce(${b.name ?? null}, name), name_en = coalesce(${b.nameEn ?? null}, name_en),
      permissions = coalesce(${b.permissions ? textArray([...new Set(b.permissions)]) : null}::text[], permissions),
      require_totp = coalesce(${b.requireTotp ?? null}, require_totp), version = version + 1, updated_at = now()
      WHERE id = ${id} AND version = ${b.version} RETURNING id`,
  );
  return res.length > 0;
}

export async function deleteRoleRow(db: Db, id: string): Promise<void> {
  await db.execute(sql`DELETE FROM roles WHERE id = ${id}`);
}
