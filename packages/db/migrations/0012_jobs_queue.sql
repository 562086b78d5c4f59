CREATE TABLE "import_files" (
	"job_id" uuid PRIMARY KEY NOT NULL,
	"area_code" text NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "follow_ups" ADD COLUMN "overdue_notified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "lease_token" uuid;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "worker" text;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "queue_job_id" uuid;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "context" jsonb;--> statement-breakpoint
ALTER TABLE "import_files" ADD CONSTRAINT "import_files_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The uploaded file is area-owned like its job: the same prefix policy (see 0008).
GRANT SELECT, INSERT, UPDATE, DELETE ON import_files TO wushe_app;--> statement-breakpoint
ALTER TABLE import_files ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY import_files_scope ON import_files TO wushe_app
  USING (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)))
  WITH CHECK (area_code COLLATE "C" >= current_setting('wushe.scope', true)
    AND area_code COLLATE "C" < wushe_scope_upper(current_setting('wushe.scope', true)));--> statement-breakpoint
-- The overdue-notice job reads only open tasks not yet noticed.
CREATE INDEX follow_ups_overdue_idx ON follow_ups (due_at) WHERE done_at IS NULL AND overdue_notified_at IS NULL;
--> statement-breakpoint
-- Imports left open by the in-process runner this replaces have no queue job: they can never finish.
UPDATE import_jobs SET status = 'failed', finished_at = now(),
  error = '服务重启，导入中断：请重新上传同一文件（已写入的行不会重复导入） / A server restart cut this import off: upload the same file again (rows already written will not be duplicated)'
WHERE status IN ('queued', 'reading', 'validating', 'importing');
