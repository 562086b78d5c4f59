-- A visit's checklist (safety hazards, health, living conditions, needs found; items from the
-- visit_checklist code list): [{item, flagged, note, followUpId}]. Kept on the contact row, which
-- RLS already scopes; a flagged item turned into a follow-up records the task's id in its entry.
ALTER TABLE "contacts" ADD COLUMN "checklist" jsonb DEFAULT '[]'::jsonb NOT NULL;
