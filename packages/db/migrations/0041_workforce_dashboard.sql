-- Issue 10 item 11: the workforce dashboard and the continuing-education list stay fast.
-- `ce_credits`: per worker and training session attended, its Asia/Shanghai day and the hours
-- credited — the rows ce-hours.repo.ts attendedSessions finds through registrations, sessions
-- and attendance, flattened so a cycle's hours are one index range per worker. Kept exact by
-- statement triggers on attendance, training_registrations and training_sessions: the (worker,
-- session) pairs a statement touches are recomputed from the records in the writer's
-- transaction, under a per-worker-bucket advisory lock so two writers of one worker take turns.
-- Owner only (no grant to wushe_app): hours are read as the owner after the scope check, as the
-- CE hours have been since 0035, so the table carries no area.
CREATE TABLE ce_credits (
  worker_id uuid NOT NULL REFERENCES workers(id) ON DELETE CASCADE,
  session_id uuid NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
  day date NOT NULL,
  hours numeric(4, 1) NOT NULL,
  PRIMARY KEY (worker_id, session_id)
);
--> statement-breakpoint
CREATE INDEX ce_credits_worker_day_idx ON ce_credits (worker_id, day) INCLUDE (hours);
--> statement-breakpoint
CREATE INDEX ce_credits_session_idx ON ce_credits (session_id);
--> statement-breakpoint
ALTER TABLE ce_credits ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE ce_credits FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY ce_credits_owner ON ce_credits TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Recomputes the given (worker, session) pairs from the records.
CREATE FUNCTION ce_credits_refresh(workers uuid[], sessions uuid[]) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
BEGIN
  IF workers IS NULL OR cardinality(workers) = 0 THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock(4141, b) FROM (SELECT DISTINCT abs(hashtext(w::text)) % 1024 AS b FROM unnest(workers) w ORDER BY 1) x;
  DELETE FROM ce_credits c USING unnest(workers, sessions) p(worker_id, session_id)
    WHERE c.worker_id = p.worker_id AND c.session_id = p.session_id;
  INSERT INTO ce_credits (worker_id, session_id, day, hours)
    SELECT DISTINCT ON (r.worker_id, s.id) r.worker_id, s.id, (s.starts_at AT TIME ZONE 'Asia/Shanghai')::date, s.hours
    FROM (SELECT DISTINCT * FROM unnest(workers, sessions) p(worker_id, session_id)) p
      JOIN training_sessions s ON s.id = p.session_id AND NOT s.cancelled
      JOIN training_registrations r ON r.worker_id = p.worker_id AND r.training_id = s.training_id
    WHERE EXISTS (SELECT 1 FROM attendance x WHERE x.occasion_kind = 'training_session' AND x.occasion_id = s.id
      AND x.person_key = r.person_key AND x.attended_at IS NOT NULL)
    ON CONFLICT DO NOTHING;
END $f$;
--> statement-breakpoint
CREATE FUNCTION ce_credits_attendance() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
DECLARE w uuid[]; s uuid[];
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT array_agg(r.worker_id), array_agg(n.occasion_id) INTO w, s FROM ce_new n
      JOIN training_sessions ts ON ts.id = n.occasion_id
      JOIN training_registrations r ON r.training_id = ts.training_id AND r.person_key = n.person_key AND r.worker_id IS NOT NULL
      WHERE n.occasion_kind = 'training_session';
    PERFORM ce_credits_refresh(w, s);
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    SELECT array_agg(r.worker_id), array_agg(o.occasion_id) INTO w, s FROM ce_old o
      JOIN training_sessions ts ON ts.id = o.occasion_id
      JOIN training_registrations r ON r.training_id = ts.training_id AND r.person_key = o.person_key AND r.worker_id IS NOT NULL
      WHERE o.occasion_kind = 'training_session';
    PERFORM ce_credits_refresh(w, s);
  END IF;
  RETURN NULL;
END $f$;
--> statement-breakpoint
CREATE TRIGGER ce_credits_attendance_ins AFTER INSERT ON attendance REFERENCING NEW TABLE AS ce_new
  FOR EACH STATEMENT EXECUTE FUNCTION ce_credits_attendance();
