-- Issue 10, items 6–7: talent programmes and awards, one staged selection (apply → review →
-- written → panel → 公示 → done, the middle stages chosen per programme). Applications carry the
-- applicant's area (a nominee's street), programme-level rows the programme's; objections keep
-- the objector's mobile sealed. Area-owned, RLS as 0008, forced. SMS codes gain the purpose
-- 'objection' (a 公示 objection's mobile is verified through the public-accounts module).
CREATE TABLE programmes (
  id uuid PRIMARY KEY,
  area_code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('talent', 'award')),
  title text NOT NULL,
  description text,
  year smallint NOT NULL,
  places integer NOT NULL CHECK (places > 0),
  stages text[] NOT NULL,
  stage text NOT NULL CHECK (stage IN ('apply', 'review', 'written', 'panel', 'publicity', 'done')),
  criteria jsonb NOT NULL DEFAULT '{}',
  rubric jsonb NOT NULL DEFAULT '[]',
  title_kind text,
  publicity_days smallint NOT NULL DEFAULT 7,
  publicity_start date,
  publicity_end date,
  panel_closed boolean NOT NULL DEFAULT false,
  ends_on date,
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (stage = ANY (stages))
);
--> statement-breakpoint
CREATE INDEX programmes_area_idx ON programmes ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE TABLE programme_applications (
  id uuid PRIMARY KEY,
  programme_id uuid NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
  area_code text NOT NULL,
  worker_id uuid REFERENCES workers(id),
  user_id uuid REFERENCES users(id),
  public_account_id uuid REFERENCES public_accounts(id),
  name text NOT NULL,
  org_name text,
  route text NOT NULL CHECK (route IN ('self', 'nominated')),
  nominated_by uuid REFERENCES users(id),
  statement text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'rejected', 'withdrawn', 'selected', 'appointed')),
  stage text NOT NULL,
  passed_stage text,
  reason text,
  written_score numeric(5, 2),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (worker_id IS NOT NULL OR public_account_id IS NOT NULL),
  CHECK (status <> 'rejected' OR reason IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX programme_applications_area_idx ON programme_applications ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE INDEX programme_applications_programme_idx ON programme_applications (programme_id, created_at);
--> statement-breakpoint
CREATE UNIQUE INDEX programme_applications_worker_idx ON programme_applications (programme_id, worker_id);
--> statement-breakpoint
CREATE UNIQUE INDEX programme_applications_account_idx ON programme_applications (programme_id, public_account_id);
--> statement-breakpoint
CREATE INDEX programme_applications_user_idx ON programme_applications (user_id);
--> statement-breakpoint
CREATE TABLE programme_panelists (
  programme_id uuid NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id),
  area_code text NOT NULL,
  position smallint NOT NULL,
  PRIMARY KEY (programme_id, user_id)
);
--> statement-breakpoint
CREATE INDEX programme_panelists_area_idx ON programme_panelists ((area_code COLLATE "C"), programme_id);
--> statement-breakpoint
CREATE INDEX programme_panelists_user_idx ON programme_panelists (user_id);
--> statement-breakpoint
CREATE TABLE programme_scores (
  application_id uuid NOT NULL REFERENCES programme_applications(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id),
  area_code text NOT NULL,
  scores jsonb NOT NULL,
  total numeric(6, 2) NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (application_id, user_id)
);
--> statement-breakpoint
CREATE INDEX programme_scores_area_idx ON programme_scores ((area_code COLLATE "C"), application_id);
--> statement-breakpoint
CREATE TABLE programme_decisions (
  id uuid PRIMARY KEY,
  programme_id uuid NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
  application_id uuid REFERENCES programme_applications(id) ON DELETE CASCADE,
  area_code text NOT NULL,
  action text NOT NULL,
  from_stage text,
  to_stage text,
  reason text,
  by_user uuid REFERENCES users(id),
  by_name text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX programme_decisions_area_idx ON programme_decisions ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE INDEX programme_decisions_programme_idx ON programme_decisions (programme_id, at);
--> statement-breakpoint
CREATE TABLE programme_objections (
  id uuid PRIMARY KEY,
  programme_id uuid NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
  application_id uuid REFERENCES programme_applications(id) ON DELETE SET NULL,
  area_code text NOT NULL,
  name text NOT NULL,
  mobile_cipher text,
  mobile_hash text,
  mobile_masked text,
  public_account_id uuid REFERENCES public_accounts(id),
  text text NOT NULL,
  answer text,
  answered_by uuid REFERENCES users(id),
  answered_by_name text,
  answered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX programme_objections_area_idx ON programme_objections ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE INDEX programme_objections_programme_idx ON programme_objections (programme_id, created_at);
--> statement-breakpoint
CREATE TABLE programme_plan_items (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES programme_applications(id) ON DELETE CASCADE,
  area_code text NOT NULL,
  course text NOT NULL,
  hours numeric(6, 1) NOT NULL CHECK (hours > 0),
  hours_done numeric(6, 1) NOT NULL DEFAULT 0 CHECK (hours_done >= 0),
  due_on date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX programme_plan_items_area_idx ON programme_plan_items ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE INDEX programme_plan_items_app_idx ON programme_plan_items (application_id);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON programmes TO wushe_app;
--> statement-breakpoint
ALTER TABLE programmes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE programmes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY programmes_scope ON programmes TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY programmes_owner ON programmes TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON programme_applications TO wushe_app;
--> statement-breakpoint
ALTER TABLE programme_applications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE programme_applications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY programme_applications_scope ON programme_applications TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY programme_applications_owner ON programme_applications TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON programme_panelists TO wushe_app;
--> statement-breakpoint
ALTER TABLE programme_panelists ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE programme_panelists FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY programme_panelists_scope ON programme_panelists TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY programme_panelists_owner ON programme_panelists TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON programme_scores TO wushe_app;
--> statement-breakpoint
ALTER TABLE programme_scores ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE programme_scores FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY programme_scores_scope ON programme_scores TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY programme_scores_owner ON programme_scores TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON programme_decisions TO wushe_app;
--> statement-breakpoint
ALTER TABLE programme_decisions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE programme_decisions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY programme_decisions_scope ON programme_decisions TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY programme_decisions_owner ON programme_decisions TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON programme_objections TO wushe_app;
--> statement-breakpoint
ALTER TABLE programme_objections ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE programme_objections FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY programme_objections_scope ON programme_objections TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY programme_objections_owner ON programme_objections TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON programme_plan_items TO wushe_app;
--> statement-breakpoint
ALTER TABLE programme_plan_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE programme_plan_items FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY programme_plan_items_scope ON programme_plan_items TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY programme_plan_items_owner ON programme_plan_items TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE sms_codes DROP CONSTRAINT sms_codes_purpose_check;
--> statement-breakpoint
ALTER TABLE sms_codes ADD CONSTRAINT sms_codes_purpose_check CHECK (purpose IN ('signup', 'login', 'objection'));
