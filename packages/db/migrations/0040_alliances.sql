-- Issue 10, item 10: talent-base alliances (人才基地联盟) with member bases, joint events and
-- shared trainings; pairing agreements (一校两社, 结对共建) with parties, deliverables per side
-- and a draft → active → ended status. Every row carries the area that owns the alliance or the
-- agreement (the scope that writes it): RLS as 0008, forced. A member base keeps its own area in
-- member_area_code; officials there read the alliance through the repository as the owner with
-- an explicit predicate (alliances.repo.ts), never write it.
CREATE TABLE alliances (
  id uuid PRIMARY KEY,
  area_code text NOT NULL,
  name text NOT NULL,
  lead_org_id uuid NOT NULL REFERENCES orgs(id),
  signed_on date NOT NULL,
  charter text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX alliances_area_idx ON alliances ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE TABLE alliance_members (
  id uuid PRIMARY KEY,
  alliance_id uuid NOT NULL REFERENCES alliances(id) ON DELETE CASCADE,
  area_code text NOT NULL,
  org_id uuid REFERENCES orgs(id),
  name text NOT NULL,
  member_area_code text NOT NULL,
  member_area_name text,
  joined_on date NOT NULL,
  left_on date,
  note text,
  version integer NOT NULL DEFAULT 1,
  CHECK (left_on IS NULL OR left_on >= joined_on)
);
--> statement-breakpoint
CREATE INDEX alliance_members_area_idx ON alliance_members ((area_code COLLATE "C"), alliance_id);
--> statement-breakpoint
CREATE INDEX alliance_members_member_area_idx ON alliance_members ((member_area_code COLLATE "C"), alliance_id);
--> statement-breakpoint
CREATE UNIQUE INDEX alliance_members_org_idx ON alliance_members (alliance_id, org_id) WHERE org_id IS NOT NULL;
--> statement-breakpoint
CREATE TABLE alliance_events (
  id uuid PRIMARY KEY,
  alliance_id uuid NOT NULL REFERENCES alliances(id) ON DELETE CASCADE,
  area_code text NOT NULL,
  title text NOT NULL,
  held_on date NOT NULL,
  place text NOT NULL,
  host_member_id uuid REFERENCES alliance_members(id) ON DELETE SET NULL,
  participants integer NOT NULL DEFAULT 0 CHECK (participants >= 0),
  notes text
);
--> statement-breakpoint
CREATE INDEX alliance_events_area_idx ON alliance_events ((area_code COLLATE "C"), alliance_id);
--> statement-breakpoint
CREATE TABLE alliance_trainings (
  id uuid PRIMARY KEY,
  alliance_id uuid NOT NULL REFERENCES alliances(id) ON DELETE CASCADE,
  area_code text NOT NULL,
  training_id uuid REFERENCES trainings(id) ON DELETE SET NULL,
  title text NOT NULL,
  held_on date,
  host_member_id uuid REFERENCES alliance_members(id) ON DELETE SET NULL,
  note text
);
--> statement-breakpoint
CREATE INDEX alliance_trainings_area_idx ON alliance_trainings ((area_code COLLATE "C"), alliance_id);
--> statement-breakpoint
CREATE TABLE partnerships (
  id uuid PRIMARY KEY,
  area_code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('school_org_community', 'agency_community')),
  title text NOT NULL,
  start_on date NOT NULL,
  end_on date,
  terms text,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'ended')),
  attachment_id uuid REFERENCES attachments(id),
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_on IS NULL OR end_on >= start_on)
);
--> statement-breakpoint
CREATE INDEX partnerships_area_idx ON partnerships ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE TABLE partnership_parties (
  id uuid PRIMARY KEY,
  partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
  area_code text NOT NULL,
  role text NOT NULL CHECK (role IN ('school', 'agency', 'community')),
  org_id uuid REFERENCES orgs(id),
  name text NOT NULL,
  position integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX partnership_parties_area_idx ON partnership_parties ((area_code COLLATE "C"), partnership_id);
--> statement-breakpoint
CREATE TABLE partnership_deliverables (
  id uuid PRIMARY KEY,
  partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
  area_code text NOT NULL,
  party_id uuid NOT NULL REFERENCES partnership_parties(id) ON DELETE CASCADE,
  what text NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  due_on date,
  done integer NOT NULL DEFAULT 0 CHECK (done >= 0 AND done <= quantity),
  version integer NOT NULL DEFAULT 1
);
--> statement-breakpoint
CREATE INDEX partnership_deliverables_area_idx ON partnership_deliverables ((area_code COLLATE "C"), partnership_id);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON alliances, alliance_members, alliance_events, alliance_trainings, partnerships, partnership_parties, partnership_deliverables TO wushe_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['alliances', 'alliance_members', 'alliance_events', 'alliance_trainings', 'partnerships', 'partnership_parties', 'partnership_deliverables'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY %I ON %I TO wushe_app
      USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
        AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
      WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
        AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))$p$, t || '_scope', t);
    EXECUTE format('CREATE POLICY %I ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t || '_owner', t);
  END LOOP;
END $$;
