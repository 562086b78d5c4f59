// Resident reads: the list (one search box, filters, sorts, page), one record with its
// care-level history, and duplicate candidates. Lists use rows(), not prepared statements:
// `area_code LIKE $1` on a big table needs a plan made for the actual prefix.
import { inArea, openFamily, rows, type Db, type Keys } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';
import { textArray } from '@wushe/db';
import { dueSoonSql, unassignedSql, withoutAssessmentSql } from './resident-conditions.repo.ts';
import { boundsOn, overdueToday, standingWhere, type StandingFilter } from '../coverage/standing.repo.ts';

export interface SummaryRow {
  id: string;
  name: string;
  documentType: string;
  idMasked: string;
  phoneMasked: string | null;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  areaCode: string;
  areaName: string;
  categories: string[];
  assistanceStatus: string | null;
  careLevel: number;
  status: 'active' | 'moved' | 'deceased' | 'merged';
  lastContactOn: string | null;
  nextDueOn: string;
  assignedWorkerId: string | null;
  assignedWorkerName: string | null;
  version: number;
  registeredOn: string;
}

export const SUMMARY_COLUMNS = sql`r.id, r.name, r.document_type AS "documentType", r.id_masked AS "idMasked",
  r.phone_masked AS "phoneMasked", r.sex, r.birth_date::text AS "birthDate", r.area_code AS "areaCode",
  coalesce(a.name, r.area_code) AS "areaName", r.categories, r.assistance_status AS "assistanceStatus",
  r.care_level AS "careLevel", r.status, r.last_contact_on::text AS "lastContactOn", r.next_due_on::text AS "nextDueOn",
  r.assigned_worker_id AS "assignedWorkerId", w.display_name AS "assignedWorkerName", r.version,
  r.registered_on::text AS "registeredOn"`;
const JOINS = sql`LEFT JOIN areas a ON a.code = r.area_code LEFT JOIN users w ON w.id = r.assigned_worker_id`;

const SORTS: Record<string, SQL> = {
  name: sql`r.name, r.id`,
  nextDueOn: sql`r.next_due_on, r.id`,
  '-nextDueOn': sql`r.next_due_on DESC, r.id`,
  careLevel: sql`r.care_level, r.next_due_on, r.id`,
  '-registeredOn': sql`r.registered_on DESC, r.id DESC`,
  areaCode: sql`r.area_code, r.name, r.id`,
};

/** What the search box matched: a blind index, pinyin initials, a name gram or a name fragment. */
export type Search =
  | { kind: 'idHash'; hashes: string[] }
  | { kind: 'idTail'; length: 4 | 6; hash: string; alsoIdHashes: string[] }
  | { kind: 'phoneHash'; hash: string }
  | { kind: 'initials'; value: string }
  | { kind: 'gram'; value: string }
  | { kind: 'like'; value: string };

export interface ResidentFilter {
  prefix: string;
  search?: Search;
  category?: string;
  careLevel?: number;
  assistanceStatus?: string;
  status: string;
  overdue?: boolean;
  today: string;
  worker?: string;
  dueSoon?: boolean;
  /** Nobody's caseload yet (a head's list to assign from). */
  unassigned?: boolean;
  withoutAssessment?: boolean;
  /** Coverage filter (覆盖 / 未覆盖 / 逾期 on a date): the coverage page's own computation. */
  standing?: StandingFilter;
  sort: string;
  limit: number;
  offset: number;
}

const escapeLike = (q: string) => '%' + q.replace(/[\\%_]/g, '\\$&') + '%';

function searchSql(s: Search): SQL {
  switch (s.kind) {
    case 'idHash':
      return sql`r.id_hash = ANY(${textArray(s.hashes)})`;
    case 'idTail': {
      // Exact match on the keyed tail index, never a pattern over clear text.
      const tail = s.length === 4 ? sql`r.id_tail4_hash = ${s.hash}` : sql`r.id_tail6_hash = ${s.hash}`;
      return s.alsoIdHashes.length ? sql`(${tail} OR r.id_hash = ANY(${textArray(s.alsoIdHashes)}))` : tail;
    }
    case 'phoneHash':
      return sql`r.phone_hash = ${s.hash}`;
    case 'initials':
      // Initials exactly (zjg), or the start of the full pinyin (sima: 司马光) from two letters on;
      // a C-collation range, which RLS lets the index serve (unlike LIKE).
      return s.value.length < 2
        ? sql`r.name_initials = ${s.value}`
        : sql`(r.name_initials = ${s.value} OR (r.name_pinyin COLLATE "C" >= ${s.value} AND r.name_pinyin COLLATE "C" < ${s.value + '{'}))`;
    case 'gram':
      // Through the owner-run function: under RLS the GIN index could not serve `@>` (migration 0009).
      return sql`r.id IN (SELECT resident_ids_by_gram(${s.value}))`;
    case 'like':
      return sql`r.name LIKE ${escapeLike(s.value)}`;
  }
}

