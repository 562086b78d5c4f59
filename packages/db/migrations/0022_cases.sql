-- Issue 9: casework (个案). A case for a resident, its worker in charge, type, risk, stage and
-- the head's approvals of its plan and closure; its timeline. Narrative texts are sealed by
-- the server (the database holds ciphertext only). Both tables are area-owned: RLS as 0008.
CREATE SEQUENCE case_no_seq;
--> statement-breakpoint
CREATE TABLE cases (
  id uuid PRIMARY KEY,
  case_no text NOT NULL UNIQUE,
  area_code text NOT NULL,
  org_id uuid REFERENCES orgs(id),
  resident_id uuid NOT NULL REFERENCES residents(id),
  worker_id uuid NOT NULL REFERENCES users(id),
  type text NOT NULL,
  risk_level text NOT NULL,
  stage text NOT NULL DEFAULT 'intake',
  plan_status text NOT NULL DEFAULT 'draft',
  closure_status text NOT NULL DEFAULT 'none',
  sensitive boolean NOT NULL,
  problem_cipher text NOT NULL,
  plan_cipher text,
  closing_cipher text,
  opened_on date NOT NULL,
  closed_on date,
  reopen_count integer NOT NULL DEFAULT 0,
  follow_up_id uuid REFERENCES follow_ups(id),
  last_event_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT cases_stage_check CHECK (stage IN ('intake', 'assessment', 'plan', 'intervention', 'review', 'closed')),
  CONSTRAINT cases_plan_status_check CHECK (plan_status IN ('draft', 'submitted', 'approved', 'returned')),
  CONSTRAINT cases_closure_status_check CHECK (closure_status IN ('none', 'submitted', 'returned')),
  CONSTRAINT cases_risk_check CHECK (risk_level IN ('low', 'medium', 'high'))
);
--> statement-breakpoint
CREATE INDEX cases_area_idx ON cases ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE INDEX cases_area_recent_idx ON cases ((area_code COLLATE "C"), last_event_at);
--> statement-breakpoint
CREATE INDEX cases_worker_idx ON cases (worker_id, stage);
--> statement-breakpoint
CREATE INDEX cases_resident_idx ON cases (resident_id);
--> statement-breakpoint
-- The approval queue: what waits for a head, by area.
CREATE INDEX cases_awaiting_idx ON cases ((area_code COLLATE "C"))
  WHERE plan_status = 'submitted' OR closure_status = 'submitted';
--> statement-breakpoint
CREATE TABLE case_events (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id),
  area_code text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL,
  stage text NOT NULL,
  actor_id uuid REFERENCES users(id),
  actor_name text,
  text_cipher text,
  detail jsonb NOT NULL DEFAULT '{}'
);
--> statement-breakpoint
CREATE INDEX case_events_case_idx ON case_events (case_id, at);
--> statement-breakpoint
CREATE INDEX case_events_area_idx ON case_events ((area_code COLLATE "C"), at);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON cases TO wushe_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON case_events TO wushe_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE case_no_seq TO wushe_app;
--> statement-breakpoint
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE cases FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY cases_scope ON cases TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY cases_owner ON cases TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE case_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_events_scope ON case_events TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY case_events_owner ON case_events TO CURRENT_USER USING (true) WITH CHECK (true);
