-- Issue 10's speed figures: a province's workforce dashboard under 500 ms and a city's list of
-- workers behind on continuing education p95 under 50 ms (0041 left them at 2.5 s and 110 ms).
--
-- `worker_rollup`: one narrow row per worker, kept exact by statement triggers in the writer's
-- transaction. Two parts:
-- * facts that hold for every day: the area, organisation, days on the register and the first day
--   at each social-work level (a level once obtained is kept), so headcount, levels and the 12-month
--   trend of any area on any day are one scan of this table;
-- * the continuing-education standing on `ce_on` (the Asia/Shanghai day it was computed): the
--   current cycle, its level and its hours. It holds unchanged until `ce_until` (the cycle's last
--   day, or the day before a dated record after `ce_on` — a certificate obtained or registered,
--   a session attended, an entry approved — would change it). Readers use it only for a day in
--   [ce_on, ce_until] and compute any other row live, so it is exact whether or not the nightly job
--   (workforce-rollup, which recomputes rows past their `ce_until`) has run.
CREATE TABLE worker_rollup (
  worker_id uuid PRIMARY KEY REFERENCES workers(id) ON DELETE CASCADE,
  area_code text COLLATE "C" NOT NULL,
  org_id uuid,
  started_on date,
  left_on date,
  assistant_on date,
  intermediate_on date,
  senior_on date,
  ce_on date NOT NULL,
  ce_until date NOT NULL,
  ce_rank smallint,
  ce_n integer,
  ce_start date,
  ce_end date,
  ce_hours numeric NOT NULL DEFAULT 0,
  ce_hours_now numeric NOT NULL DEFAULT 0
);
--> statement-breakpoint
CREATE INDEX worker_rollup_area_idx ON worker_rollup (area_code, worker_id);
--> statement-breakpoint
CREATE INDEX worker_rollup_until_idx ON worker_rollup (ce_until);
--> statement-breakpoint
GRANT SELECT ON worker_rollup TO wushe_app;
--> statement-breakpoint
ALTER TABLE worker_rollup ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE worker_rollup FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY worker_rollup_scope ON worker_rollup TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY worker_rollup_owner ON worker_rollup TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- The 0-based registration cycle containing day `d` for a first registration on `anchor`: three-year
-- steps from the anchor (date + years clamps 29 February as core's addYears). The one definition
-- the refresh below and the live SQL (ce-cycles.repo.ts) share.
CREATE FUNCTION ce_cycle_index(anchor date, d date) RETURNS integer LANGUAGE sql IMMUTABLE AS $f$
  SELECT CASE WHEN (anchor + make_interval(years => 3 * k))::date > d THEN k - 1 ELSE k END
  FROM (SELECT ((extract(year FROM d) - extract(year FROM anchor))::int / 3) AS k) x
$f$;
--> statement-breakpoint
-- Recomputes the given workers' rows as of today in Asia/Shanghai.
CREATE FUNCTION worker_rollup_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
DECLARE d date := (now() AT TIME ZONE 'Asia/Shanghai')::date;
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock(4242, b) FROM (SELECT DISTINCT abs(hashtext(w::text)) % 1024 AS b FROM unnest(ids) w ORDER BY 1) x;
  INSERT INTO worker_rollup AS r (worker_id, area_code, org_id, started_on, left_on, assistant_on, intermediate_on, senior_on,
      ce_on, ce_until, ce_rank, ce_n, ce_start, ce_end, ce_hours, ce_hours_now)
    SELECT w.id, w.area_code, w.org_id, w.started_in_field_on, w.left_on, c.a, c.i, c.s, d,
      coalesce(least(cy.e, c.next - 1, h.next - 1, e.next - 1), 'infinity'::date), c.rank, cy.n + 1, cy.st, cy.e,
      coalesce(h.total, 0) + coalesce(e.total, 0), coalesce(h.now, 0) + coalesce(e.now, 0)
    FROM workers w
      CROSS JOIN LATERAL (SELECT min(obtained_on) FILTER (WHERE kind = 'assistant') AS a,
          min(obtained_on) FILTER (WHERE kind = 'intermediate') AS i, min(obtained_on) FILTER (WHERE kind = 'senior') AS s,
          min(registered_on) FILTER (WHERE registered_on <= d AND obtained_on <= d) AS anchor,
          max(CASE kind WHEN 'assistant' THEN 1 WHEN 'intermediate' THEN 2 WHEN 'senior' THEN 3 END) FILTER (WHERE obtained_on <= d) AS rank,
          min(CASE WHEN obtained_on > d THEN obtained_on WHEN registered_on > d THEN registered_on END) AS next
        FROM worker_certificates WHERE worker_id = w.id AND kind IN ('assistant', 'intermediate', 'senior')) c
      LEFT JOIN LATERAL (SELECT n, (c.anchor + make_interval(years => 3 * n))::date AS st,
          (c.anchor + make_interval(years => 3 * (n + 1)))::date - 1 AS e
        FROM (SELECT ce_cycle_index(c.anchor, d) AS n) k WHERE c.anchor IS NOT NULL) cy ON true
      LEFT JOIN LATERAL (SELECT sum(hours) FILTER (WHERE day <= cy.e) AS total, sum(hours) FILTER (WHERE day <= d) AS now,
          min(day) FILTER (WHERE day > d) AS next
        FROM ce_credits WHERE worker_id = w.id AND day >= cy.st) h ON true
      LEFT JOIN LATERAL (SELECT sum(hours) FILTER (WHERE on_date <= cy.e) AS total, sum(hours) FILTER (WHERE on_date <= d) AS now,
          min(on_date) FILTER (WHERE on_date > d) AS next
        FROM ce_entries WHERE worker_id = w.id AND status = 'approved' AND on_date >= cy.st) e ON true
    WHERE w.id = ANY(ids)
  ON CONFLICT (worker_id) DO UPDATE SET area_code = EXCLUDED.area_code, org_id = EXCLUDED.org_id, started_on = EXCLUDED.started_on,
    left_on = EXCLUDED.left_on, assistant_on = EXCLUDED.assistant_on, intermediate_on = EXCLUDED.intermediate_on,
    senior_on = EXCLUDED.senior_on, ce_on = EXCLUDED.ce_on, ce_until = EXCLUDED.ce_until, ce_rank = EXCLUDED.ce_rank,
    ce_n = EXCLUDED.ce_n, ce_start = EXCLUDED.ce_start, ce_end = EXCLUDED.ce_end, ce_hours = EXCLUDED.ce_hours,
    ce_hours_now = EXCLUDED.ce_hours_now;
END $f$;
--> statement-breakpoint
-- One trigger function for the four tables whose rows carry a worker_id (workers carry their id).
CREATE FUNCTION worker_rollup_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
DECLARE ids uuid[];
BEGIN
  IF TG_TABLE_NAME = 'workers' THEN
    SELECT array_agg(DISTINCT id) INTO ids FROM wr_new;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT worker_id) INTO ids FROM wr_new;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT worker_id) INTO ids FROM wr_old;
  ELSE
    SELECT array_agg(DISTINCT worker_id) INTO ids FROM (SELECT worker_id FROM wr_new UNION SELECT worker_id FROM wr_old) x;
  END IF;
  PERFORM worker_rollup_refresh(ids);
  RETURN NULL;
