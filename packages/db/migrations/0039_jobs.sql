-- Issue 10 item 9: jobs (招聘) posted by organisations, job fairs (招聘会) with their participating
-- organisations and posts, and applications by public accounts with a CV (kept in the row as
-- base64, read only by its audited download) moving applied → screened → interview → offer →
-- hired | declined, or withdrawn by the candidate. Salaries in fen per month. Fair links carry
-- the fair's area, applications the post's. Area-owned, RLS as 0008, forced.
CREATE TABLE jobs (
  id uuid PRIMARY KEY,
  area_code text NOT NULL,
  org_id uuid NOT NULL REFERENCES orgs(id),
  title text NOT NULL,
  description text NOT NULL,
  headcount integer NOT NULL CHECK (headcount > 0),
  salary_min_fen integer CHECK (salary_min_fen >= 0),
  salary_max_fen integer CHECK (salary_max_fen >= 0),
  cert_level text CHECK (cert_level IN ('assistant', 'intermediate', 'senior')),
  education text,
  experience_years smallint NOT NULL DEFAULT 0 CHECK (experience_years >= 0),
  deadline date,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (salary_min_fen IS NULL OR salary_max_fen IS NULL OR salary_min_fen <= salary_max_fen)
);
--> statement-breakpoint
CREATE INDEX jobs_area_idx ON jobs ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE INDEX jobs_open_idx ON jobs (status, created_at DESC);
--> statement-breakpoint
CREATE TABLE job_fairs (
  id uuid PRIMARY KEY,
  area_code text NOT NULL,
  title text NOT NULL,
  description text,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  place text NOT NULL,
  organiser text NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'ended')),
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (starts_at < ends_at)
);
--> statement-breakpoint
CREATE INDEX job_fairs_area_idx ON job_fairs ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE TABLE job_fair_orgs (
  fair_id uuid NOT NULL REFERENCES job_fairs(id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES orgs(id),
  area_code text NOT NULL,
  position smallint NOT NULL,
  PRIMARY KEY (fair_id, org_id)
);
--> statement-breakpoint
CREATE INDEX job_fair_orgs_area_idx ON job_fair_orgs ((area_code COLLATE "C"), fair_id);
--> statement-breakpoint
CREATE TABLE job_fair_posts (
  fair_id uuid NOT NULL REFERENCES job_fairs(id) ON DELETE CASCADE,
  job_id uuid NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  area_code text NOT NULL,
  PRIMARY KEY (fair_id, job_id)
);
--> statement-breakpoint
CREATE INDEX job_fair_posts_area_idx ON job_fair_posts ((area_code COLLATE "C"), fair_id);
--> statement-breakpoint
CREATE INDEX job_fair_posts_job_idx ON job_fair_posts (job_id);
--> statement-breakpoint
CREATE TABLE job_applications (
  id uuid PRIMARY KEY,
  job_id uuid NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  area_code text NOT NULL,
  public_account_id uuid NOT NULL REFERENCES public_accounts(id),
  name text NOT NULL,
  mobile_cipher text NOT NULL,
  mobile_masked text NOT NULL,
  education text,
  cert_level text NOT NULL CHECK (cert_level IN ('none', 'assistant', 'intermediate', 'senior')),
  years smallint NOT NULL CHECK (years >= 0),
  note text,
  cv_filename text NOT NULL,
  cv_content_type text NOT NULL,
  cv_size integer NOT NULL CHECK (cv_size > 0),
  cv_content text NOT NULL,
  stage text NOT NULL DEFAULT 'applied'
    CHECK (stage IN ('applied', 'screened', 'interview', 'offer', 'hired', 'declined', 'withdrawn')),
  reason text,
  worker_id uuid REFERENCES workers(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (stage <> 'declined' OR reason IS NOT NULL),
  CHECK (worker_id IS NULL OR stage = 'hired')
);
--> statement-breakpoint
CREATE INDEX job_applications_area_idx ON job_applications ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE UNIQUE INDEX job_applications_account_idx ON job_applications (job_id, public_account_id);
--> statement-breakpoint
CREATE INDEX job_applications_mine_idx ON job_applications (public_account_id, created_at);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON jobs TO wushe_app;
--> statement-breakpoint
ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE jobs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY jobs_scope ON jobs TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY jobs_owner ON jobs TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON job_fairs TO wushe_app;
--> statement-breakpoint
ALTER TABLE job_fairs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE job_fairs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY job_fairs_scope ON job_fairs TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY job_fairs_owner ON job_fairs TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON job_fair_orgs TO wushe_app;
--> statement-breakpoint
ALTER TABLE job_fair_orgs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE job_fair_orgs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY job_fair_orgs_scope ON job_fair_orgs TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY job_fair_orgs_owner ON job_fair_orgs TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON job_fair_posts TO wushe_app;
--> statement-breakpoint
ALTER TABLE job_fair_posts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE job_fair_posts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY job_fair_posts_scope ON job_fair_posts TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY job_fair_posts_owner ON job_fair_posts TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON job_applications TO wushe_app;
--> statement-breakpoint
ALTER TABLE job_applications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE job_applications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY job_applications_scope ON job_applications TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY job_applications_owner ON job_applications TO CURRENT_USER USING (true) WITH CHECK (true);
