// The workforce as packages/core reads it, straight from the records (as the owner): each worker of
// an area with their days on the register, certificates and credited hours (sessions attended
// and approved entries). The dashboard and rollup tests count with core over these.
import { rows, type Database } from '@wushe/db';
import { sql } from 'drizzle-orm';

export interface RecordedWorker {
  id: string;
  areaCode: string;
  startedOn: string | null;
  leftOn: string | null;
  certificates: { workerId: string; kind: string; obtainedOn: string; registeredOn: string | null }[];
  hours: { workerId: string; day: string; hours: number }[];
}

export async function recordedWorkers(database: Database, prefix: string): Promise<RecordedWorker[]> {
  const owner = <T>(q: ReturnType<typeof sql>) => database.owner((db) => rows<T>(db, q));
  const ws = await owner<{ id: string; areaCode: string; startedOn: string | null; leftOn: string | null }>(
    sql`SELECT id, area_code AS "areaCode", started_in_field_on::text AS "startedOn", left_on::text AS "leftOn" FROM workers
      WHERE starts_with(area_code, ${prefix})`,
  );
  const cs = await owner<RecordedWorker['certificates'][number]>(
    sql`SELECT worker_id AS "workerId", kind, obtained_on::text AS "obtainedOn", registered_on::text AS "registeredOn" FROM worker_certificates`,
  );
  const hs = await owner<RecordedWorker['hours'][number]>(
    sql`SELECT DISTINCT r.worker_id AS "workerId", s.id, (s.starts_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day, s.hours::float8 AS hours
      FROM training_registrations r JOIN training_sessions s ON s.training_id = r.training_id AND NOT s.cancelled
        JOIN attendance x ON x.occasion_kind = 'training_session' AND x.occasion_id = s.id AND x.person_key = r.person_key AND x.attended_at IS NOT NULL
      WHERE r.worker_id IS NOT NULL
      UNION ALL SELECT worker_id, id, on_date::text, hours::float8 FROM ce_entries WHERE status = 'approved'`,
  );
  return ws.map((w) => ({
    ...w,
    certificates: cs.filter((c) => c.workerId === w.id),
    hours: hs.filter((h) => h.workerId === w.id),
  }));
}
