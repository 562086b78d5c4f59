-- Issue 9, item 4: referrals (转介). A case referred to another organisation in Wushe (a hospital
-- social-work department, another station, an agency), whose head accepts or declines with a
-- reason, or to one outside Wushe (named, its outcome typed in by the referring worker).
-- The referral form (who the person is, why, what is asked) is sealed. The row belongs to both
-- sides: the case's area (from_area_code) and the receiving organisation's (to_area_code).
-- While a referral is pending or accepted, the receiving side may READ the case and its
-- timeline (SELECT-only policies below): never write them. The app narrows the read to the
-- receiving organisation and audits each one.
CREATE TABLE case_referrals (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id),
  case_no text NOT NULL,
  from_area_code text NOT NULL,
  from_org_id uuid REFERENCES orgs(id),
  from_org_name text,
  to_org_id uuid REFERENCES orgs(id),
  to_org_name text,
  to_area_code text,
  external_name text,
  service text,
  form_cipher text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn', 'ended')),
  decision_comment text,
  decided_by uuid REFERENCES users(id),
  decided_by_name text,
  decided_at timestamptz,
  accepted_case_id uuid REFERENCES cases(id),
  ended_at timestamptz,
  referred_by uuid NOT NULL REFERENCES users(id),
  referred_by_name text NOT NULL,
  referred_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK ((to_org_id IS NOT NULL AND to_area_code IS NOT NULL AND external_name IS NULL)
    OR (to_org_id IS NULL AND to_area_code IS NULL AND external_name IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX case_referrals_case_idx ON case_referrals (case_id);
--> statement-breakpoint
CREATE INDEX case_referrals_from_idx ON case_referrals ((from_area_code COLLATE "C"), referred_at);
--> statement-breakpoint
CREATE INDEX case_referrals_to_area_idx ON case_referrals ((to_area_code COLLATE "C"), referred_at);
--> statement-breakpoint
CREATE INDEX case_referrals_to_idx ON case_referrals (to_org_id, status);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON case_referrals TO wushe_app;
--> statement-breakpoint
ALTER TABLE case_referrals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_referrals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_referrals_scope ON case_referrals TO wushe_app
  USING ((from_area_code COLLATE "C" >= current_setting('wushe.scope', true)
      AND from_area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
    OR (to_area_code COLLATE "C" >= current_setting('wushe.scope', true)
      AND to_area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true))))
  WITH CHECK ((from_area_code COLLATE "C" >= current_setting('wushe.scope', true)
      AND from_area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
    OR (to_area_code COLLATE "C" >= current_setting('wushe.scope', true)
      AND to_area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true))));
--> statement-breakpoint
CREATE POLICY case_referrals_owner ON case_referrals TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Read-only, while open or accepted: the receiving side's scope sees the referred case.
CREATE POLICY cases_referred ON cases FOR SELECT TO wushe_app
  USING (EXISTS (SELECT 1 FROM case_referrals r WHERE r.case_id = cases.id AND r.status IN ('pending', 'accepted')
    AND r.to_area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND r.to_area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true))));
--> statement-breakpoint
CREATE POLICY case_events_referred ON case_events FOR SELECT TO wushe_app
  USING (EXISTS (SELECT 1 FROM case_referrals r WHERE r.case_id = case_events.case_id AND r.status IN ('pending', 'accepted')
    AND r.to_area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND r.to_area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true))));
