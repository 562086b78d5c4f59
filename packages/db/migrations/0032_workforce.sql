-- Issue 10, items 1–2: the workforce register (社工人才库). Workers (employer, post, sealed ID
-- number and mobile with masks and blind indexes, as residents), their certificates (the three
-- social-work levels and others; the registration cycle is computed in packages/core), titles
-- and honours, and posts that require a certificate (持证上岗) with a deadline. Area-owned,
-- RLS as 0008, forced; certificates and titles carry their worker's area.
CREATE TABLE workers (
  id uuid PRIMARY KEY,
  area_code text NOT NULL,
  org_id uuid REFERENCES orgs(id),
  user_id uuid REFERENCES users(id),
  name text NOT NULL,
  gender text CHECK (gender IN ('male', 'female')),
  birth_date date,
  id_cipher text,
  id_hash text,
  id_masked text,
  id_tail4_hash text,
  mobile_cipher text,
  mobile_hash text,
  mobile_masked text,
  post text NOT NULL,
  education text,
  major text,
  started_in_field_on date,
  fields text[] NOT NULL DEFAULT '{}',
  languages text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left')),
  left_on date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'left') = (left_on IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX workers_area_idx ON workers ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE INDEX workers_org_idx ON workers (org_id);
--> statement-breakpoint
CREATE UNIQUE INDEX workers_user_idx ON workers (user_id);
--> statement-breakpoint
CREATE UNIQUE INDEX workers_id_hash_idx ON workers (id_hash);
--> statement-breakpoint
CREATE INDEX workers_id_tail4_idx ON workers (id_tail4_hash);
--> statement-breakpoint
CREATE TABLE worker_certificates (
  id uuid PRIMARY KEY,
  worker_id uuid NOT NULL REFERENCES workers(id) ON DELETE CASCADE,
  area_code text NOT NULL,
  kind text NOT NULL,
  number text,
  obtained_on date NOT NULL,
  registered_on date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE UNIQUE INDEX worker_certificates_kind_idx ON worker_certificates (worker_id, kind);
--> statement-breakpoint
CREATE UNIQUE INDEX worker_certificates_number_idx ON worker_certificates (kind, number);
--> statement-breakpoint
CREATE INDEX worker_certificates_area_idx ON worker_certificates ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE TABLE worker_titles (
  id uuid PRIMARY KEY,
  worker_id uuid NOT NULL REFERENCES workers(id) ON DELETE CASCADE,
  area_code text NOT NULL,
  title text NOT NULL,
  year smallint NOT NULL,
  granted_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE UNIQUE INDEX worker_titles_once_idx ON worker_titles (worker_id, title, year);
--> statement-breakpoint
CREATE INDEX worker_titles_area_idx ON worker_titles ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE TABLE certification_requirements (
  id uuid PRIMARY KEY,
  area_code text NOT NULL,
  org_id uuid REFERENCES orgs(id),
  post text NOT NULL,
  deadline date NOT NULL,
  note text,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX certification_requirements_area_idx ON certification_requirements ((area_code COLLATE "C"), id);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON workers TO wushe_app;
--> statement-breakpoint
ALTER TABLE workers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE workers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workers_scope ON workers TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY workers_owner ON workers TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON worker_certificates TO wushe_app;
--> statement-breakpoint
ALTER TABLE worker_certificates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE worker_certificates FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY worker_certificates_scope ON worker_certificates TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY worker_certificates_owner ON worker_certificates TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON worker_titles TO wushe_app;
--> statement-breakpoint
ALTER TABLE worker_titles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE worker_titles FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY worker_titles_scope ON worker_titles TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY worker_titles_owner ON worker_titles TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON certification_requirements TO wushe_app;
--> statement-breakpoint
ALTER TABLE certification_requirements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE certification_requirements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY certification_requirements_scope ON certification_requirements TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY certification_requirements_owner ON certification_requirements TO CURRENT_USER USING (true) WITH CHECK (true);
