-- Issue 9, item 5: supervision sessions (督导记录). A head or supervisor records a session with
-- a worker or a team: the cases discussed, the advice (sealed by the server) and follow-up
-- actions with due dates, each marked done when done. Area-owned (the supervisor's area).
CREATE TABLE supervision_sessions (
  id uuid PRIMARY KEY,
  area_code text NOT NULL,
  held_on date NOT NULL,
  format text NOT NULL CHECK (format IN ('individual', 'group')),
  supervisor_id uuid NOT NULL REFERENCES users(id),
  supervisor_name text NOT NULL,
  worker_ids uuid[] NOT NULL,
  case_ids uuid[] NOT NULL DEFAULT '{}',
  advice_cipher text NOT NULL,
  -- [{ text, dueOn, workerId, doneOn }]
  actions jsonb NOT NULL DEFAULT '[]',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX supervision_sessions_area_idx ON supervision_sessions ((area_code COLLATE "C"), held_on);
--> statement-breakpoint
CREATE INDEX supervision_sessions_workers_idx ON supervision_sessions USING gin (worker_ids);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON supervision_sessions TO wushe_app;
--> statement-breakpoint
ALTER TABLE supervision_sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE supervision_sessions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY supervision_sessions_scope ON supervision_sessions TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY supervision_sessions_owner ON supervision_sessions TO CURRENT_USER USING (true) WITH CHECK (true);
