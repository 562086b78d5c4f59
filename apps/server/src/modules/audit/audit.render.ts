// A page of audit records in the reader's words: names for every id and code the page holds are
// read in a handful of queries (in the reader's scope), then each record is rendered by the
// core wording (packages/core/src/audit). Stored values that must never show are dropped.
import {
  auditChanges,
  auditKind,
  auditPublic,
  auditSentence,
  fieldLabel,
  inLang,
  type AuditEntry,
  type AuditLookup,
  type AuditRecord,
} from '@wushe/core';
import type { Db } from '@wushe/db';
import type { Ctx } from '../../context.ts';
import { codeLabels } from '../settings/code-labels.repo.ts';
import { areaNames, orgNames, recordResidents, residentNames, roleNames, userNames } from './audit.names.repo.ts';

const USER_KEYS = ['assignedWorkerId', 'changedBy', 'assessedBy', 'createdBy'];
const RESIDENT_KEYS = ['residentId', 'mergedInto'];
const RESIDENT_RECORDS = new Set(['assessment', 'contact', 'follow_up']);
const CODE_LIST_FIELD: Record<string, string> = {
  resident_category: 'categories',
  assistance_status: 'assistanceStatus',
  service_type: 'serviceType',
};

type Obj = Record<string, unknown>;
const objectsOf = (e: AuditEntry): Obj[] =>
  [e.before, e.after, (e.after as Obj | null)?.filter].filter((v): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v));
const str = (v: unknown) => (typeof v === 'string' ? [v] : []);

export async function renderAudit(ctx: Ctx, db: Db, items: AuditEntry[]): Promise<AuditRecord[]> {
  const userIds: string[] = [];
  const residentIds: string[] = [];
  const recordIds: string[] = [];
  const orgIds: string[] = [];
  const roleIds: string[] = [];
  const areaCodes: string[] = [];
  for (const e of items) {
    if (e.actorId) userIds.push(e.actorId);
    if (e.areaCode) areaCodes.push(e.areaCode);
    if (e.targetId && e.targetType === 'user') userIds.push(e.targetId);
    if (e.targetId && e.targetType === 'resident') residentIds.push(e.targetId);
    if (e.targetId && e.targetType && RESIDENT_RECORDS.has(e.targetType)) recordIds.push(e.targetId);
    if (e.targetId && e.targetType === 'org') orgIds.push(e.targetId);
    if (e.targetId && e.targetType === 'role') roleIds.push(e.targetId);
    if (e.targetId && e.targetType === 'area') areaCodes.push(e.targetId);
    for (const o of objectsOf(e)) {
      for (const k of USER_KEYS) userIds.push(...str(o[k]));
      if (typeof o.worker === 'string') userIds.push(o.worker);
      for (const k of RESIDENT_KEYS) residentIds.push(...str(o[k]));
      orgIds.push(...str(o.orgId));
      roleIds.push(...str(o.roleId));
      areaCodes.push(...str(o.areaCode), ...str(o.parentCode), ...str(o.area));
    }
  }
  const records = await recordResidents(db, ctx.scope, recordIds);
  residentIds.push(...[...records.values()].map((r) => r.residentId));
  const [users, residents, orgs, roles, areas, code] = await Promise.all([
    userNames(db, ctx.scope, userIds),
    residentNames(db, ctx.scope, residentIds),
    orgNames(db, ctx.scope, orgIds),
    roleNames(db, roleIds),
    areaNames(db, areaCodes),
    codeLabels(db, ctx.lang),
  ]);
  const lookup: AuditLookup = {
    user: (id) => users.get(id)?.name,
    resident: (id) => residents.get(id)?.name,
    area: (c) => areas.get(c)?.name,
    org: (id) => orgs.get(id)?.name,
    role: (id) => {
      const r = roles.get(id);
      return r && inLang(ctx.lang, r);
    },
    code,
  };

  /** The record the action is about, by name, with its page. */
  const targetOf = (e: AuditEntry): AuditRecord['target'] => {
    if (!e.targetType) return null;
    const id = e.targetId;
    const after = (e.after ?? e.before ?? {}) as Obj;
    const base = { type: e.targetType, id, label: null as string | null, link: null as string | null };
    if (!id) return base;
    switch (e.targetType) {
      case 'resident': {
        const name = lookup.resident(id) ?? (typeof after.name === 'string' ? after.name : null);
        return { ...base, label: name, link: residents.has(id) ? `/residents/${id}` : null };
      }
      case 'assessment':
      case 'contact':
      case 'follow_up': {
        const rid = records.get(id)?.residentId;
        return {
          ...base,
          label: rid ? (lookup.resident(rid) ?? null) : null,
          link: rid && residents.has(rid) ? `/residents/${rid}` : null,
        };
      }
      case 'user': {
        const u = users.get(id);
        return { ...base, label: u ? `${u.name}（${u.username}）` : null, link: u ? '/users' : null };
      }
      case 'org':
        return { ...base, label: lookup.org(id) ?? (typeof after.name === 'string' ? after.name : null), link: '/orgs' };
      case 'role':
        return { ...base, label: lookup.role(id) ?? (typeof after.name === 'string' ? after.name : null), link: '/roles' };
      case 'area':
        return { ...base, label: lookup.area(id) ?? (typeof after.name === 'string' ? after.name : null), link: '/areas' };
      case 'code_list':
        return { ...base, label: CODE_LIST_FIELD[id] ? fieldLabel(ctx.lang, CODE_LIST_FIELD[id]) : id, link: '/settings' };
      case 'attachment':
      case 'import_job':
        return { ...base, label: typeof after.filename === 'string' ? after.filename : null };
      default:
        return base;
    }
  };

  return items.map((raw) => {
    const e = { ...raw, before: auditPublic(raw.before) ?? null, after: auditPublic(raw.after) ?? null };
    const actorLabel = (e.actorId && lookup.user(e.actorId)) || e.actorName;
    const target = targetOf(e);
    return {
      ...e,
      actorLabel,
      target,
      kind: auditKind(ctx.lang, e.action),
      text: auditSentence(ctx.lang, lookup, { ...e, actorLabel, targetLabel: target?.label ?? null }),
      areaName: e.areaCode ? (lookup.area(e.areaCode) ?? null) : null,
      changes: auditChanges(ctx.lang, lookup, e),
    };
  });
}
