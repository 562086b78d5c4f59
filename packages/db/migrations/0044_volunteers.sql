-- Issue 11 items 5–9: volunteers (志愿者, domain brief §9). The register (real name; ID number
-- and mobile sealed, masked, blind-indexed; a volunteer number of the platform's own from a
-- sequence, never the ID number), registered by a station or by the person on the public site
-- (pending until a station confirms), with skills (code list volunteer_skill), availability and
-- teams; posts that recruit volunteers for a community activity and the sign-ups to them;
-- service hours from check-in and check-out (one record per volunteer and activity, never
-- deleted: approve, correct with a reason or decline, each change kept in service_hour_events);
-- the service-record certificates (志愿服务记录证明) with a verification code; and 一呼百应
-- mobilisations: needs, and the calls the matcher proposed and the worker sent.
-- A volunteer belongs to the home community's area. Rows about an activity or a need belong to
-- its area and carry the volunteer's name and number, so the organiser in another street reads
-- them without reading the register. Area-owned, RLS as 0008, forced.
CREATE SEQUENCE volunteer_no_seq;
--> statement-breakpoint
CREATE TABLE volunteers (
  id uuid PRIMARY KEY,
  area_code text NOT NULL,
  volunteer_no text NOT NULL UNIQUE,
  public_account_id uuid UNIQUE REFERENCES public_accounts(id),
  name text NOT NULL,
  gender text CHECK (gender IN ('male', 'female')),
  birth_date date,
  id_kind text NOT NULL DEFAULT 'resident_id',
  id_cipher text,
  id_hash text UNIQUE,
  id_masked text,
  mobile_cipher text NOT NULL,
  mobile_hash text NOT NULL UNIQUE,
  mobile_masked text NOT NULL,
  skills text[] NOT NULL DEFAULT '{}',
  -- {"weekdays": [1..7, Monday = 1], "from": "HH:MM", "to": "HH:MM"}; null: any time
  availability jsonb,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'suspended', 'left')),
  source text NOT NULL CHECK (source IN ('station', 'self')),
  note text,
  confirmed_by uuid REFERENCES users(id),
  confirmed_at timestamptz,
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status = 'pending' OR confirmed_at IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX volunteers_area_idx ON volunteers ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE INDEX volunteers_skills_idx ON volunteers USING gin (skills);
--> statement-breakpoint
-- 志愿服务队: a station's team; leaders and members in team_members.
CREATE TABLE volunteer_teams (
  id uuid PRIMARY KEY,
  area_code text NOT NULL,
  name text NOT NULL,
  description text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disbanded')),
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (area_code, name)
);
--> statement-breakpoint
CREATE INDEX volunteer_teams_area_idx ON volunteer_teams ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE TABLE team_members (
  id uuid PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES volunteer_teams(id),
  volunteer_id uuid NOT NULL REFERENCES volunteers(id),
  area_code text NOT NULL,
  volunteer_name text NOT NULL,
  volunteer_no text NOT NULL,
  role text NOT NULL DEFAULT 'member' CHECK (role IN ('leader', 'member')),
  joined_on date NOT NULL,
  UNIQUE (team_id, volunteer_id)
);
--> statement-breakpoint
CREATE INDEX team_members_area_idx ON team_members ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE INDEX team_members_volunteer_idx ON team_members (volunteer_id);
--> statement-breakpoint
-- A community activity asks for N volunteers with given skills.
CREATE TABLE volunteer_posts (
  id uuid PRIMARY KEY,
  activity_id uuid NOT NULL REFERENCES activities(id),
  area_code text NOT NULL,
  title text NOT NULL,
  duty text,
  skills text[] NOT NULL DEFAULT '{}',
  slots integer NOT NULL CHECK (slots BETWEEN 1 AND 500),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX volunteer_posts_area_idx ON volunteer_posts ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE INDEX volunteer_posts_activity_idx ON volunteer_posts (activity_id);
--> statement-breakpoint
CREATE TABLE volunteer_signups (
  id uuid PRIMARY KEY,
  post_id uuid NOT NULL REFERENCES volunteer_posts(id),
  activity_id uuid NOT NULL REFERENCES activities(id),
  volunteer_id uuid NOT NULL REFERENCES volunteers(id),
  area_code text NOT NULL,
  volunteer_name text NOT NULL,
  volunteer_no text NOT NULL,
  status text NOT NULL DEFAULT 'applied' CHECK (status IN ('applied', 'accepted', 'declined', 'withdrawn')),
  source text NOT NULL DEFAULT 'self' CHECK (source IN ('self', 'station', 'mobilisation')),
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (post_id, volunteer_id)
);
--> statement-breakpoint
CREATE INDEX volunteer_signups_area_idx ON volunteer_signups ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE INDEX volunteer_signups_volunteer_idx ON volunteer_signups (volunteer_id, created_at);
--> statement-breakpoint
-- Service hours: one record per volunteer and activity. minutes = check-out − check-in, capped
-- by the activity's length; a missing check-out is closed at the activity's end and flagged.
-- credited_minutes is what counts: null until approved, the corrected figure after a correction,
-- 0 when declined. Nothing here is deleted.
CREATE TABLE service_hours (
  id uuid PRIMARY KEY,
  activity_id uuid NOT NULL REFERENCES activities(id),
  volunteer_id uuid NOT NULL REFERENCES volunteers(id),
  area_code text NOT NULL,
  volunteer_name text NOT NULL,
  volunteer_no text NOT NULL,
  checkin_at timestamptz NOT NULL,
  checkout_at timestamptz,
  checkin_method text NOT NULL CHECK (checkin_method IN ('qr', 'list')),
  checkout_method text CHECK (checkout_method IN ('qr', 'list', 'auto')),
  minutes integer CHECK (minutes >= 0),
  flag text CHECK (flag IN ('missing_checkout')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'approved', 'declined')),
  credited_minutes integer CHECK (credited_minutes >= 0),
  correction_reason text,
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  served_on date NOT NULL,
  version integer NOT NULL DEFAULT 1,
  UNIQUE (activity_id, volunteer_id),
  CHECK (status = 'open' OR (checkout_at IS NOT NULL AND minutes IS NOT NULL)),
  CHECK (status NOT IN ('approved', 'declined') OR credited_minutes IS NOT NULL),
  CHECK (checkout_at IS NULL OR checkout_at >= checkin_at)
);
--> statement-breakpoint
CREATE INDEX service_hours_area_idx ON service_hours ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE INDEX service_hours_volunteer_idx ON service_hours (volunteer_id, served_on);
--> statement-breakpoint
CREATE INDEX service_hours_open_idx ON service_hours (activity_id) WHERE status = 'open';
--> statement-breakpoint
CREATE TABLE service_hour_events (
  id uuid PRIMARY KEY,
  hours_id uuid NOT NULL REFERENCES service_hours(id),
  area_code text NOT NULL,
  action text NOT NULL CHECK (action IN ('checkin', 'checkout', 'auto_close', 'approve', 'correct', 'decline')),
  minutes_before integer,
  minutes_after integer,
  reason text,
  actor_name text,
  at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX service_hour_events_area_idx ON service_hour_events ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE INDEX service_hour_events_hours_idx ON service_hour_events (hours_id, at);
--> statement-breakpoint
-- 志愿服务记录证明: what it said when issued (content kept, so an edited printout is caught).
CREATE TABLE volunteer_certificates (
  id uuid PRIMARY KEY,
  volunteer_id uuid NOT NULL REFERENCES volunteers(id),
  area_code text NOT NULL,
  code text NOT NULL UNIQUE,
  number text NOT NULL UNIQUE,
  period_from date NOT NULL,
  period_to date NOT NULL,
  minutes integer NOT NULL CHECK (minutes >= 0),
  services integer NOT NULL CHECK (services >= 0),
  content text NOT NULL,
  issuer text NOT NULL,
  issuer_contact text,
  issued_on date NOT NULL,
  issued_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_to >= period_from)
);
--> statement-breakpoint
CREATE INDEX volunteer_certificates_area_idx ON volunteer_certificates ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE INDEX volunteer_certificates_volunteer_idx ON volunteer_certificates (volunteer_id, issued_on);
--> statement-breakpoint
-- 一呼百应: a call with one or more needs; the calls the worker sent to volunteers.
CREATE TABLE mobilisations (
  id uuid PRIMARY KEY,
  area_code text NOT NULL,
  title text NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'closed')),
  created_by uuid REFERENCES users(id),
  sent_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX mobilisations_area_idx ON mobilisations ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE TABLE mobilisation_needs (
  id uuid PRIMARY KEY,
  mobilisation_id uuid NOT NULL REFERENCES mobilisations(id),
  area_code text NOT NULL,
  title text NOT NULL,
  skills text[] NOT NULL DEFAULT '{}',
  place text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  slots integer NOT NULL CHECK (slots BETWEEN 1 AND 200),
  CHECK (ends_at > starts_at)
);
--> statement-breakpoint
CREATE INDEX mobilisation_needs_area_idx ON mobilisation_needs ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE INDEX mobilisation_needs_mobilisation_idx ON mobilisation_needs (mobilisation_id);
--> statement-breakpoint
CREATE TABLE mobilisation_calls (
  id uuid PRIMARY KEY,
  need_id uuid NOT NULL REFERENCES mobilisation_needs(id),
  volunteer_id uuid NOT NULL REFERENCES volunteers(id),
  area_code text NOT NULL,
  volunteer_name text NOT NULL,
  volunteer_no text NOT NULL,
  status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'accepted', 'declined', 'expired')),
  cost integer NOT NULL,
  reasons jsonb NOT NULL DEFAULT '[]',
  sent_at timestamptz NOT NULL DEFAULT now(),
  responded_at timestamptz,
  UNIQUE (need_id, volunteer_id)
);
--> statement-breakpoint
CREATE INDEX mobilisation_calls_area_idx ON mobilisation_calls ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE INDEX mobilisation_calls_volunteer_idx ON mobilisation_calls (volunteer_id, sent_at);
--> statement-breakpoint
-- What the public site may read of recruitment: open posts of activities not yet ended, with
-- the count accepted; no volunteer.
CREATE VIEW volunteer_post_board AS
  SELECT p.id, p.area_code, p.title, p.duty, p.skills, p.slots, a.id AS activity_id, a.title AS activity_title, a.place,
    a.starts_at, a.ends_at,
    (SELECT count(*)::int FROM volunteer_signups s WHERE s.post_id = p.id AND s.status = 'accepted') AS accepted
  FROM volunteer_posts p JOIN activities a ON a.id = p.activity_id
  WHERE p.status = 'open' AND a.status <> 'cancelled';
