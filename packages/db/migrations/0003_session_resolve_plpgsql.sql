-- session_resolve again, in PL/pgSQL: a LANGUAGE sql function with SET options is planned
-- afresh on every call, and planning its five-way join cost several times the join itself on
-- every signed-in request. PL/pgSQL keeps the plan per connection. Same signature, result,
-- SECURITY DEFINER and search_path; CREATE OR REPLACE keeps the owner and the grants.
CREATE OR REPLACE FUNCTION session_resolve(p_id text, p_idle_seconds int, p_touch_seconds int)
RETURNS TABLE (
  csrf_token text, last_seen_at timestamptz, user_id uuid, username text, display_name text,
  area_code text, area_name text, org_id uuid, org_name text, status text, locked_until timestamptz,
  must_change_password boolean, totp_enabled boolean, role_id uuid, role_code text, role_name text,
  role_name_en text, permissions text[], require_totp boolean
) LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH touched AS (
    UPDATE sessions SET last_seen_at = now()
    WHERE sessions.id = p_id
      AND sessions.last_seen_at < now() - make_interval(secs => p_touch_seconds)
      AND sessions.last_seen_at >= now() - make_interval(secs => p_idle_seconds)
    RETURNING sessions.id
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
  WHERE s.id = p_id;
END $$;
