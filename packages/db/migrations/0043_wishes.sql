-- Issue 11 items 1–4: micro-wishes (微心愿). A worker drafts a wish for a resident (area = the
-- resident's community when posted; the wish stays with that station if the resident moves),
-- the station reviews and publishes it with a generic public label (street · category), one
-- claimant at a time holds it (a partial unique index makes two concurrent claims one winner),
-- the claimant or the worker records delivery, the worker confirms with the resident. Values in
-- fen. The public board reads the wish_board view only: public columns of public states.
-- Area-owned, RLS as 0008, forced.
CREATE TABLE wishes (
  id uuid PRIMARY KEY,
  area_code text NOT NULL,
  resident_id uuid NOT NULL REFERENCES residents(id),
  batch_id uuid,
  title text NOT NULL,
  need text NOT NULL,
  reason text,
  category text NOT NULL,
  value_fen integer NOT NULL CHECK (value_fen >= 0),
  deadline date NOT NULL,
  status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'submitted', 'returned', 'published', 'claimed', 'delivered', 'fulfilled', 'cancelled')),
  public_label text,
  photo_ids uuid[] NOT NULL DEFAULT '{}',
  review_note text,
  confirm_note text,
  created_by uuid REFERENCES users(id),
  published_at timestamptz,
  first_claimed_at timestamptz,
  fulfilled_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status IN ('draft', 'submitted', 'returned', 'cancelled') OR (public_label IS NOT NULL AND published_at IS NOT NULL)),
  CHECK (status <> 'fulfilled' OR fulfilled_at IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX wishes_area_idx ON wishes ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE INDEX wishes_resident_idx ON wishes (resident_id);
--> statement-breakpoint
-- The board: public states by area, newest first.
CREATE INDEX wishes_board_idx ON wishes ((area_code COLLATE "C"), published_at DESC, id)
  WHERE status IN ('published', 'claimed', 'delivered', 'fulfilled');
--> statement-breakpoint
CREATE TABLE wish_claims (
  id uuid PRIMARY KEY,
  wish_id uuid NOT NULL REFERENCES wishes(id),
  area_code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('person', 'merchant', 'company', 'team')),
  public_account_id uuid REFERENCES public_accounts(id),
  name text NOT NULL,
  mobile_cipher text,
  mobile_masked text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'delivered', 'fulfilled', 'withdrawn', 'released')),
  due_on date NOT NULL,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  delivery_note text,
  delivery_photo_ids uuid[] NOT NULL DEFAULT '{}',
  delivered_at timestamptz,
  ended_at timestamptz,
  end_reason text,
  created_by uuid REFERENCES users(id),
  CHECK (status NOT IN ('withdrawn', 'released') OR ended_at IS NOT NULL),
  CHECK (status <> 'released' OR end_reason IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX wish_claims_area_idx ON wish_claims ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE INDEX wish_claims_wish_idx ON wish_claims (wish_id, claimed_at);
--> statement-breakpoint
-- One claim holds a wish at a time: of two concurrent claims, the second insert fails here.
CREATE UNIQUE INDEX wish_claims_holding_idx ON wish_claims (wish_id) WHERE status IN ('active', 'delivered');
--> statement-breakpoint
CREATE INDEX wish_claims_account_idx ON wish_claims (public_account_id, claimed_at) WHERE public_account_id IS NOT NULL;
--> statement-breakpoint
-- A wish's history in words (who did what, when, with the reason), besides the audit log.
CREATE TABLE wish_events (
  id uuid PRIMARY KEY,
  wish_id uuid NOT NULL REFERENCES wishes(id),
  area_code text NOT NULL,
  action text NOT NULL,
  actor_name text,
  note text,
  at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX wish_events_area_idx ON wish_events ((area_code COLLATE "C"), id);
--> statement-breakpoint
CREATE INDEX wish_events_wish_idx ON wish_events (wish_id, at);
--> statement-breakpoint
-- What the public board may read: no resident, no photo, no claimant, no note; public states only.
CREATE VIEW wish_board AS
  SELECT id, area_code, public_label, title, need, category, value_fen, deadline, status, published_at, first_claimed_at, fulfilled_at
  FROM wishes WHERE status IN ('published', 'claimed', 'delivered', 'fulfilled');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON wishes TO wushe_app;
--> statement-breakpoint
ALTER TABLE wishes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE wishes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY wishes_scope ON wishes TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY wishes_owner ON wishes TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON wish_claims TO wushe_app;
--> statement-breakpoint
ALTER TABLE wish_claims ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE wish_claims FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY wish_claims_scope ON wish_claims TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY wish_claims_owner ON wish_claims TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON wish_events TO wushe_app;
--> statement-breakpoint
ALTER TABLE wish_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE wish_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY wish_events_scope ON wish_events TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));
--> statement-breakpoint
CREATE POLICY wish_events_owner ON wish_events TO CURRENT_USER USING (true) WITH CHECK (true);
