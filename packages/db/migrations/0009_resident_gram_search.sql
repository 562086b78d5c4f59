-- Name-fragment search under RLS: `name_grams @> …` is not leakproof, so with RLS on the
-- planner may not drive the GIN index with it and filters every row of the scope instead.
-- This function runs as the owner (no RLS), uses the index, and applies the caller's scope
-- itself exactly as the policy does (an unset scope finds nothing). Only ids come back; the
-- caller's query then reads the rows under RLS as usual.
CREATE FUNCTION resident_ids_by_gram(p_gram text) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 200 AS $$
  SELECT id FROM residents
  WHERE name_grams @> ARRAY[p_gram]
    AND area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION resident_ids_by_gram(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION resident_ids_by_gram(text) TO wushe_app;
