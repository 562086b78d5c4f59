-- Hand-written first migration: extensions and the application role that RLS applies to.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wushe_app') THEN
    CREATE ROLE wushe_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database on the same server created it concurrently
END $$;
--> statement-breakpoint
DO $$
BEGIN
  -- A non-superuser owner must be a member of wushe_app to SET ROLE to it.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT wushe_app TO %I', current_user);
  END IF;
EXCEPTION WHEN OTHERS THEN
  RAISE WARNING 'could not grant wushe_app to %: %', current_user, SQLERRM;
END $$;
