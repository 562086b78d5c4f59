-- resident_standing_on() (0015): the same result, planned for each call's own dates and with
-- estimates the planner can use. As a SQL function (SECURITY DEFINER, so never inlined) its
-- statement was planned once with the dates unknown, and its area tests on
-- coalesce(later change's area, today's area) and on current_setting() had no statistics: the
-- planner expected a handful of residents and joined the contacts to them in a nested loop
-- (4.1 s for the 3,000-resident demo, 8 s for 20,000 residents a year back). Now: EXECUTE …
-- USING plans with the values (the caller's scope among them), and residents without a later
-- change (nearly all) are read by today's area_code, whose statistics the planner has; those
-- with one, by the change's from_area.
CREATE OR REPLACE FUNCTION resident_standing_on(p_prefix text, p_date date, p_starts date[], p_cutoffs date[], p_since date)
RETURNS TABLE (resident_id uuid, area_code text, care_level smallint, categories text[], covered boolean, overdue boolean)
-- jit off: compiling the plan cost more than running it (0.6 s of a street's 0.8 s).
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET jit = off AS $fn$
DECLARE
  -- The caller's scope, as the RLS policy reads it (unset: nothing matches).
  v_scope text := current_setting('wushe.scope', true);
BEGIN
  RETURN QUERY EXECUTE $q$
  WITH bound AS MATERIALIZED (SELECT ($2 + 1)::timestamp AT TIME ZONE 'Asia/Shanghai' AS t),
  s AS MATERIALIZED (
    SELECT DISTINCT ON (x.resident_id) x.resident_id, x.from_status, x.from_area FROM resident_status_changes x, bound
    WHERE x.changed_at >= bound.t ORDER BY x.resident_id, x.changed_at, x.id),
  h AS MATERIALIZED (
    SELECT DISTINCT ON (x.resident_id) x.resident_id, x.from_level FROM care_level_changes x, bound
    WHERE x.changed_at >= bound.t AND x.from_level IS NOT NULL ORDER BY x.resident_id, x.changed_at, x.id),
  m AS (
    SELECT r.id, r.area_code, r.care_level, r.categories, r.registered_on FROM residents r
    WHERE r.area_code COLLATE "C" >= $1 AND r.area_code COLLATE "C" < wushe_scope_upper($1)
      AND r.area_code COLLATE "C" >= $6 AND r.area_code COLLATE "C" < wushe_scope_upper($6)
      AND r.status = 'active' AND r.registered_on <= $2
      AND NOT EXISTS (SELECT 1 FROM s WHERE s.resident_id = r.id)
    UNION ALL
    SELECT r.id, s.from_area, r.care_level, r.categories, r.registered_on FROM s JOIN residents r ON r.id = s.resident_id
    WHERE s.from_area COLLATE "C" >= $1 AND s.from_area COLLATE "C" < wushe_scope_upper($1)
      AND s.from_area COLLATE "C" >= $6 AND s.from_area COLLATE "C" < wushe_scope_upper($6)
      AND s.from_status = 'active' AND r.status <> 'merged' AND r.registered_on <= $2),
  m2 AS (
    SELECT m.id, m.area_code, coalesce(h.from_level, m.care_level) AS care_level, m.categories, m.registered_on
    FROM m LEFT JOIN h ON h.resident_id = m.id),
  c AS (
    -- Contacts move with their resident (a transfer moves them), so those of residents without a
    -- later change are found by area, through the (occurred_on, area_code) index; those of the
    -- few with one, by resident.
    SELECT x.resident_id, max(x.occurred_on) AS last FROM contacts x
    WHERE x.occurred_on BETWEEN $5 AND $2
      AND x.area_code COLLATE "C" >= $1 AND x.area_code COLLATE "C" < wushe_scope_upper($1)
      AND x.area_code COLLATE "C" >= $6 AND x.area_code COLLATE "C" < wushe_scope_upper($6)
      AND NOT EXISTS (SELECT 1 FROM s WHERE s.resident_id = x.resident_id)
    GROUP BY x.resident_id
    UNION ALL
    SELECT x.resident_id, max(x.occurred_on) FROM contacts x
    WHERE x.occurred_on BETWEEN $5 AND $2 AND x.resident_id IN (SELECT s.resident_id FROM s)
    GROUP BY x.resident_id)
  SELECT m2.id, m2.area_code, m2.care_level, m2.categories,
    coalesce(c.last >= ($3)[m2.care_level], false),
    coalesce(c.last, m2.registered_on) < ($4)[m2.care_level]
  FROM m2 LEFT JOIN c ON c.resident_id = m2.id
  $q$ USING p_prefix, p_date, p_starts, p_cutoffs, p_since, v_scope;
END
$fn$;
