-- Issue 9: the people served (服务人数) by a province or a city over a year cannot be counted live
-- (millions of attendance rows made distinct per request: seconds). outputs_people keeps, for each
-- district, city and province (level 6, 4, 2: the length of the area's prefix) and each person,
-- the days on which that person was served there: an occasion attended (its Asia/Shanghai day) or
-- a case open (opened_on to closed_on). People in a period are then rows whose days meet it.
--
-- It is exact at every moment, not as of last night: every change to attendance or cases marks
-- its people (old and new area and key) in outputs_people_dirty in the same transaction, the
-- outputs count marked people live and the others from here, and a job on the queue folds the
-- marked people back in (outputs-people.repo.ts). The mark is an upsert that row-locks, so the
-- job's taking of marks waits for a writer still in flight and then sees its rows.
CREATE TABLE outputs_people (
  level smallint NOT NULL CHECK (level IN (2, 4, 6)),
  area_code text COLLATE "C" NOT NULL,
  person_key text NOT NULL,
  days datemultirange NOT NULL,
  PRIMARY KEY (level, area_code, person_key) INCLUDE (days)
);
--> statement-breakpoint
CREATE INDEX outputs_people_person_idx ON outputs_people (person_key);
--> statement-breakpoint
CREATE TABLE outputs_people_dirty (
  area_code text COLLATE "C" NOT NULL,
  person_key text NOT NULL,
  changes bigint NOT NULL DEFAULT 1,
  PRIMARY KEY (area_code, person_key)
);
--> statement-breakpoint
CREATE INDEX outputs_people_dirty_person_idx ON outputs_people_dirty (person_key);
--> statement-breakpoint
-- The job's lookups of a marked person's attendance (cases: cases_resident_idx).
CREATE INDEX attendance_person_idx ON attendance (person_key) WHERE attended_at IS NOT NULL;
--> statement-breakpoint
-- The job (system scope) reads and rewrites; the outputs read. Marks are written by the triggers
-- below as the owner, whoever changed the rows.
GRANT SELECT, INSERT, DELETE ON outputs_people TO wushe_app;
--> statement-breakpoint
GRANT SELECT, DELETE ON outputs_people_dirty TO wushe_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['outputs_people', 'outputs_people_dirty'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY %I ON %I TO wushe_app
      USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
        AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
      WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
        AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))$p$, t || '_scope', t);
    EXECUTE format('CREATE POLICY %I ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t || '_owner', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- Attendance: a row counts when attended, except at a training (0035: trainees are not served);
-- mark its person where anything counted changed.
CREATE FUNCTION outputs_mark_attendance() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO outputs_people_dirty (area_code, person_key)
      SELECT DISTINCT area_code, person_key FROM new_rows WHERE attended_at IS NOT NULL AND occasion_kind <> 'training_session'
      ON CONFLICT (area_code, person_key) DO UPDATE SET changes = outputs_people_dirty.changes + 1;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO outputs_people_dirty (area_code, person_key)
      SELECT DISTINCT area_code, person_key FROM old_rows WHERE attended_at IS NOT NULL AND occasion_kind <> 'training_session'
      ON CONFLICT (area_code, person_key) DO UPDATE SET changes = outputs_people_dirty.changes + 1;
  ELSE
    INSERT INTO outputs_people_dirty (area_code, person_key)
      SELECT area_code, person_key FROM (
        SELECT o.area_code, o.person_key FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE o.attended_at IS NOT NULL AND o.occasion_kind <> 'training_session' AND (n.attended_at IS NULL OR (o.area_code, o.person_key, o.occasion_at)
            IS DISTINCT FROM (n.area_code, n.person_key, n.occasion_at))
        UNION
        SELECT n.area_code, n.person_key FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE n.attended_at IS NOT NULL AND n.occasion_kind <> 'training_session' AND (o.attended_at IS NULL OR (o.area_code, o.person_key, o.occasion_at)
            IS DISTINCT FROM (n.area_code, n.person_key, n.occasion_at))) m
      ON CONFLICT (area_code, person_key) DO UPDATE SET changes = outputs_people_dirty.changes + 1;
  END IF;
  RETURN NULL;
END $f$;
--> statement-breakpoint
-- Cases: the resident of a case is served while it is open.
CREATE FUNCTION outputs_mark_cases() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO outputs_people_dirty (area_code, person_key)
      SELECT DISTINCT area_code, 'r:' || resident_id::text FROM new_rows
      ON CONFLICT (area_code, person_key) DO UPDATE SET changes = outputs_people_dirty.changes + 1;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO outputs_people_dirty (area_code, person_key)
      SELECT DISTINCT area_code, 'r:' || resident_id::text FROM old_rows
      ON CONFLICT (area_code, person_key) DO UPDATE SET changes = outputs_people_dirty.changes + 1;
  ELSE
    INSERT INTO outputs_people_dirty (area_code, person_key)
      SELECT area_code, 'r:' || resident_id::text FROM (
        SELECT o.area_code, o.resident_id FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE (o.area_code, o.resident_id, o.opened_on, o.closed_on) IS DISTINCT FROM (n.area_code, n.resident_id, n.opened_on, n.closed_on)
        UNION
        SELECT n.area_code, n.resident_id FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE (o.area_code, o.resident_id, o.opened_on, o.closed_on) IS DISTINCT FROM (n.area_code, n.resident_id, n.opened_on, n.closed_on)) m
      ON CONFLICT (area_code, person_key) DO UPDATE SET changes = outputs_people_dirty.changes + 1;
  END IF;
  RETURN NULL;
END $f$;
--> statement-breakpoint
CREATE TRIGGER attendance_outputs_ins AFTER INSERT ON attendance REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION outputs_mark_attendance();
--> statement-breakpoint
CREATE TRIGGER attendance_outputs_upd AFTER UPDATE ON attendance REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION outputs_mark_attendance();
--> statement-breakpoint
CREATE TRIGGER attendance_outputs_del AFTER DELETE ON attendance REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION outputs_mark_attendance();
--> statement-breakpoint
CREATE TRIGGER cases_outputs_ins AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION outputs_mark_cases();
--> statement-breakpoint
CREATE TRIGGER cases_outputs_upd AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION outputs_mark_cases();
--> statement-breakpoint
CREATE TRIGGER cases_outputs_del AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION outputs_mark_cases();
--> statement-breakpoint
-- Whatever is there already is marked once, for the job's first run to fold in.
INSERT INTO outputs_people_dirty (area_code, person_key)
  SELECT DISTINCT area_code, person_key FROM attendance WHERE attended_at IS NOT NULL AND occasion_kind <> 'training_session'
  UNION SELECT DISTINCT area_code, 'r:' || resident_id::text FROM cases
  ON CONFLICT DO NOTHING;
