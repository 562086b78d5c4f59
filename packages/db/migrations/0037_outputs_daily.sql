-- The additive outputs (服务成效) of a province or a city over a year without reading every row:
-- one row per district and Asia/Shanghai day with its person-times (attended rows), activities
-- held, cases opened and closed, and satisfaction answers (their sum and count), kept exact by
-- triggers in the writer's transaction (each write adds its new rows and takes off its old
-- ones). Cases active in a period = opened on or before its end − closed before its start (a
-- case closes on or after the day it opened: checked below). The outputs of a province or a
-- city sum these rows; a district and below count live.
CREATE TABLE outputs_daily (
  area_code text COLLATE "C" NOT NULL,
  day date NOT NULL,
  person_times integer NOT NULL DEFAULT 0,
  activities integer NOT NULL DEFAULT 0,
  cases_opened integer NOT NULL DEFAULT 0,
  cases_closed integer NOT NULL DEFAULT 0,
  sat_total integer NOT NULL DEFAULT 0,
  sat_answers integer NOT NULL DEFAULT 0,
  PRIMARY KEY (area_code, day)
);
--> statement-breakpoint
ALTER TABLE cases ADD CONSTRAINT cases_closed_after_opened CHECK (closed_on IS NULL OR closed_on >= opened_on);
--> statement-breakpoint
GRANT SELECT ON outputs_daily TO wushe_app;
--> statement-breakpoint
ALTER TABLE outputs_daily ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE outputs_daily FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY outputs_daily_scope ON outputs_daily TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY outputs_daily_owner ON outputs_daily TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- The district of an area code, and the Asia/Shanghai day of an instant.
CREATE FUNCTION outputs_district(code text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$ SELECT rpad(left(code, 6), 12, '0') $f$;
--> statement-breakpoint
CREATE FUNCTION outputs_day(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $f$ SELECT (at AT TIME ZONE 'Asia/Shanghai')::date $f$;
--> statement-breakpoint
-- Adds signed amounts to a district's day.
CREATE FUNCTION outputs_daily_add(code text, d date, pt integer, act integer, opened integer, closed integer, st integer, sa integer)
RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
  INSERT INTO outputs_daily (area_code, day, person_times, activities, cases_opened, cases_closed, sat_total, sat_answers)
    VALUES (outputs_district(code), d, pt, act, opened, closed, st, sa)
    ON CONFLICT (area_code, day) DO UPDATE SET person_times = outputs_daily.person_times + EXCLUDED.person_times,
      activities = outputs_daily.activities + EXCLUDED.activities, cases_opened = outputs_daily.cases_opened + EXCLUDED.cases_opened,
      cases_closed = outputs_daily.cases_closed + EXCLUDED.cases_closed, sat_total = outputs_daily.sat_total + EXCLUDED.sat_total,
      sat_answers = outputs_daily.sat_answers + EXCLUDED.sat_answers;
$f$;
--> statement-breakpoint
INSERT INTO outputs_daily (area_code, day, person_times, activities, cases_opened, cases_closed, sat_total, sat_answers)
  SELECT area_code, day, sum(pt), sum(act), sum(o), sum(c), sum(st), sum(sa) FROM (
    SELECT outputs_district(area_code) AS area_code, outputs_day(occasion_at) AS day, count(*) AS pt, 0 AS act, 0 AS o, 0 AS c, 0 AS st, 0 AS sa
      FROM attendance WHERE attended_at IS NOT NULL AND occasion_kind <> 'training_session' GROUP BY 1, 2
    UNION ALL SELECT outputs_district(area_code), outputs_day(starts_at), 0, count(*), 0, 0, 0, 0 FROM activities WHERE status = 'held' GROUP BY 1, 2
    UNION ALL SELECT outputs_district(area_code), opened_on, 0, 0, count(*), 0, 0, 0 FROM cases GROUP BY 1, 2
    UNION ALL SELECT outputs_district(area_code), closed_on, 0, 0, 0, count(*), 0, 0 FROM cases WHERE closed_on IS NOT NULL GROUP BY 1, 2
    UNION ALL SELECT outputs_district(area_code), outputs_day(at), 0, 0, 0, 0, sum(score), count(*) FROM satisfaction GROUP BY 1, 2
  ) x GROUP BY 1, 2;
--> statement-breakpoint
-- Attendance is written in bulk (a sign-up list, a merge): statement triggers with transition
-- tables, one function per event (a transition table exists only for its own event). Training
-- sessions (0035) are attendance too, but not a service: never counted.
CREATE FUNCTION outputs_daily_attendance_ins() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
BEGIN
  PERFORM outputs_daily_add(a, d, n, 0, 0, 0, 0, 0) FROM (
    SELECT outputs_district(area_code) AS a, outputs_day(occasion_at) AS d, count(*)::int AS n FROM new_rows WHERE attended_at IS NOT NULL AND occasion_kind <> 'training_session' GROUP BY 1, 2) x;
  RETURN NULL;
END $f$;
--> statement-breakpoint
CREATE FUNCTION outputs_daily_attendance_del() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
BEGIN
  PERFORM outputs_daily_add(a, d, -n, 0, 0, 0, 0, 0) FROM (
    SELECT outputs_district(area_code) AS a, outputs_day(occasion_at) AS d, count(*)::int AS n FROM old_rows WHERE attended_at IS NOT NULL AND occasion_kind <> 'training_session' GROUP BY 1, 2) x;
  RETURN NULL;
END $f$;
--> statement-breakpoint
CREATE FUNCTION outputs_daily_attendance_upd() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
BEGIN
  PERFORM outputs_daily_add(a, d, n, 0, 0, 0, 0, 0) FROM (
    SELECT a, d, sum(n)::int AS n FROM (
      SELECT outputs_district(area_code) AS a, outputs_day(occasion_at) AS d, 1 AS n FROM new_rows WHERE attended_at IS NOT NULL AND occasion_kind <> 'training_session'
      UNION ALL SELECT outputs_district(area_code), outputs_day(occasion_at), -1 FROM old_rows WHERE attended_at IS NOT NULL AND occasion_kind <> 'training_session') y
    GROUP BY 1, 2) x WHERE n <> 0;
  RETURN NULL;
END $f$;
--> statement-breakpoint
CREATE TRIGGER attendance_daily_ins AFTER INSERT ON attendance REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION outputs_daily_attendance_ins();
--> statement-breakpoint
CREATE TRIGGER attendance_daily_upd AFTER UPDATE ON attendance REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION outputs_daily_attendance_upd();
--> statement-breakpoint
CREATE TRIGGER attendance_daily_del AFTER DELETE ON attendance REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION outputs_daily_attendance_del();
--> statement-breakpoint
-- Activities, cases and satisfaction are written a row at a time: row triggers, only when a
-- counted column changes. What a row counts, with a sign (-1: its old version goes):
CREATE FUNCTION outputs_daily_count(tbl text, r jsonb, s integer) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
BEGIN
  IF tbl = 'activities' THEN
    IF r->>'status' = 'held' THEN
      PERFORM outputs_daily_add(r->>'area_code', outputs_day((r->>'starts_at')::timestamptz), 0, s, 0, 0, 0, 0);
    END IF;
  ELSIF tbl = 'cases' THEN
    PERFORM outputs_daily_add(r->>'area_code', (r->>'opened_on')::date, 0, 0, s, 0, 0, 0);
    IF r->>'closed_on' IS NOT NULL THEN
      PERFORM outputs_daily_add(r->>'area_code', (r->>'closed_on')::date, 0, 0, 0, s, 0, 0);
    END IF;
  ELSIF tbl = 'satisfaction' THEN
    PERFORM outputs_daily_add(r->>'area_code', outputs_day((r->>'at')::timestamptz), 0, 0, 0, 0, s * (r->>'score')::integer, s);
  END IF;
END $f$;
--> statement-breakpoint
CREATE FUNCTION outputs_daily_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM outputs_daily_count(TG_TABLE_NAME, to_jsonb(OLD), -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM outputs_daily_count(TG_TABLE_NAME, to_jsonb(NEW), 1);
  END IF;
  RETURN NULL;
END $f$;
--> statement-breakpoint
CREATE TRIGGER activities_daily AFTER INSERT OR DELETE ON activities FOR EACH ROW EXECUTE FUNCTION outputs_daily_row();
--> statement-breakpoint
CREATE TRIGGER activities_daily_upd AFTER UPDATE OF status, starts_at, area_code ON activities FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.starts_at IS DISTINCT FROM NEW.starts_at OR OLD.area_code IS DISTINCT FROM NEW.area_code)
  EXECUTE FUNCTION outputs_daily_row();
--> statement-breakpoint
CREATE TRIGGER cases_daily AFTER INSERT OR DELETE ON cases FOR EACH ROW EXECUTE FUNCTION outputs_daily_row();
--> statement-breakpoint
CREATE TRIGGER cases_daily_upd AFTER UPDATE OF opened_on, closed_on, area_code ON cases FOR EACH ROW
  WHEN (OLD.opened_on IS DISTINCT FROM NEW.opened_on OR OLD.closed_on IS DISTINCT FROM NEW.closed_on OR OLD.area_code IS DISTINCT FROM NEW.area_code)
  EXECUTE FUNCTION outputs_daily_row();
--> statement-breakpoint
CREATE TRIGGER satisfaction_daily AFTER INSERT OR DELETE ON satisfaction FOR EACH ROW EXECUTE FUNCTION outputs_daily_row();
--> statement-breakpoint
CREATE TRIGGER satisfaction_daily_upd AFTER UPDATE OF score, at, area_code ON satisfaction FOR EACH ROW
  WHEN (OLD.score IS DISTINCT FROM NEW.score OR OLD.at IS DISTINCT FROM NEW.at OR OLD.area_code IS DISTINCT FROM NEW.area_code)
  EXECUTE FUNCTION outputs_daily_row();
