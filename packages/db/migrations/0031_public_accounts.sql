-- Public accounts (issue 10, item 0): people outside the staff, signed up with a mobile number
-- verified by an SMS code. Installation-wide (no area): no RLS, and wushe_app gets only what
-- the public-account routes need. The mobile is sealed, found by a keyed blind index, shown masked.
CREATE TABLE "public_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"display_name" text NOT NULL,
	"mobile_cipher" text NOT NULL,
	"mobile_hash" text NOT NULL,
	"mobile_masked" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	CONSTRAINT "public_accounts_status_check" CHECK ("status" IN ('active', 'disabled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "public_accounts_mobile_idx" ON "public_accounts" USING btree ("mobile_hash");
--> statement-breakpoint
CREATE TABLE "sms_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mobile_hash" text NOT NULL,
	"purpose" text NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"used_at" timestamp with time zone,
	"requester_ip" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sms_codes_purpose_check" CHECK ("purpose" IN ('signup', 'login'))
);
--> statement-breakpoint
CREATE INDEX "sms_codes_mobile_idx" ON "sms_codes" USING btree ("mobile_hash","created_at");
--> statement-breakpoint
CREATE INDEX "sms_codes_ip_idx" ON "sms_codes" USING btree ("requester_ip","created_at");
--> statement-breakpoint
CREATE TABLE "public_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL REFERENCES "public_accounts"("id") ON DELETE cascade,
	"csrf_token" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "public_sessions_account_idx" ON "public_sessions" USING btree ("account_id");
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public_accounts TO wushe_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON sms_codes TO wushe_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public_sessions TO wushe_app;
