// SQL of a public account's trainings (trainings.mine.ts): its sealed mobile, and the
// registrations whose person key is that mobile's blind index, with the hours attended.
import { rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { notFound } from '../../http/errors.ts';

export async function sealedMobileOf(db: Db, accountId: string) {
  const [a] = await rows<{ name: string; cipher: string; hash: string; masked: string }>(
    db,
    sql`SELECT display_name AS name, mobile_cipher AS cipher, mobile_hash AS hash, mobile_masked AS masked FROM public_accounts WHERE id = ${accountId}`,
  );
  if (!a) throw notFound();
  return a;
}

interface Held {
  id: string;
  trainingId: string;
  title: string;
  status: string;
  registeredAt: string;
  hours: number;
  lastDay: string | null;
  certificateCode: string | null;
  certificateHours: number | null;
  certificateIssuedOn: string | null;
}

/** The account's registrations (by its mobile's blind index) with the hours attended. */
export const registrationsOfAccount = (db: Db, accountId: string) =>
  rows<Held>(
    db,
    sql`SELECT r.id, t.id AS "trainingId", t.title, r.status, to_char(r.registered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "registeredAt",
        r.certificate_code AS "certificateCode", r.certificate_hours::float8 AS "certificateHours",
        r.certificate_issued_on::text AS "certificateIssuedOn",
        coalesce(sum(s.hours) FILTER (WHERE x.person_key IS NOT NULL), 0)::float8 AS hours,
        to_char(max(s.starts_at) FILTER (WHERE x.person_key IS NOT NULL) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "lastDay"
      FROM public_accounts p JOIN training_registrations r ON r.person_key = 'm:' || p.mobile_hash
        JOIN trainings t ON t.id = r.training_id
        LEFT JOIN training_sessions s ON s.training_id = t.id AND NOT s.cancelled
        LEFT JOIN attendance x ON x.occasion_kind = 'training_session' AND x.occasion_id = s.id AND x.person_key = r.person_key
          AND x.attended_at IS NOT NULL
      WHERE p.id = ${accountId}
      GROUP BY r.id, t.id ORDER BY r.registered_at DESC`,
  );
