-- The people served in a period that ends today (the default: the last twelve months) without
-- reading a row per person. For one person and area, with S the days served:
--   served in [from, to]  =  (a day of S on or after from)  −  (a day after to, none in [from, to])
-- The first term is a count of people whose last served day is on or after `from`: a sum over
-- outputs_people_last, a histogram of last days (infinity while a case is open) kept by the fold
-- job with the rows. The second is read from the few rows served after `to` (future-dated
-- attendance or cases), found by (level, last_day, tail_start). See outputs-people.repo.ts.
ALTER TABLE outputs_people ADD COLUMN last_day date, ADD COLUMN tail_start date;
--> statement-breakpoint
-- last_day: the last day served ('infinity' while a case is open); tail_start: where that open
-- run of days began.
UPDATE outputs_people SET
  last_day = CASE WHEN upper_inf(days) THEN 'infinity'::date ELSE upper(days) - 1 END,
  tail_start = CASE WHEN upper_inf(days) THEN (SELECT max(lower(r)) FROM unnest(days) r) END;
--> statement-breakpoint
ALTER TABLE outputs_people ALTER COLUMN last_day SET NOT NULL;
--> statement-breakpoint
CREATE INDEX outputs_people_late_idx ON outputs_people (level, last_day, tail_start);
--> statement-breakpoint
CREATE TABLE outputs_people_last (
  level smallint NOT NULL CHECK (level IN (2, 4, 6)),
  area_code text COLLATE "C" NOT NULL,
  last_day date NOT NULL,
  people integer NOT NULL CHECK (people >= 0),
  PRIMARY KEY (level, area_code, last_day)
);
--> statement-breakpoint
INSERT INTO outputs_people_last (level, area_code, last_day, people)
  SELECT level, area_code, last_day, count(*) FROM outputs_people GROUP BY 1, 2, 3;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON outputs_people_last TO wushe_app;
--> statement-breakpoint
ALTER TABLE outputs_people_last ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE outputs_people_last FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY outputs_people_last_scope ON outputs_people_last TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY outputs_people_last_owner ON outputs_people_last TO CURRENT_USER USING (true) WITH CHECK (true);
