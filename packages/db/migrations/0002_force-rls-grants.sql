-- What drizzle-kit does not emit: FORCE ROW LEVEL SECURITY (so even the table
-- owner is subject to the policies), the app role's grants, and the sign-in
-- directory plumbing. Read together with src/schema/*.ts.

ALTER TABLE "counties" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "units" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "users" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sessions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "audit_log" FORCE ROW LEVEL SECURITY;--> statement-breakpoint

GRANT USAGE ON SCHEMA public TO tally_app;--> statement-breakpoint
GRANT SELECT ON "counties" TO tally_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "units" TO tally_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "users" TO tally_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "sessions" TO tally_app;--> statement-breakpoint
-- Append-only audit log: no UPDATE, no DELETE, ever.
GRANT SELECT, INSERT ON "audit_log" TO tally_app;--> statement-breakpoint
REVOKE ALL ON "account_directory" FROM PUBLIC;--> statement-breakpoint

-- account_directory follows users (login names are unique across all counties).
-- SECURITY DEFINER so the app role can create users without any privilege on
-- the directory itself; a taken name fails the whole insert.
CREATE FUNCTION account_directory_sync() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO account_directory (login_name, county_id) VALUES (NEW.login_name, NEW.county_id);
  ELSIF TG_OP = 'UPDATE' AND NEW.login_name IS DISTINCT FROM OLD.login_name THEN
    UPDATE account_directory SET login_name = NEW.login_name WHERE login_name = OLD.login_name;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER users_account_directory AFTER INSERT OR UPDATE OF login_name ON "users"
  FOR EACH ROW EXECUTE FUNCTION account_directory_sync();--> statement-breakpoint

-- Sign-in's only cross-tenant question: which county holds this login name.
-- Returns a county id and nothing else; the user row is then read under RLS.
CREATE FUNCTION auth_resolve_login(p_login_name text) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT county_id FROM account_directory WHERE login_name = p_login_name
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_resolve_login(text) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION account_directory_sync() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_resolve_login(text) TO tally_app;
