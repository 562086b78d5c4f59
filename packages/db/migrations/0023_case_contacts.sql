-- Issue 9, item 3: the contact records of the residents register attach to a case (a visit,
-- call or service done as part of it). Nullable: most contacts belong to no case.
ALTER TABLE contacts ADD COLUMN case_id uuid REFERENCES cases(id);
--> statement-breakpoint
CREATE INDEX contacts_case_idx ON contacts (case_id, occurred_at) WHERE case_id IS NOT NULL;