export function filterSql(f: Omit<ResidentFilter, 'sort' | 'limit' | 'offset'>): SQL {
  // A past date's coverage filter: who was on the register in the area then (status and area then),
  // among the rows in the caller's scope now; today's: the usual rows, status active.
  const past = f.standing?.bounds && !f.standing.bounds.today;
  const where = past
    ? [inArea(sql`r.area_code`, f.standing!.scope), standingWhere(f.prefix, f.standing!.bounds!, f.standing!.kind, f.careLevel)]
    : [inArea(sql`r.area_code`, f.prefix), sql`r.status = ${f.status}`];
  if (f.standing?.bounds?.today) where.push(standingWhere(f.prefix, f.standing.bounds, f.standing.kind));
  if (f.search) where.push(searchSql(f.search));
  if (f.category) where.push(sql`r.categories @> ${textArray([f.category])}`);
  if (f.careLevel && !past) where.push(sql`r.care_level = ${f.careLevel}`);
  if (f.assistanceStatus) where.push(sql`r.assistance_status = ${f.assistanceStatus}`);
  if (f.overdue === true) where.push(overdueToday(f.today));
  if (f.overdue === false) where.push(sql`NOT ${overdueToday(f.today)}`);
  if (f.worker) where.push(sql`r.assigned_worker_id = ${f.worker}`);
  if (f.dueSoon) where.push(dueSoonSql(f.today));
  if (f.unassigned) where.push(unassignedSql());
  if (f.withoutAssessment) where.push(withoutAssessmentSql(f.today));
  return sql.join(where, sql` AND `);
}

/** A coverage filter's window starts and cutoffs, from the configured visit intervals. */
async function resolveStanding(db: Db, f: ResidentFilter): Promise<void> {
  if (f.standing && !f.standing.bounds) f.standing.bounds = await boundsOn(db, f.standing.asOf, f.today);
}

/**
 * A page, then the total. No window count: over a whole district it would read every row
 * of the scope before the page (600 ms at 300k rows, against 8 ms for the page by index).
 * A short first page is its own total; only a full page or a later one needs the count.
 */
export async function listResidents(db: Db, f: ResidentFilter): Promise<{ items: SummaryRow[]; total: number }> {
  await resolveStanding(db, f);
  const cond = filterSql(f);
  const order = SORTS[f.sort] ?? SORTS.nextDueOn!;
  const items = await rows<SummaryRow>(
    db,
    sql`SELECT ${SUMMARY_COLUMNS} FROM (
        SELECT r.* FROM residents r WHERE ${cond} ORDER BY ${order} LIMIT ${f.limit} OFFSET ${f.offset}
      ) r ${JOINS} ORDER BY ${order}`,
  );
  if (items.length > 0 && items.length < f.limit) return { items, total: f.offset + items.length };
  if (!items.length && f.offset === 0) return { items, total: 0 };
  const [c] = await rows<{ n: string }>(db, sql`SELECT count(*) AS n FROM residents r WHERE ${cond}`);
  return { items, total: Number(c?.n ?? 0) };
}

/** A row of the export: the exported columns only; `idShown` and `phoneShown` hold the sealed values when read `sealed`. */
export interface ExportRow {
  id: string;
  name: string;
  idShown: string;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  phoneShown: string | null;
  areaName: string;
  address: string | null;
  categories: string[];
  assistanceStatus: string | null;
  careLevel: number;
  lastContactOn: string | null;
  nextDueOn: string;
  assignedWorkerName: string | null;
  status: SummaryRow['status'];
}

/** The ids of up to `limit` rows in the list's order: an export reads these once, then its rows page by page. */
export async function exportIds(db: Db, f: ResidentFilter): Promise<string[]> {
  await resolveStanding(db, f);
  // One text value, not 50,000 rows: the driver's per-row work would hold the event loop.
  const order = SORTS[f.sort] ?? SORTS.nextDueOn!;
  const [found] = await rows<{ ids: string | null }>(
    db,
    sql`SELECT string_agg(o.id::text, ',' ORDER BY o.n) AS ids FROM (
      SELECT r.id, row_number() OVER (ORDER BY ${order}) AS n FROM residents r WHERE ${filterSql(f)} ORDER BY ${order} LIMIT ${f.limit}) o`,
  );
  return found?.ids ? found.ids.split(',') : [];
}

