-- Issue 8, items 7 and 8.
-- Search as people search: keyed blind indexes (HMAC, the installation's index key) of the
-- last 4 and last 6 characters of a document number, exact match only, and the full pinyin of
-- the name (司马光 -> simaguang) for prefix search. Nullable: rows stored before this
-- migration are filled at start-up by the server, which holds the key (backfillResidentSearch).
ALTER TABLE residents ADD COLUMN id_tail4_hash text;
--> statement-breakpoint
ALTER TABLE residents ADD COLUMN id_tail6_hash text;
--> statement-breakpoint
ALTER TABLE residents ADD COLUMN name_pinyin text;
--> statement-breakpoint
CREATE INDEX residents_id_tail4_idx ON residents (id_tail4_hash);
--> statement-breakpoint
CREATE INDEX residents_id_tail6_idx ON residents (id_tail6_hash);
--> statement-breakpoint
-- C collation: the prefix range of a pinyin search is leakproof under RLS and uses this index.
CREATE INDEX residents_pinyin_idx ON residents ((name_pinyin COLLATE "C"));
--> statement-breakpoint
-- Transfers (调入/调出): the receiving station asks, the holding station decides. One row is
-- seen by both stations, so it carries two area codes and no area_code: the policy lets a
-- caller see (and write) a transfer when either station is in their scope.
CREATE TABLE transfers (
  id uuid PRIMARY KEY,
  resident_id uuid NOT NULL REFERENCES residents(id),
  from_area_code text NOT NULL,
  to_area_code text NOT NULL,
  to_worker_id uuid REFERENCES users(id),
  -- Names as they were, kept on the row: each station cannot read the other's accounts (RLS).
  to_worker_name text,
  status text NOT NULL DEFAULT 'pending',
  note text,
  resident_name_masked text NOT NULL,
  id_masked text NOT NULL,
  requested_by uuid NOT NULL REFERENCES users(id),
  requested_by_name text NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES users(id),
  decided_by_name text,
  decided_at timestamptz,
  decision_reason text
);
--> statement-breakpoint
CREATE UNIQUE INDEX transfers_pending_idx ON transfers (resident_id) WHERE status = 'pending';
--> statement-breakpoint
CREATE INDEX transfers_from_idx ON transfers ((from_area_code COLLATE "C"), requested_at);
--> statement-breakpoint
CREATE INDEX transfers_to_idx ON transfers ((to_area_code COLLATE "C"), requested_at);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON transfers TO wushe_app;
--> statement-breakpoint
ALTER TABLE transfers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE transfers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY transfers_scope ON transfers TO wushe_app
  USING ((from_area_code COLLATE "C" >= current_setting('wushe.scope', true)
      AND from_area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
    OR (to_area_code COLLATE "C" >= current_setting('wushe.scope', true)
      AND to_area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true))))
  WITH CHECK ((from_area_code COLLATE "C" >= current_setting('wushe.scope', true)
      AND from_area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
    OR (to_area_code COLLATE "C" >= current_setting('wushe.scope', true)
      AND to_area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true))));
--> statement-breakpoint
CREATE POLICY transfers_owner ON transfers TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- The receiving station finds the record to ask for by its exact ID blind index, beyond its
-- scope: only what a request needs (the record's id, its community, its name to be masked by
-- the server, the masked ID). Nothing else of the record is readable before approval.
CREATE FUNCTION resident_for_transfer(p_hash text)
RETURNS TABLE (id uuid, area_code text, name text, id_masked text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT id, area_code, name, id_masked FROM residents WHERE id_hash = p_hash AND status = 'active'
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION resident_for_transfer(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION resident_for_transfer(text) TO wushe_app;
