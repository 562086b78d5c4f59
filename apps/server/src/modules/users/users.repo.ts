import type { Permission, User, UserCreateBody } from '@wushe/core';
import { inArea, likeContains, pagedRows, rows, updateVersioned, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

// Status reads "locked" while an automatic lock runs, so lists show what login will do.
const COLUMNS = sql`u.id, u.username, u.display_name AS "displayName", u.phone, u.role_id AS "roleId",
  r.name AS "roleName", r.code AS "roleCode", u.org_id AS "orgId", o.name AS "orgName",
  u.area_code AS "areaCode", coalesce(a.name, u.area_code) AS "areaName",
  CASE WHEN u.status = 'active' AND u.locked_until > now() THEN 'locked' ELSE u.status END AS status,
  u.locked_until AS "lockedUntil", u.must_change_password AS "mustChangePassword",
  u.totp_enabled AS "totpEnabled", u.last_login_at AS "lastLoginAt", u.version, u.created_at AS "createdAt"`;

const FROM = sql`FROM users u JOIN roles r ON r.id = u.role_id LEFT JOIN orgs o ON o.id = u.org_id LEFT JOIN areas a ON a.code = u.area_code`;

const SORTS: Record<string, SQL> = {
  username: sql`u.username, u.id`,
  '-username': sql`u.username DESC, u.id`,
  createdAt: sql`u.created_at, u.id`,
  '-createdAt': sql`u.created_at DESC, u.id`,
  lastLoginAt: sql`u.last_login_at NULLS FIRST, u.id`,
  '-lastLoginAt': sql`u.last_login_at DESC NULLS LAST, u.id`,
};

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
function normalise(u: User): User {
  return { ...u, lockedUntil: iso(u.lockedUntil), lastLoginAt: iso(u.lastLoginAt), createdAt: iso(u.createdAt)! };
}

export interface UserFilter {
  prefix: string;
  q?: string;
  roleId?: string;
  orgId?: string;
  status?: string;
  sort: string;
  limit: number;
  offset: number;
}

export async function listUsers(db: Db, f: UserFilter): Promise<{ items: User[]; total: number }> {
  const where = [inArea(sql`u.area_code`, f.prefix)];
  if (f.q) {
    const pattern = likeContains(f.q);
    where.push(sql`(u.username ILIKE ${pattern} OR u.display_name LIKE ${pattern})`);
  }
  if (f.roleId) where.push(sql`u.role_id = ${f.roleId}`);
  if (f.orgId) where.push(sql`u.org_id = ${f.orgId}`);
  if (f.status === 'locked') where.push(sql`(u.status = 'locked' OR (u.status = 'active' AND u.locked_until > now()))`);
  else if (f.status === 'active') where.push(sql`u.status = 'active' AND (u.locked_until IS NULL OR u.locked_until <= now())`);
  else if (f.status) where.push(sql`u.status = ${f.status}`);
  const cond = sql.join(where, sql` AND `);
  const page = await pagedRows<User>(
    db,
    sql`SELECT ${COLUMNS}, count(*) OVER () AS total ${FROM} WHERE ${cond}
      ORDER BY ${SORTS[f.sort] ?? SORTS.username!} LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM users u WHERE ${cond}`,
    f.offset,
  );
  return { items: page.items.map(normalise), total: page.total };
}

export async function userById(db: Db, scope: string, id: string): Promise<User | undefined> {
  const found = await rows<User>(db, sql`SELECT ${COLUMNS} ${FROM} WHERE u.id = ${id} AND ${inArea(sql`u.area_code`, scope)}`);
  return found[0] && normalise(found[0]);
}

const UPDATABLE: Record<string, string> = {
  displayName: 'display_name',
  phone: 'phone',
  roleId: 'role_id',
  orgId: 'org_id',
  areaCode: 'area_code',
  status: 'status',
  passwordHash: 'password_hash',
  mustChangePassword: 'must_change_password',
  lockedUntil: 'locked_until',
  failedAttempts: 'failed_attempts',
};

/** Applies a change if the version matches (when given); false when stale or not visible. */
export const updateUser = (db: Db, scope: string, id: string, version: number | null, changes: Record<string, unknown>) =>
  updateVersioned(db, 'users', UPDATABLE, { id, scope, version }, changes);

export function deleteSessionsOf(db: Db, userId: string) {
  return db.execute(sql`DELETE FROM sessions WHERE user_id = ${userId}`);
}

/** A new account, which must change its password at first login. */
export async function insertUser(db: Db, id: string, body: Omit<UserCreateBody, 'password'>, passwordHash: string): Promise<void> {
  await db.execute(
    sql`INSERT INTO users (id, username, display_name, phone, password_hash, role_id, org_id, area_code, must_change_password)
    VALUES (${id}, ${body.username}, ${body.displayName}, ${body.phone ?? null}, ${passwordHash}, ${body.roleId}, ${body.orgId ?? null}, ${body.areaCode}, true)`,
  );
}

/** The permissions a role grants; undefined when there is no such role. Roles are installation-wide. */
export async function rolePermissions(db: Db, roleId: string): Promise<Permission[] | undefined> {
  const [role] = await rows<{ permissions: Permission[] }>(db, sql`SELECT permissions FROM roles WHERE id = ${roleId}`);
  return role?.permissions;
}
