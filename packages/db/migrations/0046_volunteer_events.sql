-- Issue 11 item 11: a volunteer's status history, so the outputs count the volunteers on the
-- register (active) at the end of any past period, not only today. One row per move (register,
-- confirm, suspend, resume, leave) with the status it led to. Area-owned (the volunteer's home
-- community), RLS as 0008, forced. Volunteers already registered get their history rebuilt from
-- what the register kept: registered at created_at (pending when self-registered), confirmed at
-- confirmed_at, and a suspension or leave at updated_at.
CREATE TABLE volunteer_events (
  id uuid PRIMARY KEY,
  volunteer_id uuid NOT NULL REFERENCES volunteers(id),
  area_code text NOT NULL,
  action text NOT NULL CHECK (action IN ('register', 'confirm', 'suspend', 'resume', 'leave')),
  status text NOT NULL CHECK (status IN ('pending', 'active', 'suspended', 'left')),
  reason text,
  actor_name text,
  at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX volunteer_events_area_idx ON volunteer_events ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE INDEX volunteer_events_volunteer_idx ON volunteer_events (volunteer_id, at);
--> statement-breakpoint
INSERT INTO volunteer_events (id, volunteer_id, area_code, action, status, at)
SELECT gen_random_uuid(), id, area_code, 'register', CASE WHEN source = 'self' THEN 'pending' ELSE 'active' END, created_at FROM volunteers;
--> statement-breakpoint
INSERT INTO volunteer_events (id, volunteer_id, area_code, action, status, at)
SELECT gen_random_uuid(), id, area_code, 'confirm', 'active', confirmed_at FROM volunteers
  WHERE source = 'self' AND confirmed_at IS NOT NULL;
--> statement-breakpoint
INSERT INTO volunteer_events (id, volunteer_id, area_code, action, status, at)
SELECT gen_random_uuid(), id, area_code, CASE status WHEN 'left' THEN 'leave' ELSE 'suspend' END, status,
    greatest(updated_at, coalesce(confirmed_at, created_at))
  FROM volunteers WHERE status IN ('suspended', 'left');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON volunteer_events TO wushe_app;
--> statement-breakpoint
ALTER TABLE volunteer_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE volunteer_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY volunteer_events_scope ON volunteer_events TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY volunteer_events_owner ON volunteer_events TO CURRENT_USER USING (true) WITH CHECK (true);
