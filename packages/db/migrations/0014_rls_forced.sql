-- Area-owned tables: row-level security FORCEd, so the tables' owner is not exempt by
-- default either. The owner's own work (migrations, seeding, audit verification and the
-- SECURITY DEFINER functions: session_resolve, audit_append, resident_id_hash_taken) must see
-- every row, so it gets an explicit policy of its own instead of the implicit exemption; a
-- superuser owner bypasses RLS anyway. wushe_app still has only the prefix policy.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['orgs', 'users', 'audit_log', 'residents', 'care_level_changes', 'assessments', 'contacts', 'attachments', 'follow_ups', 'notifications', 'import_jobs', 'import_files'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t || '_owner', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  END LOOP;
END $$;
