-- resident_standing_on() (0015), the same query, planned for each call's own dates. As a SQL
-- function (SECURITY DEFINER, so never inlined) its statement was planned once with the dates
-- unknown: 4.1 s for the 3,000-resident demo against 0.37 s for the same text with the dates in
-- it, and the demo's 18 backfilled coverage snapshots took 52 s. EXECUTE … USING plans with the
-- values. Same signature, same result, same caller-scope check.
CREATE OR REPLACE FUNCTION resident_standing_on(p_prefix text, p_date date, p_starts date[], p_cutoffs date[], p_since date)
RETURNS TABLE (resident_id uuid, area_code text, care_level smallint, categories text[], covered boolean, overdue boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  RETURN QUERY EXECUTE $q$
  WITH bound AS (SELECT ($2 + 1)::timestamp AT TIME ZONE 'Asia/Shanghai' AS t),
  s AS (
    SELECT DISTINCT ON (x.resident_id) x.resident_id, x.from_status, x.from_area FROM resident_status_changes x, bound
    WHERE x.changed_at >= bound.t ORDER BY x.resident_id, x.changed_at, x.id),
  h AS (
    SELECT DISTINCT ON (x.resident_id) x.resident_id, x.from_level FROM care_level_changes x, bound
    WHERE x.changed_at >= bound.t AND x.from_level IS NOT NULL ORDER BY x.resident_id, x.changed_at, x.id),
  cand AS (
    SELECT r.id FROM residents r
    WHERE r.area_code COLLATE "C" >= $1 AND r.area_code COLLATE "C" < wushe_scope_upper($1)
    UNION SELECT s.resident_id FROM s),
  m AS (
    SELECT r.id, coalesce(s.from_area, r.area_code) AS area_code, coalesce(h.from_level, r.care_level) AS care_level,
      r.categories, r.registered_on
    FROM cand JOIN residents r ON r.id = cand.id LEFT JOIN s ON s.resident_id = r.id LEFT JOIN h ON h.resident_id = r.id
    WHERE r.status <> 'merged' AND coalesce(s.from_status, r.status) = 'active' AND r.registered_on <= $2),
  m2 AS (
    SELECT * FROM m
    WHERE m.area_code COLLATE "C" >= $1 AND m.area_code COLLATE "C" < wushe_scope_upper($1)
      AND m.area_code COLLATE "C" >= current_setting('wushe.scope', true)
      AND m.area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true))),
  c AS (
    SELECT x.resident_id, max(x.occurred_on) AS last FROM contacts x
    WHERE x.occurred_on BETWEEN $5 AND $2 AND x.resident_id IN (SELECT m2.id FROM m2) GROUP BY x.resident_id)
  SELECT m2.id, m2.area_code, m2.care_level, m2.categories,
    coalesce(c.last >= ($3)[m2.care_level], false),
    coalesce(c.last, m2.registered_on) < ($4)[m2.care_level]
  FROM m2 LEFT JOIN c ON c.resident_id = m2.id
  $q$ USING p_prefix, p_date, p_starts, p_cutoffs, p_since;
END
$fn$;
