-- Issue 10, item 8: rewards and subsidies (奖补). A policy (its area's, with a budget in fen,
-- structured eligibility and amount rules) takes applications from workers, their organisations
-- and public accounts; each application keeps the auto-check made against the register, its
-- proof attachments and the stage it is at; every transition is an event with who and why;
-- approved amounts are paid in numbered batches. Applications and their events carry the
-- applicant's area, batches the policy's. Area-owned, RLS as 0008, forced.
CREATE TABLE subsidy_policies (
  id uuid PRIMARY KEY,
  area_code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('reward', 'subsidy')),
  title text NOT NULL,
  description text,
  year smallint NOT NULL,
  budget_fen bigint NOT NULL CHECK (budget_fen > 0),
  opens_on date NOT NULL,
  closes_on date NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'closed')),
  rules jsonb NOT NULL DEFAULT '{}',
  amount jsonb NOT NULL,
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_on >= opens_on)
);
--> statement-breakpoint
CREATE INDEX subsidy_policies_area_idx ON subsidy_policies ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE TABLE subsidy_batches (
  id uuid PRIMARY KEY,
  policy_id uuid NOT NULL REFERENCES subsidy_policies(id) ON DELETE CASCADE,
  area_code text NOT NULL,
  no integer NOT NULL,
  note text,
  count integer NOT NULL,
  total_fen bigint NOT NULL,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (policy_id, no)
);
--> statement-breakpoint
CREATE INDEX subsidy_batches_area_idx ON subsidy_batches ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE TABLE subsidy_applications (
  id uuid PRIMARY KEY,
  policy_id uuid NOT NULL REFERENCES subsidy_policies(id) ON DELETE CASCADE,
  area_code text NOT NULL,
  worker_id uuid REFERENCES workers(id),
  user_id uuid REFERENCES users(id),
  public_account_id uuid REFERENCES public_accounts(id),
  name text NOT NULL,
  org_name text,
  route text NOT NULL CHECK (route IN ('self', 'org', 'public')),
  applied_by uuid REFERENCES users(id),
  statement text,
  arrived_on date,
  attachment_ids uuid[] NOT NULL DEFAULT '{}',
  checks jsonb NOT NULL DEFAULT '[]',
  check_result text NOT NULL CHECK (check_result IN ('pass', 'fail', 'unknown')),
  level text,
  amount_fen bigint CHECK (amount_fen >= 0),
  stage text NOT NULL DEFAULT 'submitted'
    CHECK (stage IN ('submitted', 'org_review', 'dept_review', 'approved', 'returned', 'rejected', 'paid')),
  reason text,
  batch_id uuid REFERENCES subsidy_batches(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (worker_id IS NOT NULL OR public_account_id IS NOT NULL),
  CHECK (stage NOT IN ('returned', 'rejected') OR reason IS NOT NULL),
  CHECK (stage NOT IN ('approved', 'paid') OR amount_fen IS NOT NULL),
  CHECK ((stage = 'paid') = (batch_id IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX subsidy_applications_area_idx ON subsidy_applications ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE INDEX subsidy_applications_policy_idx ON subsidy_applications (policy_id, stage);
--> statement-breakpoint
CREATE UNIQUE INDEX subsidy_applications_worker_idx ON subsidy_applications (policy_id, worker_id);
--> statement-breakpoint
CREATE UNIQUE INDEX subsidy_applications_account_idx ON subsidy_applications (policy_id, public_account_id);
--> statement-breakpoint
CREATE INDEX subsidy_applications_user_idx ON subsidy_applications (user_id);
--> statement-breakpoint
CREATE TABLE subsidy_events (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES subsidy_applications(id) ON DELETE CASCADE,
  area_code text NOT NULL,
  action text NOT NULL,
  from_stage text,
  to_stage text NOT NULL,
  reason text,
  by_user uuid REFERENCES users(id),
  by_name text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX subsidy_events_area_idx ON subsidy_events ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE INDEX subsidy_events_app_idx ON subsidy_events (application_id, at);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON subsidy_policies TO wushe_app;
--> statement-breakpoint
ALTER TABLE subsidy_policies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE subsidy_policies FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY subsidy_policies_scope ON subsidy_policies TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY subsidy_policies_owner ON subsidy_policies TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON subsidy_batches TO wushe_app;
--> statement-breakpoint
ALTER TABLE subsidy_batches ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE subsidy_batches FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY subsidy_batches_scope ON subsidy_batches TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY subsidy_batches_owner ON subsidy_batches TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON subsidy_applications TO wushe_app;
--> statement-breakpoint
ALTER TABLE subsidy_applications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE subsidy_applications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY subsidy_applications_scope ON subsidy_applications TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY subsidy_applications_owner ON subsidy_applications TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON subsidy_events TO wushe_app;
--> statement-breakpoint
ALTER TABLE subsidy_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE subsidy_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY subsidy_events_scope ON subsidy_events TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY subsidy_events_owner ON subsidy_events TO CURRENT_USER USING (true) WITH CHECK (true);
