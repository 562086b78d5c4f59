CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"resident_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"instrument_code" text NOT NULL,
	"instrument_version" text NOT NULL,
	"reason" text,
	"answers_cipher" text NOT NULL,
	"total" integer NOT NULL,
	"level" text,
	"band" text,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"suggested_care_level" smallint,
	"confirmed_care_level" smallint,
	"override_reason" text,
	"assessed_by" uuid,
	"assessed_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contact_id" uuid,
	"area_code" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_level_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"resident_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"from_level" smallint,
	"to_level" smallint NOT NULL,
	"reason" text,
	"assessment_id" uuid,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "code_lists" (
	"list" text NOT NULL,
	"code" text NOT NULL,
	"label_zh" text NOT NULL,
	"label_en" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"resident_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"group_id" uuid,
	"kind" text NOT NULL,
	"service_type" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"occurred_on" date NOT NULL,
	"duration_minutes" integer,
	"worker_id" uuid,
	"notes" text,
	"client_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"resident_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"reason" text NOT NULL,
	"assessment_id" uuid,
	"due_at" timestamp with time zone NOT NULL,
	"assigned_to" uuid,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"area_code" text NOT NULL,
	"created_by" uuid NOT NULL,
	"filename" text NOT NULL,
	"file_hash" text NOT NULL,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "instruments" (
	"code" text NOT NULL,
	"version" text NOT NULL,
	"definition" jsonb NOT NULL,
	"builtin" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"area_code" text NOT NULL,
	"name" text NOT NULL,
	"name_initials" text NOT NULL,
	"name_grams" text[] NOT NULL,
	"document_type" text DEFAULT 'resident_id' NOT NULL,
	"id_cipher" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_masked" text NOT NULL,
	"sex" text,
	"birth_date" date,
	"phone_cipher" text,
	"phone_hash" text,
	"phone_masked" text,
	"address" text,
	"family_cipher" text,
	"household_id" uuid,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"assistance_status" text,
	"care_level" smallint NOT NULL,
	"health_cipher" text,
	"notes" text,
	"consent" jsonb,
	"assigned_worker_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"merged_into" uuid,
	"registered_on" date NOT NULL,
	"last_contact_on" date,
	"next_due_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_level_changes" ADD CONSTRAINT "care_level_changes_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_assigned_worker_id_users_id_fk" FOREIGN KEY ("assigned_worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessments_resident_idx" ON "assessments" USING btree ("resident_id","assessed_on");--> statement-breakpoint
CREATE INDEX "assessments_area_idx" ON "assessments" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "attachments_contact_idx" ON "attachments" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "care_level_changes_resident_idx" ON "care_level_changes" USING btree ("resident_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "code_lists_pk" ON "code_lists" USING btree ("list","code");--> statement-breakpoint
CREATE INDEX "contacts_resident_idx" ON "contacts" USING btree ("resident_id","occurred_on");--> statement-breakpoint
CREATE INDEX "contacts_on_idx" ON "contacts" USING btree ("occurred_on","resident_id");--> statement-breakpoint
CREATE INDEX "contacts_area_idx" ON "contacts" USING btree ("area_code" text_pattern_ops,"occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_client_key_idx" ON "contacts" USING btree ("client_key");--> statement-breakpoint
CREATE INDEX "follow_ups_area_idx" ON "follow_ups" USING btree ("area_code" text_pattern_ops,"due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "instruments_pk" ON "instruments" USING btree ("code","version");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "residents_id_hash_idx" ON "residents" USING btree ("id_hash") WHERE status <> 'merged';--> statement-breakpoint
CREATE INDEX "residents_area_idx" ON "residents" USING btree ("area_code" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "residents_grams_idx" ON "residents" USING gin ("name_grams");--> statement-breakpoint
CREATE INDEX "residents_initials_idx" ON "residents" USING btree ("name_initials","area_code");--> statement-breakpoint
CREATE INDEX "residents_phone_idx" ON "residents" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "residents_due_idx" ON "residents" USING btree ("next_due_on");--> statement-breakpoint
CREATE INDEX "residents_dup_idx" ON "residents" USING btree ("area_code","name","birth_date");--> statement-breakpoint
CREATE INDEX "residents_household_idx" ON "residents" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "residents_worker_idx" ON "residents" USING btree ("assigned_worker_id","next_due_on");