-- Issue 10, items 4–5: trainings (培训) with sessions (offline, online with a join code, mixed),
-- registrations with a waiting list (workers from the register or anyone by name and sealed
-- mobile), course evaluations and certificates of completion (a public verification code);
-- the teacher pool (师资库); continuing-education hours added by hand with proof (reviewed by a
-- head) and the reminders sent before a cycle ends. Attendance stays in the shared table
-- (0025), which takes the kind training_session and the method code (an online join code).
-- Every table is area-owned: RLS as 0008, forced. Sessions, registrations and evaluations
-- carry their training's area.
CREATE TABLE teachers (
  id uuid PRIMARY KEY,
  area_code text NOT NULL,
  worker_id uuid REFERENCES workers(id),
  name text NOT NULL,
  affiliation text,
  subjects text[] NOT NULL DEFAULT '{}',
  bio text,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX teachers_area_idx ON teachers ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE TABLE trainings (
  id uuid PRIMARY KEY,
  area_code text NOT NULL,
  org_id uuid REFERENCES orgs(id),
  title text NOT NULL,
  level text NOT NULL,
  description text,
  capacity integer CHECK (capacity > 0),
  required_share numeric(3, 2) NOT NULL DEFAULT 0.8 CHECK (required_share > 0 AND required_share <= 1),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'cancelled')),
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX trainings_area_idx ON trainings ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE TABLE training_sessions (
  id uuid PRIMARY KEY,
  training_id uuid NOT NULL REFERENCES trainings(id),
  area_code text NOT NULL,
  title text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  mode text NOT NULL CHECK (mode IN ('offline', 'online', 'mixed')),
  place text,
  stream_url text,
  hours numeric(4, 1) NOT NULL CHECK (hours > 0),
  teacher_id uuid REFERENCES teachers(id),
  join_code text NOT NULL,
  cancelled boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
--> statement-breakpoint
CREATE INDEX training_sessions_training_idx ON training_sessions (training_id, starts_at);
--> statement-breakpoint
CREATE INDEX training_sessions_teacher_idx ON training_sessions (teacher_id) WHERE teacher_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX training_sessions_area_idx ON training_sessions ((area_code COLLATE "C"), id);
--> statement-breakpoint
-- person_key as attendance derives it (no resident here), so a check-in finds its registration.
CREATE TABLE training_registrations (
  id uuid PRIMARY KEY,
  training_id uuid NOT NULL REFERENCES trainings(id),
  area_code text NOT NULL,
  worker_id uuid REFERENCES workers(id),
  person_name text NOT NULL,
  mobile_cipher text,
  mobile_hash text,
  mobile_masked text,
  org_name text,
  person_key text NOT NULL GENERATED ALWAYS AS (CASE WHEN mobile_hash IS NOT NULL THEN 'm:' || mobile_hash
    ELSE 'n:' || regexp_replace(person_name, '\s+', '', 'g') END) STORED,
  status text NOT NULL CHECK (status IN ('registered', 'waiting', 'cancelled')),
  -- the waiting list's order: taken from a sequence on every (re)registration
  seq bigint NOT NULL,
  registered_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz,
  certificate_code text UNIQUE,
  certificate_hours numeric(5, 1),
  certificate_issued_on date,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (training_id, person_key)
);
--> statement-breakpoint
CREATE SEQUENCE training_registrations_seq;
--> statement-breakpoint
CREATE INDEX training_registrations_training_idx ON training_registrations (training_id, status, seq);
--> statement-breakpoint
CREATE INDEX training_registrations_worker_idx ON training_registrations (worker_id) WHERE worker_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX training_registrations_area_idx ON training_registrations ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE TABLE training_evaluations (
  id uuid PRIMARY KEY,
  training_id uuid NOT NULL REFERENCES trainings(id),
  area_code text NOT NULL,
  registration_id uuid NOT NULL UNIQUE REFERENCES training_registrations(id),
  answers smallint[] NOT NULL,
  comment text,
  at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX training_evaluations_training_idx ON training_evaluations (training_id);
--> statement-breakpoint
CREATE INDEX training_evaluations_area_idx ON training_evaluations ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE TABLE ce_entries (
  id uuid PRIMARY KEY,
  worker_id uuid NOT NULL REFERENCES workers(id) ON DELETE CASCADE,
  area_code text NOT NULL,
  title text NOT NULL,
  provider text NOT NULL,
  on_date date NOT NULL,
  hours numeric(5, 1) NOT NULL CHECK (hours > 0),
  attachment_id uuid NOT NULL REFERENCES attachments(id),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  review_note text,
  reviewed_by uuid REFERENCES users(id),
  reviewed_at timestamptz,
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX ce_entries_worker_idx ON ce_entries (worker_id, on_date);
--> statement-breakpoint
CREATE INDEX ce_entries_area_idx ON ce_entries ((area_code COLLATE "C"), id);
--> statement-breakpoint
-- One row per reminder sent (90 and 30 days before a cycle's end): what makes it once.
CREATE TABLE ce_reminders (
  worker_id uuid NOT NULL REFERENCES workers(id) ON DELETE CASCADE,
  area_code text NOT NULL,
  cycle_end date NOT NULL,
  days smallint NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (worker_id, cycle_end, days)
);
--> statement-breakpoint
CREATE INDEX ce_reminders_area_idx ON ce_reminders ((area_code COLLATE "C"), worker_id);
--> statement-breakpoint
ALTER TABLE attendance DROP CONSTRAINT attendance_occasion_kind_check;
--> statement-breakpoint
ALTER TABLE attendance ADD CONSTRAINT attendance_occasion_kind_check
  CHECK (occasion_kind IN ('activity', 'group_session', 'training_session'));
--> statement-breakpoint
ALTER TABLE attendance DROP CONSTRAINT attendance_method_check;
--> statement-breakpoint
ALTER TABLE attendance ADD CONSTRAINT attendance_method_check CHECK (method IN ('list', 'qr', 'after', 'code'));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON teachers, trainings, training_sessions, training_registrations, training_evaluations, ce_entries, ce_reminders TO wushe_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE training_registrations_seq TO wushe_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['teachers', 'trainings', 'training_sessions', 'training_registrations', 'training_evaluations', 'ce_entries', 'ce_reminders'] LOOP
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
