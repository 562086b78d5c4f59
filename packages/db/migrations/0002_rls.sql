-- Row-level security keyed on the area-code prefix, grants for the application role,
-- the append-only hash-chained audit log, and the session resolver.
-- The app runs as wushe_app with `wushe.scope` set to the caller's area prefix; an unset
-- scope matches nothing (deny by default). The migration owner bypasses RLS.
GRANT USAGE ON SCHEMA public TO wushe_app;
--> statement-breakpoint
GRANT SELECT ON installation TO wushe_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON areas TO wushe_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON roles, orgs, users, sessions TO wushe_app;
--> statement-breakpoint
GRANT SELECT ON audit_log TO wushe_app;
--> statement-breakpoint
ALTER TABLE orgs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY orgs_scope ON orgs TO wushe_app
  USING (area_code LIKE current_setting('wushe.scope', true) || '%')
  WITH CHECK (area_code LIKE current_setting('wushe.scope', true) || '%');
--> statement-breakpoint
CREATE POLICY users_scope ON users TO wushe_app
  USING (area_code LIKE current_setting('wushe.scope', true) || '%')
  WITH CHECK (area_code LIKE current_setting('wushe.scope', true) || '%');
--> statement-breakpoint
CREATE POLICY audit_scope ON audit_log FOR SELECT TO wushe_app
  USING (area_code LIKE current_setting('wushe.scope', true) || '%');
--> statement-breakpoint
CREATE FUNCTION audit_hash(
  p_seq bigint, p_at timestamptz, p_actor_id uuid, p_actor_name text, p_ip text, p_action text,
  p_target_type text, p_target_id text, p_area_code text, p_before jsonb, p_after jsonb, p_prev_hash text
) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(chr(31),
    p_seq::text, (extract(epoch FROM p_at) * 1000000)::bigint::text,
    coalesce(p_actor_id::text, ''), coalesce(p_actor_name, ''), coalesce(p_ip, ''), p_action,
    coalesce(p_target_type, ''), coalesce(p_target_id, ''), p_area_code,
    coalesce(p_before::text, 'null'), coalesce(p_after::text, 'null'), p_prev_hash), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- The only way in: serialised by an advisory lock so the chain has no forks; seq has no gaps,
-- so a deleted row shows as a gap or a broken link.
CREATE FUNCTION audit_append(
  p_actor_id uuid, p_actor_name text, p_ip text, p_action text, p_target_type text,
  p_target_id text, p_area_code text, p_before jsonb, p_after jsonb
) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_seq bigint;
  v_prev text;
  v_at timestamptz := clock_timestamp();
BEGIN
  PERFORM pg_advisory_xact_lock(5715);
  SELECT seq, hash INTO v_seq, v_prev FROM audit_log ORDER BY seq DESC LIMIT 1;
  v_seq := coalesce(v_seq, 0) + 1;
  v_prev := coalesce(v_prev, repeat('0', 64));
  INSERT INTO audit_log (seq, at, actor_id, actor_name, ip, action, target_type, target_id, area_code, before, after, prev_hash, hash)
  VALUES (v_seq, v_at, p_actor_id, p_actor_name, p_ip, p_action, p_target_type, p_target_id, p_area_code, p_before, p_after, v_prev,
    audit_hash(v_seq, v_at, p_actor_id, p_actor_name, p_ip, p_action, p_target_type, p_target_id, p_area_code, p_before, p_after, v_prev));
  RETURN v_seq;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_append(uuid, text, text, text, text, text, text, jsonb, jsonb) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION audit_append(uuid, text, text, text, text, text, text, jsonb, jsonb) TO wushe_app;
--> statement-breakpoint
CREATE FUNCTION audit_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_immutable();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_immutable();
--> statement-breakpoint
-- Resolves a session cookie to its account in one round trip, before any scope is known.
-- Returns the last_seen_at as it was (the caller applies the idle timeout) and touches it
-- at most every p_touch_seconds while the session is still live.
CREATE FUNCTION session_resolve(p_id text, p_idle_seconds int, p_touch_seconds int)
RETURNS TABLE (
  csrf_token text, last_seen_at timestamptz, user_id uuid, username text, display_name text,
  area_code text, area_name text, org_id uuid, org_name text, status text, locked_until timestamptz,
  must_change_password boolean, totp_enabled boolean, role_id uuid, role_code text, role_name text,
  role_name_en text, permissions text[], require_totp boolean
) LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH touched AS (
    UPDATE sessions SET last_seen_at = now()
    WHERE id = p_id
      AND last_seen_at < now() - make_interval(secs => p_touch_seconds)
      AND last_seen_at >= now() - make_interval(secs => p_idle_seconds)
    RETURNING id
  )
  SELECT s.csrf_token, s.last_seen_at, u.id, u.username, u.display_name, u.area_code,
    coalesce(a.name, u.area_code), u.org_id, o.name, u.status, u.locked_until,
    u.must_change_password, u.totp_enabled, r.id, r.code, r.name, r.name_en, r.permissions, r.require_totp
  FROM sessions s
  JOIN users u ON u.id = s.user_id
  JOIN roles r ON r.id = u.role_id
  LEFT JOIN areas a ON a.code = u.area_code
  LEFT JOIN orgs o ON o.id = u.org_id
  LEFT JOIN touched t ON t.id = s.id
  WHERE s.id = p_id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION session_resolve(text, int, int) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION session_resolve(text, int, int) TO wushe_app;
