-- Person-times (服务人次) of a province or a city over a year without reading every attendance row
-- (2,000,000 rows for a province: seconds on a busy machine). One row per district and Asia/Shanghai
-- day with its count of attended rows, kept exact by statement triggers on attendance in the
-- writer's transaction (additive: each statement adds its new attended rows and takes off its
-- old ones). The outputs of a province or a city sum these rows; a district and below count live.
CREATE TABLE outputs_person_times (
  area_code text COLLATE "C" NOT NULL,
  day date NOT NULL,
  person_times integer NOT NULL,
  PRIMARY KEY (area_code, day)
);
--> statement-breakpoint
INSERT INTO outputs_person_times (area_code, day, person_times)
  SELECT rpad(left(area_code, 6), 12, '0'), (occasion_at AT TIME ZONE 'Asia/Shanghai')::date, count(*)
  FROM attendance WHERE attended_at IS NOT NULL GROUP BY 1, 2;
--> statement-breakpoint
GRANT SELECT ON outputs_person_times TO wushe_app;
--> statement-breakpoint
ALTER TABLE outputs_person_times ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE outputs_person_times FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY outputs_person_times_scope ON outputs_person_times TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY outputs_person_times_owner ON outputs_person_times TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- A transition table exists only for its events: one function per event, each adding its rows'
-- signed counts per district and day.
CREATE FUNCTION outputs_person_times_ins() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
BEGIN
  INSERT INTO outputs_person_times (area_code, day, person_times)
    SELECT rpad(left(area_code, 6), 12, '0'), (occasion_at AT TIME ZONE 'Asia/Shanghai')::date, count(*)
    FROM new_rows WHERE attended_at IS NOT NULL GROUP BY 1, 2
    ON CONFLICT (area_code, day) DO UPDATE SET person_times = outputs_person_times.person_times + EXCLUDED.person_times;
  RETURN NULL;
END $f$;
--> statement-breakpoint
CREATE FUNCTION outputs_person_times_del() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
BEGIN
  UPDATE outputs_person_times t SET person_times = t.person_times - o.n
    FROM (SELECT rpad(left(area_code, 6), 12, '0') AS area_code, (occasion_at AT TIME ZONE 'Asia/Shanghai')::date AS day, count(*) AS n
      FROM old_rows WHERE attended_at IS NOT NULL GROUP BY 1, 2) o
    WHERE t.area_code = o.area_code AND t.day = o.day;
  RETURN NULL;
END $f$;
--> statement-breakpoint
CREATE FUNCTION outputs_person_times_upd() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
BEGIN
  INSERT INTO outputs_person_times (area_code, day, person_times)
    SELECT area_code, day, d FROM (
      SELECT area_code, day, sum(d)::int AS d FROM (
        SELECT rpad(left(area_code, 6), 12, '0') AS area_code, (occasion_at AT TIME ZONE 'Asia/Shanghai')::date AS day, 1 AS d
          FROM new_rows WHERE attended_at IS NOT NULL
        UNION ALL
        SELECT rpad(left(area_code, 6), 12, '0'), (occasion_at AT TIME ZONE 'Asia/Shanghai')::date, -1
          FROM old_rows WHERE attended_at IS NOT NULL) y
      GROUP BY 1, 2) x
    WHERE d <> 0
    ON CONFLICT (area_code, day) DO UPDATE SET person_times = outputs_person_times.person_times + EXCLUDED.person_times;
  RETURN NULL;
END $f$;
--> statement-breakpoint
CREATE TRIGGER attendance_person_times_ins AFTER INSERT ON attendance REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION outputs_person_times_ins();
--> statement-breakpoint
CREATE TRIGGER attendance_person_times_upd AFTER UPDATE ON attendance REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION outputs_person_times_upd();
--> statement-breakpoint
CREATE TRIGGER attendance_person_times_del AFTER DELETE ON attendance REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION outputs_person_times_del();