END $f$;
--> statement-breakpoint
CREATE TRIGGER worker_rollup_workers_ins AFTER INSERT ON workers REFERENCING NEW TABLE AS wr_new
  FOR EACH STATEMENT EXECUTE FUNCTION worker_rollup_changed();
--> statement-breakpoint
CREATE TRIGGER worker_rollup_workers_upd AFTER UPDATE ON workers REFERENCING OLD TABLE AS wr_old NEW TABLE AS wr_new
  FOR EACH STATEMENT EXECUTE FUNCTION worker_rollup_changed();
--> statement-breakpoint
CREATE TRIGGER worker_rollup_certificates_ins AFTER INSERT ON worker_certificates REFERENCING NEW TABLE AS wr_new
  FOR EACH STATEMENT EXECUTE FUNCTION worker_rollup_changed();
--> statement-breakpoint
CREATE TRIGGER worker_rollup_certificates_upd AFTER UPDATE ON worker_certificates REFERENCING OLD TABLE AS wr_old NEW TABLE AS wr_new
  FOR EACH STATEMENT EXECUTE FUNCTION worker_rollup_changed();
--> statement-breakpoint
CREATE TRIGGER worker_rollup_certificates_del AFTER DELETE ON worker_certificates REFERENCING OLD TABLE AS wr_old
  FOR EACH STATEMENT EXECUTE FUNCTION worker_rollup_changed();
--> statement-breakpoint
CREATE TRIGGER worker_rollup_credits_ins AFTER INSERT ON ce_credits REFERENCING NEW TABLE AS wr_new
  FOR EACH STATEMENT EXECUTE FUNCTION worker_rollup_changed();
