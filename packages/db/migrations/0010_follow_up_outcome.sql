-- Completing a follow-up: who, what was done, and the contact recorded for it. follow_ups is
-- already area-scoped under RLS (follow_ups_scope, migrations 0005 and 0008).
ALTER TABLE "follow_ups" ADD COLUMN "done_by" uuid;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD COLUMN "contact_id" uuid;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_ups_resident_idx" ON "follow_ups" USING btree ("resident_id","due_at");