-- Status and community history (状态与社区变更), kept as care levels are kept: one row per
-- change of a resident's status (active / moved / deceased / merged) or community, with the
-- state before it. Coverage for a past date reads the state in force then: the from_* of the
-- first change after the date, else today's. A registration is not a change (registered_on and
-- the first change's from_* say where a resident started), so bulk imports write nothing here.
-- Rows are never moved: area_code is the community the change led to (RLS), from_area the one before.
CREATE TABLE "resident_status_changes" (
  "id" uuid PRIMARY KEY NOT NULL,
  "resident_id" uuid NOT NULL REFERENCES "residents"("id"),
  "area_code" text NOT NULL,
  "from_status" text NOT NULL,
  "to_status" text NOT NULL,
  "from_area" text NOT NULL,
  "reason" text,
  "changed_by" uuid,
  "changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "resident_status_changes_resident_idx" ON "resident_status_changes" USING btree ("resident_id","changed_at");
--> statement-breakpoint
CREATE INDEX "resident_status_changes_at_idx" ON "resident_status_changes" USING btree ("changed_at");
--> statement-breakpoint
-- History is appended, never edited.
GRANT SELECT, INSERT ON resident_status_changes TO wushe_app;
--> statement-breakpoint
ALTER TABLE resident_status_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY resident_status_changes_scope ON resident_status_changes TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY resident_status_changes_owner ON resident_status_changes TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE resident_status_changes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Backfill: a resident no longer active left the register at its last update (the best time
-- the rows hold); its community then is today's.
INSERT INTO resident_status_changes (id, resident_id, area_code, from_status, to_status, from_area, reason, changed_at)
SELECT gen_random_uuid(), id, area_code, 'active', status, area_code, 'backfill (0015)', updated_at FROM residents WHERE status <> 'active';
--> statement-breakpoint
-- GB/T 42195 results stored the total's band before the coma and +1 adjustments: store the
-- band of the final level (the instrument's own band carrying it).
UPDATE assessments a SET band = (
  SELECT b->>'code' FROM instruments i, jsonb_array_elements(i.definition->'bands') b
  WHERE i.code = a.instrument_code AND i.version = a.instrument_version AND b->>'level' = a.level LIMIT 1)
WHERE a.instrument_code = 'gbt42195' AND a.level IS NOT NULL;
--> statement-breakpoint
-- Where each resident stood on a date (覆盖率 and 逾期, domain brief §4), the one computation
-- behind a past date's coverage counts and the resident list's coverage filters:
--   on the register: not a merged duplicate, registered by the date, status 'active' then;
--   area and care level: those in force on the date (the first later change's from_*);
--   covered: the last contact on or before the date is inside the level's window
--            (p_starts[level] = first day of the window);
--   overdue: the due date has passed: (last contact, else registration) < p_cutoffs[level],
--            the earliest base whose due date is on or after the date (packages/core).
--   p_since: the earliest window start or cutoff; an older contact decides nothing (it is
--            before every cutoff, as is the registration before it), so contacts are read from it.
-- Runs as the owner so a resident who has since moved away still counts where they were; it
-- applies the caller's scope itself (as the RLS policy does) to the area in force then, and
-- hands back ids and flags only: reading the rows themselves stays under RLS.
CREATE FUNCTION resident_standing_on(p_prefix text, p_date date, p_starts date[], p_cutoffs date[], p_since date)
RETURNS TABLE (resident_id uuid, area_code text, care_level smallint, categories text[], covered boolean, overdue boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH bound AS (SELECT (p_date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai' AS t),
  s AS (
    SELECT DISTINCT ON (x.resident_id) x.resident_id, x.from_status, x.from_area FROM resident_status_changes x, bound
    WHERE x.changed_at >= bound.t ORDER BY x.resident_id, x.changed_at, x.id),
  h AS (
    SELECT DISTINCT ON (x.resident_id) x.resident_id, x.from_level FROM care_level_changes x, bound
    WHERE x.changed_at >= bound.t AND x.from_level IS NOT NULL ORDER BY x.resident_id, x.changed_at, x.id),
  cand AS (
    SELECT r.id FROM residents r
    WHERE r.area_code COLLATE "C" >= p_prefix AND r.area_code COLLATE "C" < wushe_scope_upper(p_prefix)
    UNION SELECT s.resident_id FROM s),
  m AS (
    SELECT r.id, coalesce(s.from_area, r.area_code) AS area_code, coalesce(h.from_level, r.care_level) AS care_level,
      r.categories, r.registered_on
    FROM cand JOIN residents r ON r.id = cand.id LEFT JOIN s ON s.resident_id = r.id LEFT JOIN h ON h.resident_id = r.id
    WHERE r.status <> 'merged' AND coalesce(s.from_status, r.status) = 'active' AND r.registered_on <= p_date),
  m2 AS (
    SELECT * FROM m
    WHERE m.area_code COLLATE "C" >= p_prefix AND m.area_code COLLATE "C" < wushe_scope_upper(p_prefix)
      AND m.area_code COLLATE "C" >= current_setting('wushe.scope', true)
      AND m.area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true))),
  c AS (
    SELECT x.resident_id, max(x.occurred_on) AS last FROM contacts x
    WHERE x.occurred_on BETWEEN p_since AND p_date AND x.resident_id IN (SELECT m2.id FROM m2) GROUP BY x.resident_id)
  SELECT m2.id, m2.area_code, m2.care_level, m2.categories,
    coalesce(c.last >= p_starts[m2.care_level], false),
    coalesce(c.last, m2.registered_on) < p_cutoffs[m2.care_level]
  FROM m2 LEFT JOIN c ON c.resident_id = m2.id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION resident_standing_on(text, date, date[], date[], date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION resident_standing_on(text, date, date[], date[], date) TO wushe_app;
