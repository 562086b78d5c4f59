-- Issue 9, items 7–9: groups (小组) with members and sessions, community activities (社区活动),
-- and the two tables every occasion shares: attendance (sign-up, check-in by list or rotating QR,
-- ticked afterwards) and satisfaction (满意度 1–5 with a comment, for an activity, a group or a
-- case). Trainings and volunteer shifts join attendance later as new occasion kinds.
-- attendance carries its occasion's time, area and worker so the outputs (服务成效) count
-- person-times from this one table. Every table is area-owned: RLS as 0008, forced.
CREATE TABLE service_groups (
  id uuid PRIMARY KEY,
  area_code text NOT NULL,
  org_id uuid REFERENCES orgs(id),
  name text NOT NULL,
  type text NOT NULL,
  goal text NOT NULL,
  target_group text,
  worker_id uuid NOT NULL REFERENCES users(id),
  planned_sessions integer NOT NULL CHECK (planned_sessions BETWEEN 1 AND 100),
  starts_on date NOT NULL,
  ends_on date,
  status text NOT NULL DEFAULT 'recruiting' CHECK (status IN ('recruiting', 'running', 'ended', 'cancelled')),
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX service_groups_area_idx ON service_groups ((area_code COLLATE "C"), starts_on);
--> statement-breakpoint
CREATE INDEX service_groups_worker_idx ON service_groups (worker_id, status);
--> statement-breakpoint
-- Members: a registered resident, or someone else by name (and, optionally, a mobile number
-- kept as a keyed hash only: it tells two people of one name apart, never shown).
CREATE TABLE group_members (
  id uuid PRIMARY KEY,
  group_id uuid NOT NULL REFERENCES service_groups(id),
  area_code text NOT NULL,
  resident_id uuid REFERENCES residents(id),
  person_name text NOT NULL,
  mobile_hash text,
  person_key text NOT NULL GENERATED ALWAYS AS (COALESCE('r:' || resident_id::text,
    CASE WHEN mobile_hash IS NOT NULL THEN 'm:' || mobile_hash ELSE 'n:' || regexp_replace(person_name, '\s+', '', 'g') END)) STORED,
  joined_on date NOT NULL,
  left_on date,
  UNIQUE (group_id, person_key)
);
--> statement-breakpoint
CREATE INDEX group_members_area_idx ON group_members ((area_code COLLATE "C"));
--> statement-breakpoint
CREATE INDEX group_members_resident_idx ON group_members (resident_id) WHERE resident_id IS NOT NULL;
--> statement-breakpoint
CREATE TABLE group_sessions (
  id uuid PRIMARY KEY,
  group_id uuid NOT NULL REFERENCES service_groups(id),
  area_code text NOT NULL,
  seq integer NOT NULL,
  theme text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  place text,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  content text,
  evaluation text,
  version integer NOT NULL DEFAULT 1,
  UNIQUE (group_id, seq),
  CHECK (ends_at > starts_at)
);
--> statement-breakpoint
CREATE INDEX group_sessions_area_idx ON group_sessions ((area_code COLLATE "C"), starts_at);
--> statement-breakpoint
CREATE TABLE activities (
  id uuid PRIMARY KEY,
  area_code text NOT NULL,
  org_id uuid REFERENCES orgs(id),
  title text NOT NULL,
  description text,
  target_group text,
  place text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  capacity integer CHECK (capacity IS NULL OR capacity > 0),
  organiser_id uuid NOT NULL REFERENCES users(id),
  partners text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  summary text,
  photo_ids uuid[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
--> statement-breakpoint
CREATE INDEX activities_area_idx ON activities ((area_code COLLATE "C"), starts_at);
--> statement-breakpoint
CREATE INDEX activities_organiser_idx ON activities (organiser_id, starts_at);
--> statement-breakpoint
-- One row per person per occasion. attended_at is null for a sign-up who did not come.
-- person_key (here, in group_members and in satisfaction) is generated, as packages/core
-- personKey computes it: 'r:<resident id>', else 'm:<mobile hash>', else 'n:<name>'. A merge
-- that moves resident_id moves the key with it.
CREATE TABLE attendance (
  id uuid PRIMARY KEY,
  area_code text NOT NULL,
  occasion_kind text NOT NULL CHECK (occasion_kind IN ('activity', 'group_session')),
  occasion_id uuid NOT NULL,
  occasion_at timestamptz NOT NULL,
  worker_id uuid REFERENCES users(id),
  resident_id uuid REFERENCES residents(id),
  person_name text NOT NULL,
  mobile_hash text,
  person_key text NOT NULL GENERATED ALWAYS AS (COALESCE('r:' || resident_id::text,
    CASE WHEN mobile_hash IS NOT NULL THEN 'm:' || mobile_hash ELSE 'n:' || regexp_replace(person_name, '\s+', '', 'g') END)) STORED,
  signed_up_at timestamptz,
  signed_up_by uuid REFERENCES users(id),
  attended_at timestamptz,
  method text CHECK (method IN ('list', 'qr', 'after')),
  marked_by uuid REFERENCES users(id),
  UNIQUE (occasion_kind, occasion_id, person_key)
);
--> statement-breakpoint
CREATE INDEX attendance_occasion_idx ON attendance (occasion_id);
--> statement-breakpoint
CREATE INDEX attendance_resident_idx ON attendance (resident_id) WHERE resident_id IS NOT NULL;
--> statement-breakpoint
-- The outputs read this index only: who attended where and when.
CREATE INDEX attendance_outputs_idx ON attendance ((area_code COLLATE "C"), occasion_at)
  INCLUDE (person_key, worker_id, occasion_kind) WHERE attended_at IS NOT NULL;
--> statement-breakpoint
CREATE TABLE satisfaction (
  id uuid PRIMARY KEY,
  area_code text NOT NULL,
  subject_kind text NOT NULL CHECK (subject_kind IN ('activity', 'group', 'case')),
  subject_id uuid NOT NULL,
  worker_id uuid REFERENCES users(id),
  resident_id uuid REFERENCES residents(id),
  person_name text NOT NULL,
  mobile_hash text,
  person_key text NOT NULL GENERATED ALWAYS AS (COALESCE('r:' || resident_id::text,
    CASE WHEN mobile_hash IS NOT NULL THEN 'm:' || mobile_hash ELSE 'n:' || regexp_replace(person_name, '\s+', '', 'g') END)) STORED,
  score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment text,
  at timestamptz NOT NULL DEFAULT now(),
  -- null when the participant answered on their own phone
  recorded_by uuid REFERENCES users(id),
  UNIQUE (subject_kind, subject_id, person_key)
);
--> statement-breakpoint
CREATE INDEX satisfaction_area_idx ON satisfaction ((area_code COLLATE "C"), at);
--> statement-breakpoint
CREATE INDEX satisfaction_resident_idx ON satisfaction (resident_id) WHERE resident_id IS NOT NULL;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON service_groups, group_members, group_sessions, activities, attendance, satisfaction TO wushe_app;
--> statement-breakpoint
-- DELETE only for a merge: the duplicate's row at an occasion the survivor was at too.
GRANT DELETE ON group_members, attendance, satisfaction TO wushe_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['service_groups', 'group_members', 'group_sessions', 'activities', 'attendance', 'satisfaction'] LOOP
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
