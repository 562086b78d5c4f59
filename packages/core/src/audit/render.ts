// Renders an audit record for a reader: the sentence, the kind of action, and the before/after
// as labelled fields with values in words (names for ids, labels for codes, local times).
// Pure: the server looks names up (in the reader's scope) and passes them in.
import { BUILTIN_INSTRUMENTS } from '../assessments/index.ts';
import { formatShanghai } from '../coverage/window.ts';
import { inLang, type Lang } from '../messages.ts';
import { PERMISSION_LABELS, type Permission } from '../permissions.ts';
import { CONTACT_KIND_LABELS } from '../schemas/care.ts';
import { ORG_KIND_LABELS } from '../schemas/orgs.ts';
import { AUDIT_ACTIONS, AUDIT_FIELDS, AUDIT_HIDDEN_KEY, AUDIT_UNKNOWN_ACTION, AUDIT_VALUES } from './wording.ts';

export interface AuditLookup {
  user(id: string): string | undefined;
  resident(id: string): string | undefined;
  area(code: string): string | undefined;
  org(id: string): string | undefined;
  role(id: string): string | undefined;
  /** A code-list label (the code itself when unknown). */
  code(list: string, code: string): string;
}

export interface AuditChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

interface Record_ {
  action: string;
  targetType: string | null;
  before: unknown;
  after: unknown;
}

const WORDS = {
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  level: { zh: '{n} 级', en: 'level {n}' },
  none: { zh: '—', en: '—' },
};

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/;
const USER_KEYS = new Set(['assignedWorkerId', 'worker', 'changedBy', 'assessedBy', 'createdBy', 'actorId', 'assignedTo']);
const RESIDENT_KEYS = new Set(['residentId', 'mergedInto']);
const AREA_KEYS = new Set(['areaCode', 'parentCode', 'area']);
const CODE_LISTS: Record<string, string> = {
  categories: 'resident_category',
  category: 'resident_category',
  assistanceStatus: 'assistance_status',
  serviceType: 'service_type',
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function fieldLabel(lang: Lang, key: string): string {
  const pair = AUDIT_FIELDS[key];
  return pair ? inLang(lang, pair) : key;
}

function instrumentName(lang: Lang, ref: string): string {
  const [code, version] = ref.split('@');
  const def = BUILTIN_INSTRUMENTS.find((d) => d.code === code);
  return def ? `${inLang(lang, def.name)}${version ? ` v${version}` : ''}` : ref;
}

/** One value in words; null for nothing. */
export function auditValue(lang: Lang, lookup: AuditLookup, key: string, v: unknown, targetType: string | null = null): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (Array.isArray(v)) {
    const parts = v.map((x) => auditValue(lang, lookup, key, x, targetType)).filter((x): x is string => x !== null);
    return parts.length ? parts.join(isPlainObject(v[0]) ? '；' : '、') : null;
  }
  if (isPlainObject(v)) {
    const parts = Object.entries(v)
      .filter(([k]) => !AUDIT_HIDDEN_KEY.test(k))
      .map(([k, x]) => [k, auditValue(lang, lookup, k, x, targetType)] as const)
      .filter(([, x]) => x !== null)
      .map(([k, x]) => `${fieldLabel(lang, k)}：${x}`);
    return parts.length ? parts.join('，') : null;
  }
  if (typeof v === 'boolean') return inLang(lang, v ? WORDS.yes : WORDS.no);
  const s = String(v);
  if (USER_KEYS.has(key)) return lookup.user(s) ?? s;
  if (RESIDENT_KEYS.has(key)) return lookup.resident(s) ?? s;
  if (AREA_KEYS.has(key)) return lookup.area(s) ?? s;
  if (key === 'orgId') return lookup.org(s) ?? s;
  if (key === 'roleId') return lookup.role(s) ?? s;
  if (CODE_LISTS[key]) return lookup.code(CODE_LISTS[key], s);
  if (key === 'careLevel' || key === 'suggestedCareLevel') return inLang(lang, WORDS.level).replace('{n}', s);
  if (key === 'instrument') return instrumentName(lang, s);
  if (key === 'permissions' && s in PERMISSION_LABELS) return inLang(lang, PERMISSION_LABELS[s as Permission]);
  if (key === 'kind') {
    const pair =
      targetType === 'org'
        ? ORG_KIND_LABELS[s as keyof typeof ORG_KIND_LABELS]
        : CONTACT_KIND_LABELS[s as keyof typeof CONTACT_KIND_LABELS];
    if (pair) return inLang(lang, pair);
  }
  const known = AUDIT_VALUES[key]?.[s];
  if (known) return inLang(lang, known);
  if (typeof v === 'string' && ISO_TIME.test(s)) return formatShanghai(new Date(s));
  return s;
}

/**
 * The before/after as labelled changes: for an edit, the fields that differ; for a creation
 * or a deletion, every field given. Sealed values, hashes and bookkeeping keys never show.
 */
export function auditChanges(lang: Lang, lookup: AuditLookup, e: Record_): AuditChange[] {
  const before = isPlainObject(e.before) ? e.before : {};
  const after = isPlainObject(e.after) ? e.after : {};
  const both = isPlainObject(e.before) && isPlainObject(e.after);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !AUDIT_HIDDEN_KEY.test(k));
  const out: AuditChange[] = [];
  for (const k of keys) {
    if (both && JSON.stringify(before[k] ?? null) === JSON.stringify(after[k] ?? null)) continue;
    const b = auditValue(lang, lookup, k, before[k], e.targetType);
    const a = auditValue(lang, lookup, k, after[k], e.targetType);
    if (b === null && a === null) continue;
    // A name shown beside its id (roleName beside roleId …) says the same thing twice.
    if (k.endsWith('Name') && keys.includes(k.slice(0, -4) + 'Id')) continue;
    out.push({ field: k, label: fieldLabel(lang, k), before: b, after: a });
  }
  return out;
}

/** Removes what must never leave the server from a stored before/after. */
export function auditPublic(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(auditPublic);
  if (!isPlainObject(v)) return v;
  return Object.fromEntries(
    Object.entries(v)
      .filter(([k]) => !/cipher|hash|secret|password|token|answers/i.test(k))
      .map(([k, x]) => [k, auditPublic(x)]),
  );
}

/** The kind of action in words (the code itself when unknown). */
export function auditKind(lang: Lang, action: string): string {
  const w = AUDIT_ACTIONS[action];
  return w ? inLang(lang, w.kind) : action;
}

/** The sentence: "江头社工 登记了 蔡土生". */
export function auditSentence(
  lang: Lang,
  lookup: AuditLookup,
  e: Record_ & { actorLabel: string | null; targetLabel: string | null },
): string {
  const w = AUDIT_ACTIONS[e.action];
  const template = inLang(lang, w ? w.text : AUDIT_UNKNOWN_ACTION);
  const details = { ...(isPlainObject(e.before) ? e.before : {}), ...(isPlainObject(e.after) ? e.after : {}) };
  const none = inLang(lang, WORDS.none);
  return template.replace(/\{(\w+)\}/g, (_m, k: string) => {
    if (k === 'actor') return e.actorLabel ?? none;
    if (k === 'target') return e.targetLabel ?? none;
    if (k === 'action') return e.action;
    return auditValue(lang, lookup, k, details[k], e.targetType) ?? none;
  });
}
