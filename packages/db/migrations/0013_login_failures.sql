-- Failed logins under names that match no account, counted like an account's own (issue 7):
-- a wrong password then answers alike whether the name exists or not. Not area data: no
-- area_code and no RLS; the app role reads and counts them at login.
CREATE TABLE "login_failures" (
	"username" text PRIMARY KEY NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "login_failures_updated_idx" ON "login_failures" USING btree ("updated_at");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON login_failures TO wushe_app;
