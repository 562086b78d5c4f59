import { z } from 'zod';
import { PERMISSIONS } from '../permissions.ts';
import { uuid } from './common.ts';

export const permission = z.enum(PERMISSIONS);

export const loginBody = z.object({
  username: z.string().trim().min(1, { error: 'field.required' }).max(64),
  password: z.string().min(1, { error: 'field.required' }).max(128),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export type LoginBody = z.infer<typeof loginBody>;

export const actor = z.object({
  id: uuid,
  username: z.string(),
  displayName: z.string(),
  role: z.object({ id: uuid, code: z.string(), name: z.string(), nameEn: z.string() }),
  permissions: z.array(permission),
  org: z.object({ id: uuid, name: z.string() }).nullable(),
  area: z.object({ code: z.string(), name: z.string() }),
  /** The data scope: the significant prefix of the account's area. */
  scope: z.string(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  totpRequired: z.boolean(),
  csrfToken: z.string(),
  idleTimeoutMinutes: z.number().int(),
  demo: z.boolean(),
});
export type Actor = z.infer<typeof actor>;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, { error: 'field.required' }),
  newPassword: z.string().min(1, { error: 'field.required' }).max(128),
});

export const totpSetupResponse = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const totpEnableBody = z.object({ code: z.string().regex(/^\d{6}$/) });
export const totpDisableBody = z.object({ password: z.string().min(1) });

export const publicConfig = z.object({
  demo: z.boolean(),
  demoPassword: z.string().nullable(),
  demoAccounts: z.array(z.object({ username: z.string(), label: z.string() })),
  installationArea: z.object({ code: z.string(), name: z.string() }),
  passwordPolicy: z.object({ minLength: z.number(), minClasses: z.number() }),
  version: z.string(),
});