--> statement-breakpoint
GRANT USAGE ON SEQUENCE volunteer_no_seq TO wushe_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON volunteers TO wushe_app;
--> statement-breakpoint
ALTER TABLE volunteers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE volunteers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY volunteers_scope ON volunteers TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY volunteers_owner ON volunteers TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON volunteer_teams TO wushe_app;
--> statement-breakpoint
ALTER TABLE volunteer_teams ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE volunteer_teams FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY volunteer_teams_scope ON volunteer_teams TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY volunteer_teams_owner ON volunteer_teams TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON team_members TO wushe_app;
--> statement-breakpoint
ALTER TABLE team_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE team_members FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY team_members_scope ON team_members TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY team_members_owner ON team_members TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON volunteer_posts TO wushe_app;
--> statement-breakpoint
ALTER TABLE volunteer_posts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE volunteer_posts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY volunteer_posts_scope ON volunteer_posts TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY volunteer_posts_owner ON volunteer_posts TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON volunteer_signups TO wushe_app;
--> statement-breakpoint
ALTER TABLE volunteer_signups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE volunteer_signups FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY volunteer_signups_scope ON volunteer_signups TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY volunteer_signups_owner ON volunteer_signups TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON service_hours TO wushe_app;
--> statement-breakpoint
ALTER TABLE service_hours ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE service_hours FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY service_hours_scope ON service_hours TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY service_hours_owner ON service_hours TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON service_hour_events TO wushe_app;
--> statement-breakpoint
ALTER TABLE service_hour_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE service_hour_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY service_hour_events_scope ON service_hour_events TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY service_hour_events_owner ON service_hour_events TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON volunteer_certificates TO wushe_app;
--> statement-breakpoint
ALTER TABLE volunteer_certificates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE volunteer_certificates FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY volunteer_certificates_scope ON volunteer_certificates TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY volunteer_certificates_owner ON volunteer_certificates TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON mobilisations TO wushe_app;
--> statement-breakpoint
ALTER TABLE mobilisations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mobilisations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mobilisations_scope ON mobilisations TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY mobilisations_owner ON mobilisations TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON mobilisation_needs TO wushe_app;
--> statement-breakpoint
ALTER TABLE mobilisation_needs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mobilisation_needs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mobilisation_needs_scope ON mobilisation_needs TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY mobilisation_needs_owner ON mobilisation_needs TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON mobilisation_calls TO wushe_app;
--> statement-breakpoint
ALTER TABLE mobilisation_calls ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mobilisation_calls FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mobilisation_calls_scope ON mobilisation_calls TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY mobilisation_calls_owner ON mobilisation_calls TO CURRENT_USER USING (true) WITH CHECK (true);