/**
 * One page of an export by primary key, in the order of `ids`: what the sheet shows and no more
 * (a masked export never reads the sealed columns).
 */
export async function exportPage(db: Db, prefix: string, ids: string[], sealed: boolean): Promise<ExportRow[]> {
  const found = await rows<ExportRow>(
    db,
    sql`SELECT r.id, r.name, ${sealed ? sql`r.id_cipher` : sql`r.id_masked`} AS "idShown", r.sex, r.birth_date::text AS "birthDate",
        ${sealed ? sql`r.phone_cipher` : sql`r.phone_masked`} AS "phoneShown", coalesce(a.name, r.area_code) AS "areaName", r.address,
        r.categories, r.assistance_status AS "assistanceStatus", r.care_level AS "careLevel", r.last_contact_on::text AS "lastContactOn",
        r.next_due_on::text AS "nextDueOn", w.display_name AS "assignedWorkerName", r.status
      FROM residents r ${JOINS} WHERE r.id = ANY(${`{${ids.join(',')}}`}::uuid[]) AND ${inArea(sql`r.area_code`, prefix)}`,
  );
  const byId = new Map(found.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

interface DetailRow extends SummaryRow {
  address: string | null;
  householdId: string | null;
  familyCipher: string | null;
  hasHealthNotes: boolean;
  notes: string | null;
  consent: unknown;
  mergedInto: string | null;
  createdAt: string;
  updatedAt: string;
}

const maskedPeople = (
  list: { name: string; relation: string; phone?: string | null; note?: string | null }[],
  mask: (p: string) => string,
) => list.map((p) => ({ name: p.name, relation: p.relation, phoneMasked: p.phone ? mask(p.phone) : null, note: p.note ?? null }));

/** One resident in scope with masked family and its care-level history; undefined if not visible. */
export async function residentDetailById(db: Db, keys: Keys, scope: string, id: string, mask: (p: string) => string) {
  const [r] = await rows<DetailRow>(
    db,
    sql`SELECT ${SUMMARY_COLUMNS}, r.address, r.household_id AS "householdId", r.family_cipher AS "familyCipher",
        r.health_cipher IS NOT NULL AS "hasHealthNotes", r.notes, r.consent, r.merged_into AS "mergedInto",
        r.created_at AS "createdAt", r.updated_at AS "updatedAt"
      FROM residents r ${JOINS} WHERE r.id = ${id} AND ${inArea(sql`r.area_code`, scope)}`,
  );
  if (!r) return undefined;
  const history = await rows<{
    fromLevel: number | null;
    toLevel: number;
    reason: string | null;
    changedAt: string;
    changedByName: string | null;
  }>(
    db,
    sql`SELECT c.from_level AS "fromLevel", c.to_level AS "toLevel", c.reason, c.changed_at AS "changedAt", u.display_name AS "changedByName"
      FROM care_level_changes c LEFT JOIN users u ON u.id = c.changed_by
      WHERE c.resident_id = ${id} AND ${inArea(sql`c.area_code`, scope)} ORDER BY c.changed_at DESC, c.id DESC`,
  );
  const { familyCipher, ...rest } = r;
  const family = openFamily(keys, familyCipher);
  return {
    ...rest,
    householdMembers: maskedPeople(family.householdMembers, mask),
    emergencyContacts: maskedPeople(family.emergencyContacts, mask),
    guardian: family.guardian ? maskedPeople([family.guardian], mask)[0]! : null,
    careLevelHistory: history.map((h) => ({ ...h, changedAt: new Date(h.changedAt).toISOString() })),
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

/** Live residents in scope with the same name and birth date in the same community. */
export function duplicateCandidates(db: Db, scope: string, areaCode: string, name: string, birthDate: string, exceptId?: string) {
  return rows<{ id: string; name: string; idMasked: string; birthDate: string | null; areaName: string }>(
    db,
    sql`SELECT r.id, r.name, r.id_masked AS "idMasked", r.birth_date::text AS "birthDate", coalesce(a.name, r.area_code) AS "areaName"
      FROM residents r LEFT JOIN areas a ON a.code = r.area_code
      WHERE ${inArea(sql`r.area_code`, areaCode.slice(0, 12))} AND ${inArea(sql`r.area_code`, scope)}
        AND r.name = ${name} AND r.birth_date = ${birthDate}::date AND r.status <> 'merged'
        ${exceptId ? sql`AND r.id <> ${exceptId}` : sql``}
      ORDER BY r.registered_on, r.id LIMIT 20`,
  );
}
