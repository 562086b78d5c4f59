-- Daily coverage snapshots (覆盖率快照): one row per area (province, city, county, street) and
-- business date, written once by the coverage-snapshot job after the day has ended (or, for
-- the past month-ends of a new installation, once by the backfill) and never updated, so a
-- past figure does not move when later records arrive. The 12-month trend reads these rows.
CREATE TABLE "coverage_snapshots" (
  "area_code" text NOT NULL,
  "on_date" date NOT NULL,
  "registered" integer NOT NULL,
  "covered" integer NOT NULL,
  "backfilled" boolean DEFAULT false NOT NULL,
  "computed_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "coverage_snapshots_pk" PRIMARY KEY ("area_code", "on_date")
);
--> statement-breakpoint
CREATE INDEX "coverage_snapshots_area_idx" ON "coverage_snapshots" USING btree ("area_code" COLLATE "C", "on_date");
--> statement-breakpoint
GRANT SELECT, INSERT ON coverage_snapshots TO wushe_app;
--> statement-breakpoint
ALTER TABLE coverage_snapshots ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE coverage_snapshots FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY coverage_snapshots_scope ON coverage_snapshots TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY coverage_snapshots_owner ON coverage_snapshots TO CURRENT_USER USING (true) WITH CHECK (true);
