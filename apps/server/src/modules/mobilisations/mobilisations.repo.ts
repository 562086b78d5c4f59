// SQL of 一呼百应 mobilisations: the call-outs, their needs with how full they are, the calls sent,
// the candidates (active volunteers of the district, as the owner: a call reaches past the
// street), and a volunteer's own calls.
import { inArea, isoText, likeContains, pagedRows, rows, textArray, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

const HEAD = sql`m.id, m.area_code AS "areaCode", m.title, m.status, ${isoText('m.sent_at')} AS "sentAt", ${isoText('m.created_at')} AS "createdAt",
  (SELECT coalesce(sum(n.slots), 0)::int FROM mobilisation_needs n WHERE n.mobilisation_id = m.id) AS slots,
  (SELECT count(*)::int FROM mobilisation_calls c JOIN mobilisation_needs n ON n.id = c.need_id WHERE n.mobilisation_id = m.id AND c.status = 'accepted') AS accepted,
  m.version`;

export type MobilisationHead = {
  id: string;
  areaCode: string;
  title: string;
  status: 'draft' | 'sent' | 'closed';
  sentAt: string | null;
  createdAt: string;
  slots: number;
  accepted: number;
  version: number;
};

export const listMobilisations = (db: Db, f: { prefix: string; q?: string; status?: string; limit: number; offset: number }) => {
  const like = f.q ? likeContains(f.q) : null;
  const cond = sql.join(
    [
      inArea(sql`m.area_code`, f.prefix),
      f.status ? sql`m.status = ${f.status}` : sql`true`,
      like
        ? sql`(m.title LIKE ${like} OR EXISTS (SELECT 1 FROM mobilisation_needs n WHERE n.mobilisation_id = m.id AND n.title LIKE ${like}))`
        : sql`true`,
    ],
    sql` AND `,
  );
  return pagedRows<MobilisationHead>(
    db,
    sql`SELECT ${HEAD}, count(*) OVER () AS total FROM mobilisations m WHERE ${cond} ORDER BY m.created_at DESC, m.id LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM mobilisations m WHERE ${cond}`,
    f.offset,
  );
};

export const mobilisationById = async (db: Db, scope: string, id: string) =>
  (await rows<MobilisationHead>(db, sql`SELECT ${HEAD} FROM mobilisations m WHERE m.id = ${id} AND ${inArea(sql`m.area_code`, scope)}`))[0];

export type NeedRow = {
  id: string;
  title: string;
  skills: string[];
  areaCode: string;
  areaName: string;
  place: string;
  startsAt: string;
  endsAt: string;
  slots: number;
  accepted: number;
  waiting: number;
};

export const needsOf = (db: Db, mobilisationId: string) =>
  rows<NeedRow>(
    db,
    sql`SELECT n.id, n.title, n.skills, n.area_code AS "areaCode", coalesce(a.name, n.area_code) AS "areaName", n.place,
        ${isoText('n.starts_at')} AS "startsAt", ${isoText('n.ends_at')} AS "endsAt", n.slots,
        (SELECT count(*)::int FROM mobilisation_calls c WHERE c.need_id = n.id AND c.status = 'accepted') AS accepted,
        (SELECT count(*)::int FROM mobilisation_calls c WHERE c.need_id = n.id AND c.status = 'sent') AS waiting
      FROM mobilisation_needs n LEFT JOIN areas a ON a.code = n.area_code WHERE n.mobilisation_id = ${mobilisationId} ORDER BY n.starts_at, n.id`,
  );

export const callsOfNeeds = (db: Db, needIds: string[]) =>
  needIds.length
    ? rows<{
        id: string;
        needId: string;
        volunteerId: string;
        volunteerNo: string;
        name: string;
        status: 'sent' | 'accepted' | 'declined' | 'expired';
        cost: number;
        reasons: never[];
        sentAt: string;
        respondedAt: string | null;
      }>(
        db,
        sql`SELECT id, need_id AS "needId", volunteer_id AS "volunteerId", volunteer_no AS "volunteerNo", volunteer_name AS name, status, cost, reasons,
            ${isoText('sent_at')} AS "sentAt", ${isoText('responded_at')} AS "respondedAt"
          FROM mobilisation_calls WHERE need_id IN (${sql.join(
            needIds.map((n) => sql`${n}`),
            sql`, `,
          )}) ORDER BY cost, sent_at, id`,
      )
    : Promise.resolve([]);

export async function insertMobilisation(db: Db, m: { id: string; areaCode: string; title: string; by: string }) {
  await db.execute(sql`INSERT INTO mobilisations (id, area_code, title, created_by) VALUES (${m.id}, ${m.areaCode}, ${m.title}, ${m.by})`);
}

export async function insertNeed(
  db: Db,
  n: {
    id: string;
    mobilisationId: string;
    areaCode: string;
    title: string;
    skills: string[];
    place: string;
    startsAt: string;
    endsAt: string;
    slots: number;
  },
) {
  await db.execute(sql`INSERT INTO mobilisation_needs (id, mobilisation_id, area_code, title, skills, place, starts_at, ends_at, slots)
    VALUES (${n.id}, ${n.mobilisationId}, ${n.areaCode}, ${n.title}, ${textArray(n.skills)}, ${n.place}, ${n.startsAt}, ${n.endsAt}, ${n.slots})`);
}

/** Closes a call-out at its version (false when stale or closed already); waiting calls expire. */
export async function closeMobilisation(db: Db, scope: string, id: string, version: number, at: Date): Promise<boolean> {
  const done = await rows<{ id: string }>(
    db,
    sql`UPDATE mobilisations SET status = 'closed', version = version + 1
      WHERE id = ${id} AND version = ${version} AND status <> 'closed' AND ${inArea(sql`area_code`, scope)} RETURNING id`,
  );
  if (!done.length) return false;
  await db.execute(sql`UPDATE mobilisation_calls SET status = 'expired', responded_at = ${at}
    WHERE status = 'sent' AND need_id IN (SELECT id FROM mobilisation_needs WHERE mobilisation_id = ${id})`);
  return true;
}

export const markSent = (db: Db, id: string, at: Date) =>
  db.execute(sql`UPDATE mobilisations SET status = 'sent', sent_at = coalesce(sent_at, ${at}), version = version + 1 WHERE id = ${id}`);

/** A call; false when this volunteer was already called for the need. */
export async function insertCall(
  db: Db,
  c: {
    id: string;
    needId: string;
    areaCode: string;
    volunteerId: string;
    name: string;
    no: string;
    cost: number;
    reasons: unknown;
    at: Date;
  },
): Promise<boolean> {
  const res = await rows<{ id: string }>(
    db,
    sql`INSERT INTO mobilisation_calls (id, need_id, volunteer_id, area_code, volunteer_name, volunteer_no, cost, reasons, sent_at)
      VALUES (${c.id}, ${c.needId}, ${c.volunteerId}, ${c.areaCode}, ${c.name}, ${c.no}, ${c.cost}, ${JSON.stringify(c.reasons)}::jsonb, ${c.at})
      ON CONFLICT (need_id, volunteer_id) DO NOTHING RETURNING id`,
  );
  return res.length > 0;
}

export type Candidate = {
  id: string;
  name: string;
  volunteerNo: string;
  areaCode: string;
  areaName: string;
  skills: string[];
  availability: { weekdays: number[]; from: string; to: string } | null;
  recentCalls: number;
  /** What they already said yes to from now on: accepted calls and accepted activity posts. */
  busy: { startsAt: string; endsAt: string }[];
};

/**
 * Active volunteers of the district with their load of the past 90 days and their commitments
 * still to come (the matcher does not call anyone twice for one hour), as the owner.
 */
export const candidatesIn = (db: Db, district: string, since: Date, now: Date) =>
  rows<Candidate>(
    db,
    sql`SELECT v.id, v.name, v.volunteer_no AS "volunteerNo", v.area_code AS "areaCode", coalesce(a.name, v.area_code) AS "areaName", v.skills, v.availability,
        ((SELECT count(*) FROM mobilisation_calls c WHERE c.volunteer_id = v.id AND c.sent_at > ${since})
          + (SELECT count(*) FROM volunteer_signups s WHERE s.volunteer_id = v.id AND s.created_at > ${since}))::int AS "recentCalls",
        coalesce((SELECT json_agg(json_build_object('startsAt', b.s, 'endsAt', b.e)) FROM (
          SELECT n.starts_at AS s, n.ends_at AS e FROM mobilisation_calls c JOIN mobilisation_needs n ON n.id = c.need_id
            WHERE c.volunteer_id = v.id AND c.status = 'accepted' AND n.ends_at > ${now}
          UNION ALL
          SELECT a.starts_at, a.ends_at FROM volunteer_signups s JOIN activities a ON a.id = s.activity_id
            WHERE s.volunteer_id = v.id AND s.status = 'accepted' AND a.status <> 'cancelled' AND a.ends_at > ${now}) b), '[]') AS busy
      FROM volunteers v LEFT JOIN areas a ON a.code = v.area_code
      WHERE v.status = 'active' AND ${inArea(sql`v.area_code`, district)} ORDER BY v.id`,
  );

/** A call with its need, for the volunteer answering it (as the owner), locked. */
export const callForAnswer = async (db: Db, id: string) =>
  (
    await rows<{
      id: string;
      needId: string;
      volunteerId: string;
      status: string;
      areaCode: string;
      slots: number;
      mobilisationId: string;
    }>(
      db,
      sql`SELECT c.id, c.need_id AS "needId", c.volunteer_id AS "volunteerId", c.status, c.area_code AS "areaCode", n.slots, n.mobilisation_id AS "mobilisationId"
        FROM mobilisation_calls c JOIN mobilisation_needs n ON n.id = c.need_id WHERE c.id = ${id} FOR UPDATE OF c`,
    )
  )[0];

export const lockNeed = (db: Db, id: string) => db.execute(sql`SELECT id FROM mobilisation_needs WHERE id = ${id} FOR UPDATE`);

export const acceptedOnNeed = async (db: Db, needId: string) =>
  Number(
    (
      await rows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM mobilisation_calls WHERE need_id = ${needId} AND status = 'accepted'`,
      )
    )[0]!.n,
  );

export const calledOnNeed = async (db: Db, needId: string) =>
  new Set((await rows<{ v: string }>(db, sql`SELECT volunteer_id AS v FROM mobilisation_calls WHERE need_id = ${needId}`)).map((r) => r.v));

export const answerCall = (db: Db, id: string, status: string, at: Date) =>
  db.execute(sql`UPDATE mobilisation_calls SET status = ${status}, responded_at = ${at} WHERE id = ${id}`);

export const callsOfVolunteer = (db: Db, volunteerId: string) =>
  rows<{
    id: string;
    title: string;
    mobilisationTitle: string;
    place: string;
    startsAt: string;
    endsAt: string;
    status: 'sent' | 'accepted' | 'declined' | 'expired';
    reasons: never[];
  }>(
    db,
    sql`SELECT c.id, n.title, m.title AS "mobilisationTitle", n.place, ${isoText('n.starts_at')} AS "startsAt", ${isoText('n.ends_at')} AS "endsAt", c.status, c.reasons
      FROM mobilisation_calls c JOIN mobilisation_needs n ON n.id = c.need_id JOIN mobilisations m ON m.id = n.mobilisation_id
      WHERE c.volunteer_id = ${volunteerId} ORDER BY c.sent_at DESC, c.id LIMIT 100`,
  );

/** What a call's SMS says and where it goes (as the owner, from the job): the mobile stays sealed here. */
export const callForSms = async (db: Db, id: string) =>
  (
    await rows<{ status: string; title: string; startsAt: string; endsAt: string; mobileCipher: string | null }>(
      db,
      sql`SELECT c.status, n.title, ${isoText('n.starts_at')} AS "startsAt", ${isoText('n.ends_at')} AS "endsAt", v.mobile_cipher AS "mobileCipher"
        FROM mobilisation_calls c JOIN mobilisation_needs n ON n.id = c.need_id JOIN volunteers v ON v.id = c.volunteer_id
        WHERE c.id = ${id}`,
    )
  )[0];
