import { z } from 'zod';
import { areaCode, optionalText, pageQuery, uuid } from './common.ts';

export const ORG_KINDS = [
  'bureau', // 民政局 / 社会工作部
  'station', // 社工站
  'agency', // 社工机构
  'social_org', // 社区社会组织
  'volunteer_team', // 志愿服务队
  'company', // 企业 / 爱心商家
  'university', // 高校
  'hospital', // 医院社工部
  'other',
] as const;
export const orgKind = z.enum(ORG_KINDS);
export type OrgKind = z.infer<typeof orgKind>;

export const ORG_KIND_LABELS: Record<OrgKind, { zh: string; en: string }> = {
  bureau: { zh: '民政局/社会工作部', en: 'Civil-affairs bureau / social-work dept.' },
  station: { zh: '社工站', en: 'Social-work station' },
  agency: { zh: '社工机构', en: 'Social-work agency' },
  social_org: { zh: '社区社会组织', en: 'Community social organisation' },
  volunteer_team: { zh: '志愿服务队', en: 'Volunteer team' },
  company: { zh: '企业/爱心商家', en: 'Company or merchant' },
  university: { zh: '高校', en: 'University' },
  hospital: { zh: '医院社工部', en: 'Hospital social-work department' },
  other: { zh: '其他', en: 'Other' },
};

export const org = z.object({
  id: uuid,
  name: z.string(),
  kind: orgKind,
  areaCode: z.string(),
  areaName: z.string(),
  creditCode: z.string().nullable(), // 统一社会信用代码
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Org = z.infer<typeof org>;

export const orgCreateBody = z.object({
  name: z.string().trim().min(2, { error: 'field.required' }).max(100),
  kind: orgKind,
  areaCode,
  creditCode: z
    .string()
    .trim()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/)
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  contactName: optionalText(40),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,20}$/)
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  address: optionalText(200),
});
export type OrgCreateBody = z.infer<typeof orgCreateBody>;

export const orgUpdateBody = orgCreateBody.partial().extend({
  active: z.boolean().optional(),
  version: z.number().int().min(1),
});

export const orgListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  kind: orgKind.optional(),
  area: areaCode.optional(),
  active: z.enum(['true', 'false']).optional(),
  sort: z.enum(['name', '-name', 'createdAt', '-createdAt', 'areaCode']).default('areaCode'),
  format: z.enum(['json', 'xlsx']).default('json').optional(),
});
