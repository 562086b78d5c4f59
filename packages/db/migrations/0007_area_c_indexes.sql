DROP INDEX "audit_area_idx";--> statement-breakpoint
DROP INDEX "orgs_area_idx";--> statement-breakpoint
DROP INDEX "users_area_idx";--> statement-breakpoint
DROP INDEX "assessments_area_idx";--> statement-breakpoint
DROP INDEX "contacts_area_idx";--> statement-breakpoint
DROP INDEX "follow_ups_area_idx";--> statement-breakpoint
DROP INDEX "residents_area_idx";--> statement-breakpoint
CREATE INDEX "audit_area_idx" ON "audit_log" USING btree ("area_code" COLLATE "C","seq");--> statement-breakpoint
CREATE INDEX "orgs_area_idx" ON "orgs" USING btree ("area_code" COLLATE "C","id");--> statement-breakpoint
CREATE INDEX "users_area_idx" ON "users" USING btree ("area_code" COLLATE "C","id");--> statement-breakpoint
CREATE INDEX "assessments_area_idx" ON "assessments" USING btree ("area_code" COLLATE "C");--> statement-breakpoint
CREATE INDEX "contacts_area_idx" ON "contacts" USING btree ("area_code" COLLATE "C","occurred_on");--> statement-breakpoint
CREATE INDEX "follow_ups_area_idx" ON "follow_ups" USING btree ("area_code" COLLATE "C","due_at");--> statement-breakpoint
CREATE INDEX "residents_area_idx" ON "residents" USING btree ("area_code" COLLATE "C","id");