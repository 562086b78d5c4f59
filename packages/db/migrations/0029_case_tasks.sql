-- Issue 9, item 3: a case's tasks are follow-ups (the existing machinery: due dates, overdue
-- notices, the home pages' overdue lists) that name the case they belong to.
ALTER TABLE follow_ups ADD COLUMN case_id uuid REFERENCES cases(id);
--> statement-breakpoint
CREATE INDEX follow_ups_case_idx ON follow_ups (case_id, due_at) WHERE case_id IS NOT NULL;
