-- The role the application connects as (see src/schema/rls.ts). Roles are
-- cluster-wide, so this tolerates a role made by an earlier database on the
-- same server. NOLOGIN here; the launcher grants LOGIN with its password.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tally_app') THEN
    CREATE ROLE tally_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END
$$;