--> statement-breakpoint
CREATE TRIGGER ce_credits_attendance_upd AFTER UPDATE ON attendance REFERENCING OLD TABLE AS ce_old NEW TABLE AS ce_new
  FOR EACH STATEMENT EXECUTE FUNCTION ce_credits_attendance();
--> statement-breakpoint
CREATE TRIGGER ce_credits_attendance_del AFTER DELETE ON attendance REFERENCING OLD TABLE AS ce_old
  FOR EACH STATEMENT EXECUTE FUNCTION ce_credits_attendance();
--> statement-breakpoint
CREATE FUNCTION ce_credits_registrations() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
DECLARE w uuid[]; s uuid[];
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT array_agg(n.worker_id), array_agg(ts.id) INTO w, s FROM ce_new n JOIN training_sessions ts ON ts.training_id = n.training_id
      WHERE n.worker_id IS NOT NULL;
    PERFORM ce_credits_refresh(w, s);
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    SELECT array_agg(o.worker_id), array_agg(ts.id) INTO w, s FROM ce_old o JOIN training_sessions ts ON ts.training_id = o.training_id
      WHERE o.worker_id IS NOT NULL;
    PERFORM ce_credits_refresh(w, s);
  END IF;
  RETURN NULL;
END $f$;
--> statement-breakpoint
CREATE TRIGGER ce_credits_registrations_ins AFTER INSERT ON training_registrations REFERENCING NEW TABLE AS ce_new
  FOR EACH STATEMENT EXECUTE FUNCTION ce_credits_registrations();
--> statement-breakpoint
CREATE TRIGGER ce_credits_registrations_upd AFTER UPDATE ON training_registrations REFERENCING OLD TABLE AS ce_old NEW TABLE AS ce_new
  FOR EACH STATEMENT EXECUTE FUNCTION ce_credits_registrations();
--> statement-breakpoint
CREATE TRIGGER ce_credits_registrations_del AFTER DELETE ON training_registrations REFERENCING OLD TABLE AS ce_old
  FOR EACH STATEMENT EXECUTE FUNCTION ce_credits_registrations();
--> statement-breakpoint
-- A session cancelled, moved or re-weighted: its registrants' credits for it.
CREATE FUNCTION ce_credits_sessions() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
DECLARE w uuid[]; s uuid[];
BEGIN
  SELECT array_agg(r.worker_id), array_agg(n.id) INTO w, s FROM ce_new n
    JOIN training_registrations r ON r.training_id = n.training_id AND r.worker_id IS NOT NULL;
  PERFORM ce_credits_refresh(w, s);
  IF TG_OP = 'UPDATE' THEN
    SELECT array_agg(r.worker_id), array_agg(o.id) INTO w, s FROM ce_old o
      JOIN training_registrations r ON r.training_id = o.training_id AND r.worker_id IS NOT NULL;
    PERFORM ce_credits_refresh(w, s);
  END IF;
  RETURN NULL;
END $f$;
--> statement-breakpoint
CREATE TRIGGER ce_credits_sessions_upd AFTER UPDATE ON training_sessions REFERENCING OLD TABLE AS ce_old NEW TABLE AS ce_new
  FOR EACH STATEMENT EXECUTE FUNCTION ce_credits_sessions();
--> statement-breakpoint
-- What exists already.
INSERT INTO ce_credits (worker_id, session_id, day, hours)
  SELECT DISTINCT ON (r.worker_id, s.id) r.worker_id, s.id, (s.starts_at AT TIME ZONE 'Asia/Shanghai')::date, s.hours
  FROM training_registrations r JOIN training_sessions s ON s.training_id = r.training_id AND NOT s.cancelled
    JOIN attendance x ON x.occasion_kind = 'training_session' AND x.occasion_id = s.id AND x.person_key = r.person_key AND x.attended_at IS NOT NULL
  WHERE r.worker_id IS NOT NULL
  ORDER BY r.worker_id, s.id;
--> statement-breakpoint
-- Training delivered in an area over a period: an index-only scan of the training rows.
CREATE INDEX attendance_training_idx ON attendance ((area_code COLLATE "C"), occasion_at) INCLUDE (occasion_id)
  WHERE occasion_kind = 'training_session' AND attended_at IS NOT NULL;
