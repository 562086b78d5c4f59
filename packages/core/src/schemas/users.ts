import { z } from 'zod';
import { areaCode, pageQuery, uuid } from './common.ts';
import { permission } from './auth.ts';

export const USER_STATUSES = ['active', 'locked', 'disabled'] as const;
export const userStatus = z.enum(USER_STATUSES);

export const user = z.object({
  id: uuid,
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(), // masked unless the caller may see it
  roleId: uuid,
  roleName: z.string(),
  roleCode: z.string(),
  orgId: uuid.nullable(),
  orgName: z.string().nullable(),
  areaCode: z.string(),
  areaName: z.string(),
  status: userStatus,
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type User = z.infer<typeof user>;

export const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{3,32}$/, { error: 'username.format' });

export const userCreateBody = z.object({
  username,
  displayName: z.string().trim().min(1, { error: 'field.required' }).max(40),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/)
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  roleId: uuid,
  orgId: uuid.nullable().optional(),
  areaCode,
  /** Initial password; the person must change it at first login. */
  password: z.string().min(1, { error: 'field.required' }).max(128),
});
export type UserCreateBody = z.infer<typeof userCreateBody>;

export const userUpdateBody = z.object({
  displayName: z.string().trim().min(1).max(40).optional(),
  phone: userCreateBody.shape.phone,
  roleId: uuid.optional(),
  orgId: uuid.nullable().optional(),
  areaCode: areaCode.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  version: z.number().int().min(1),
});

export const resetPasswordBody = z.object({ password: z.string().min(1, { error: 'field.required' }).max(128) });

export const userListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  roleId: uuid.optional(),
  orgId: uuid.optional(),
  area: areaCode.optional(),
  status: userStatus.optional(),
  sort: z.enum(['username', '-username', 'createdAt', '-createdAt', 'lastLoginAt', '-lastLoginAt']).default('username'),
  format: z.enum(['json', 'xlsx']).default('json').optional(),
});

export const role = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  permissions: z.array(permission),
  builtin: z.boolean(),
  requireTotp: z.boolean(),
  userCount: z.number().int(),
  version: z.number().int(),
});
export type Role = z.infer<typeof role>;

export const roleCreateBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,31}$/),
  name: z.string().trim().min(1, { error: 'field.required' }).max(40),
  nameEn: z.string().trim().min(1, { error: 'field.required' }).max(60),
  permissions: z.array(permission).min(1),
  requireTotp: z.boolean().default(false),
});
export const roleUpdateBody = z.object({
  name: z.string().trim().min(1).max(40).optional(),
  nameEn: z.string().trim().min(1).max(60).optional(),
  permissions: z.array(permission).min(1).optional(),
  requireTotp: z.boolean().optional(),
  version: z.number().int().min(1),
});

export const auditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: uuid.nullable(),
  actorName: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  areaCode: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditListQuery = pageQuery.extend({
  actor: z.string().trim().max(40).optional(), // username
  action: z.string().trim().max(60).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  targetId: z.string().max(64).optional(),
  format: z.enum(['json', 'xlsx']).default('json').optional(),
});
