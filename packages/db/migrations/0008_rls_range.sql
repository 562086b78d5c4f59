-- The scope policies as a C-collation range instead of LIKE: for digit codes
-- `code LIKE 'p%'` is exactly `'p' <= code < upper('p')` in byte order, and the range is an
-- index condition on the (area_code COLLATE "C", …) indexes with a real row estimate, where
-- LIKE on current_setting() was a filter the planner guessed at. '' (system work) spans every
-- code; an unset scope compares with NULL and matches nothing; 'none' sorts after all digits.
CREATE FUNCTION wushe_scope_upper(p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN p = '' THEN '~' ELSE left(p, -1) || chr(ascii(right(p, 1)) + 1) END
$$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['orgs', 'users', 'residents', 'care_level_changes', 'assessments', 'contacts', 'attachments', 'follow_ups', 'notifications', 'import_jobs'] LOOP
    EXECUTE format('DROP POLICY %I ON %I', t || '_scope', t);
    EXECUTE format($p$CREATE POLICY %I ON %I TO wushe_app
      USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
        AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
      WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
        AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))$p$, t || '_scope', t);
  END LOOP;
END $$;
--> statement-breakpoint
DROP POLICY audit_scope ON audit_log;
--> statement-breakpoint
CREATE POLICY audit_scope ON audit_log FOR SELECT TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
