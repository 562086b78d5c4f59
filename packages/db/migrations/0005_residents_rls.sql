-- Residents, assessments, contacts and their satellites are area-owned: the same RLS policy
-- as orgs, keyed on the area-code prefix. Code lists, settings and instruments are
-- installation-wide reference data.
GRANT SELECT, INSERT, UPDATE, DELETE ON residents, care_level_changes, assessments, contacts, attachments, follow_ups, notifications, import_jobs TO wushe_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON code_lists, settings, instruments TO wushe_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['residents', 'care_level_changes', 'assessments', 'contacts', 'attachments', 'follow_ups', 'notifications', 'import_jobs'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY %I ON %I TO wushe_app
      USING (area_code LIKE current_setting('wushe.scope', true) || '%%')
      WITH CHECK (area_code LIKE current_setting('wushe.scope', true) || '%%')$p$, t || '_scope', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- Duplicate detection across the whole installation, beyond the caller's scope: answers only
-- whether an ID number's blind index is taken, never which record holds it.
CREATE FUNCTION resident_id_hash_taken(p_hash text, p_except uuid DEFAULT NULL) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM residents WHERE id_hash = p_hash AND status <> 'merged' AND (p_except IS NULL OR id <> p_except))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION resident_id_hash_taken(text, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION resident_id_hash_taken(text, uuid) TO wushe_app;
