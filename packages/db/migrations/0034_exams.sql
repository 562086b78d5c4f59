-- Issue 10, item 3: the professional level exam (职业水平考试). Sittings per year as an area
-- keeps them, registrations (a worker on the register, or a person by name with the ID number
-- sealed, masked and blind-indexed as workers), and results per subject. level_passed is
-- computed by packages/core (the carry-over window) whenever results change. Area-owned, RLS
-- as 0008, forced; results carry their registration's area.
CREATE TABLE exam_sittings (
  id uuid PRIMARY KEY,
  area_code text NOT NULL,
  year smallint NOT NULL,
  exam_date date NOT NULL,
  note text,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE UNIQUE INDEX exam_sittings_year_idx ON exam_sittings (area_code, year);
--> statement-breakpoint
CREATE INDEX exam_sittings_area_idx ON exam_sittings ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE TABLE exam_registrations (
  id uuid PRIMARY KEY,
  sitting_id uuid NOT NULL REFERENCES exam_sittings(id) ON DELETE CASCADE,
  area_code text NOT NULL,
  year smallint NOT NULL,
  worker_id uuid REFERENCES workers(id),
  org_id uuid REFERENCES orgs(id),
  name text NOT NULL,
  id_cipher text,
  id_hash text,
  id_masked text,
  level text NOT NULL CHECK (level IN ('assistant', 'intermediate', 'senior')),
  subjects text[] NOT NULL,
  level_passed boolean NOT NULL DEFAULT false,
  certificate_id uuid REFERENCES worker_certificates(id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE UNIQUE INDEX exam_registrations_person_idx ON exam_registrations (sitting_id, id_hash);
--> statement-breakpoint
CREATE INDEX exam_registrations_history_idx ON exam_registrations (id_hash, year);
--> statement-breakpoint
CREATE INDEX exam_registrations_worker_idx ON exam_registrations (worker_id);
--> statement-breakpoint
CREATE INDEX exam_registrations_area_idx ON exam_registrations ((area_code COLLATE "C"), year, level);
--> statement-breakpoint
CREATE TABLE exam_results (
  registration_id uuid NOT NULL REFERENCES exam_registrations(id) ON DELETE CASCADE,
  subject text NOT NULL,
  area_code text NOT NULL,
  score numeric(5, 1),
  passed boolean NOT NULL,
  PRIMARY KEY (registration_id, subject)
);
--> statement-breakpoint
CREATE INDEX exam_results_area_idx ON exam_results ((area_code COLLATE "C"), registration_id);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON exam_sittings TO wushe_app;
--> statement-breakpoint
ALTER TABLE exam_sittings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE exam_sittings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY exam_sittings_scope ON exam_sittings TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY exam_sittings_owner ON exam_sittings TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON exam_registrations TO wushe_app;
--> statement-breakpoint
ALTER TABLE exam_registrations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE exam_registrations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY exam_registrations_scope ON exam_registrations TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY exam_registrations_owner ON exam_registrations TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON exam_results TO wushe_app;
--> statement-breakpoint
ALTER TABLE exam_results ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE exam_results FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY exam_results_scope ON exam_results TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY exam_results_owner ON exam_results TO CURRENT_USER USING (true) WITH CHECK (true);
