// SQL of job fairs: the list with counts, one fair with its organisations and their posts, and
// the writes (the fair's row, then its organisation and post links replaced as a whole).
import { inArea, likeContains, pagedRows, rows, updateVersioned, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

const COLUMNS = sql`f.id, f.area_code AS "areaCode", coalesce(a.name, f.area_code) AS "areaName", f.title, f.description,
  f.starts_at AS "startsAt", f.ends_at AS "endsAt", f.place, f.organiser, f.status, f.version`;

export type FairRow = {
  id: string;
  areaCode: string;
  areaName: string;
  title: string;
  description: string | null;
  startsAt: Date | string;
  endsAt: Date | string;
  place: string;
  organiser: string;
  status: string;
  version: number;
};

export function listFairs(db: Db, f: { prefix: string; q?: string; status?: string; publicOnly?: boolean; limit: number; offset: number }) {
  const where: SQL[] = [inArea(sql`f.area_code`, f.prefix)];
  if (f.q) where.push(sql`(f.title LIKE ${likeContains(f.q)} OR f.place LIKE ${likeContains(f.q)})`);
  if (f.status) where.push(sql`f.status = ${f.status}`);
  if (f.publicOnly) where.push(sql`f.status <> 'draft'`);
  const cond = sql.join(where, sql` AND `);
  return pagedRows<FairRow & { orgCount: number; jobCount: number }>(
    db,
    sql`SELECT ${COLUMNS},
        (SELECT count(*)::int FROM job_fair_orgs g WHERE g.fair_id = f.id) AS "orgCount",
        (SELECT count(*)::int FROM job_fair_posts p WHERE p.fair_id = f.id) AS "jobCount",
        count(*) OVER () AS total
      FROM job_fairs f LEFT JOIN areas a ON a.code = f.area_code WHERE ${cond}
      ORDER BY f.starts_at DESC, f.id LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM job_fairs f WHERE ${cond}`,
    f.offset,
  );
}

export async function fairById(db: Db, scope: string, id: string): Promise<FairRow | undefined> {
  const [f] = await rows<FairRow>(
    db,
    sql`SELECT ${COLUMNS} FROM job_fairs f LEFT JOIN areas a ON a.code = f.area_code WHERE f.id = ${id} AND ${inArea(sql`f.area_code`, scope)}`,
  );
  return f;
}

/** The fair's organisations in their order, each with its linked posts (drafts left out when public). */
export const fairOrgs = (db: Db, fairId: string, publicOnly: boolean) =>
  rows<{ orgId: string; orgName: string; jobs: { id: string; title: string; headcount: number; status: string }[] }>(
    db,
    sql`SELECT g.org_id AS "orgId", o.name AS "orgName",
        coalesce((SELECT json_agg(json_build_object('id', j.id, 'title', j.title, 'headcount', j.headcount, 'status', j.status) ORDER BY j.title)
          FROM job_fair_posts p JOIN jobs j ON j.id = p.job_id
          WHERE p.fair_id = g.fair_id AND j.org_id = g.org_id ${publicOnly ? sql`AND j.status <> 'draft'` : sql``}), '[]') AS jobs
      FROM job_fair_orgs g JOIN orgs o ON o.id = g.org_id WHERE g.fair_id = ${fairId} ORDER BY g.position`,
  );

export async function insertFair(db: Db, r: Record<string, unknown>): Promise<void> {
  await db.execute(sql`INSERT INTO job_fairs (id, area_code, title, description, starts_at, ends_at, place, organiser, created_by)
    VALUES (${r.id}, ${r.area_code}, ${r.title}, ${r.description}, ${r.starts_at}, ${r.ends_at}, ${r.place}, ${r.organiser}, ${r.created_by})`);
}

const UPDATABLE = {
  areaCode: 'area_code',
  title: 'title',
  description: 'description',
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  place: 'place',
  organiser: 'organiser',
  status: 'status',
};

export const updateFair = (db: Db, scope: string, id: string, version: number, changes: Record<string, unknown>) =>
  updateVersioned(db, 'job_fairs', UPDATABLE, { id, scope, version }, changes);

/** Replaces the fair's organisations and posts (both carry the fair's area). */
export async function setFairLinks(db: Db, fairId: string, areaCode: string, orgIds: string[], jobIds: string[]): Promise<void> {
  await db.execute(sql`DELETE FROM job_fair_posts WHERE fair_id = ${fairId}`);
  await db.execute(sql`DELETE FROM job_fair_orgs WHERE fair_id = ${fairId}`);
  for (const [i, orgId] of orgIds.entries())
    await db.execute(sql`INSERT INTO job_fair_orgs (fair_id, org_id, area_code, position) VALUES (${fairId}, ${orgId}, ${areaCode}, ${i})`);
  for (const jobId of jobIds)
    await db.execute(sql`INSERT INTO job_fair_posts (fair_id, job_id, area_code) VALUES (${fairId}, ${jobId}, ${areaCode})`);
}

export const fairLinkIds = async (db: Db, fairId: string) => ({
  orgIds: (await rows<{ id: string }>(db, sql`SELECT org_id AS id FROM job_fair_orgs WHERE fair_id = ${fairId} ORDER BY position`)).map(
    (r) => r.id,
  ),
  jobIds: (await rows<{ id: string }>(db, sql`SELECT job_id AS id FROM job_fair_posts WHERE fair_id = ${fairId} ORDER BY job_id`)).map(
    (r) => r.id,
  ),
});

/** Organisations and posts a fair may link: in the scope; posts of the listed organisations. */
export async function linkable(db: Db, scope: string, orgIds: string[], jobIds: string[]) {
  const orgs = orgIds.length
    ? await rows<{ id: string }>(
        db,
        sql`SELECT id FROM orgs WHERE id IN (${sql.join(
          orgIds.map((i) => sql`${i}::uuid`),
          sql`, `,
        )}) AND ${inArea(sql`area_code`, scope)}`,
      )
    : [];
  const jobs = jobIds.length
    ? await rows<{ id: string; orgId: string }>(
        db,
        sql`SELECT id, org_id AS "orgId" FROM jobs WHERE id IN (${sql.join(
          jobIds.map((i) => sql`${i}::uuid`),
          sql`, `,
        )}) AND ${inArea(sql`area_code`, scope)}`,
      )
    : [];
  return { orgs: orgs.map((o) => o.id), jobs };
}

/** A fair's public page (published or ended), as the owner. */
export async function publicFairById(db: Db, id: string) {
  const [f] = await rows<FairRow>(
    db,
    sql`SELECT ${COLUMNS} FROM job_fairs f LEFT JOIN areas a ON a.code = f.area_code WHERE f.id = ${id} AND f.status <> 'draft'`,
  );
  return f;
}