--> statement-breakpoint
CREATE TRIGGER worker_rollup_credits_del AFTER DELETE ON ce_credits REFERENCING OLD TABLE AS wr_old
  FOR EACH STATEMENT EXECUTE FUNCTION worker_rollup_changed();
--> statement-breakpoint
CREATE TRIGGER worker_rollup_entries_ins AFTER INSERT ON ce_entries REFERENCING NEW TABLE AS wr_new
  FOR EACH STATEMENT EXECUTE FUNCTION worker_rollup_changed();
--> statement-breakpoint
CREATE TRIGGER worker_rollup_entries_upd AFTER UPDATE ON ce_entries REFERENCING OLD TABLE AS wr_old NEW TABLE AS wr_new
  FOR EACH STATEMENT EXECUTE FUNCTION worker_rollup_changed();
--> statement-breakpoint
CREATE TRIGGER worker_rollup_entries_del AFTER DELETE ON ce_entries REFERENCING OLD TABLE AS wr_old
  FOR EACH STATEMENT EXECUTE FUNCTION worker_rollup_changed();
--> statement-breakpoint
SELECT worker_rollup_refresh(array_agg(id)) FROM workers;
--> statement-breakpoint
-- Attended person-times per training session, so a year of a province's training is a scan of its
-- sessions rather than of two million attendance rows; kept by statement triggers on attendance
-- (each write adds its new attended rows and takes off its old ones). Owner only, read after the
-- scope check; the sessions it joins carry the area.
CREATE TABLE training_session_attended (
  session_id uuid PRIMARY KEY REFERENCES training_sessions(id) ON DELETE CASCADE,
  attended integer NOT NULL DEFAULT 0
);
--> statement-breakpoint
ALTER TABLE training_session_attended ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE training_session_attended FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_session_attended_owner ON training_session_attended TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE FUNCTION training_session_attended_add(sessions uuid[], signs integer[]) RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
  INSERT INTO training_session_attended AS t (session_id, attended)
    SELECT x.session_id, sum(x.n) FROM unnest(sessions, signs) x(session_id, n)
    WHERE EXISTS (SELECT 1 FROM training_sessions s WHERE s.id = x.session_id)
    GROUP BY x.session_id HAVING sum(x.n) <> 0
    ON CONFLICT (session_id) DO UPDATE SET attended = t.attended + EXCLUDED.attended;
$f$;
--> statement-breakpoint
CREATE FUNCTION training_session_attended_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
DECLARE s uuid[]; n integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(occasion_id), array_agg(1) INTO s, n FROM tsa_new WHERE occasion_kind = 'training_session' AND attended_at IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(occasion_id), array_agg(-1) INTO s, n FROM tsa_old WHERE occasion_kind = 'training_session' AND attended_at IS NOT NULL;
  ELSE
    SELECT array_agg(id), array_agg(k) INTO s, n FROM (
      SELECT occasion_id AS id, 1 AS k FROM tsa_new WHERE occasion_kind = 'training_session' AND attended_at IS NOT NULL
      UNION ALL SELECT occasion_id, -1 FROM tsa_old WHERE occasion_kind = 'training_session' AND attended_at IS NOT NULL) x;
  END IF;
  IF s IS NOT NULL THEN PERFORM training_session_attended_add(s, n); END IF;
  RETURN NULL;
END $f$;
--> statement-breakpoint
CREATE TRIGGER training_session_attended_ins AFTER INSERT ON attendance REFERENCING NEW TABLE AS tsa_new
  FOR EACH STATEMENT EXECUTE FUNCTION training_session_attended_changed();
--> statement-breakpoint
CREATE TRIGGER training_session_attended_upd AFTER UPDATE ON attendance REFERENCING OLD TABLE AS tsa_old NEW TABLE AS tsa_new
  FOR EACH STATEMENT EXECUTE FUNCTION training_session_attended_changed();
--> statement-breakpoint
CREATE TRIGGER training_session_attended_del AFTER DELETE ON attendance REFERENCING OLD TABLE AS tsa_old
  FOR EACH STATEMENT EXECUTE FUNCTION training_session_attended_changed();
--> statement-breakpoint
INSERT INTO training_session_attended (session_id, attended)
  SELECT x.occasion_id, count(*) FROM attendance x JOIN training_sessions s ON s.id = x.occasion_id
  WHERE x.occasion_kind = 'training_session' AND x.attended_at IS NOT NULL GROUP BY 1;
--> statement-breakpoint
-- Training delivered reads training_session_attended now; 0041's index of training attendance
-- rows has no reader left and costs every check-in a write.
DROP INDEX attendance_training_idx;
