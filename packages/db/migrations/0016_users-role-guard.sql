-- Separation of duties on accounts (docs/security.md "Who may grant which role").
-- users_may() is the rule table; the users policies (0017) use it for what a row
-- may be (INSERT and the new row of an UPDATE), and the trigger below for what
-- an UPDATE changes, which a policy cannot see: WITH CHECK has only the new row.
-- Mirrors mayActOn() in src/schema/roles.ts.

CREATE FUNCTION users_may(actor_role text, action text, target_role text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT EXISTS (
    SELECT 1 FROM (VALUES
      ('county_admin', 'grant', 'county_admin'), ('county_admin', 'grant', 'county_staff'),
      ('county_admin', 'grant', 'township_staff'), ('county_admin', 'grant', 'village_staff'),
      ('county_admin', 'disable', 'county_admin'), ('county_admin', 'disable', 'county_staff'),
      ('county_admin', 'disable', 'township_staff'), ('county_admin', 'disable', 'village_staff'),
      ('county_admin', 'reset_password', 'county_admin'), ('county_admin', 'reset_password', 'county_staff'),
      ('county_admin', 'reset_password', 'township_staff'), ('county_admin', 'reset_password', 'village_staff'),
      ('security_admin', 'grant', 'security_admin'),
      ('security_admin', 'disable', 'county_admin'), ('security_admin', 'disable', 'county_staff'),
      ('security_admin', 'disable', 'township_staff'), ('security_admin', 'disable', 'village_staff'),
      ('security_admin', 'disable', 'security_admin'), ('security_admin', 'disable', 'auditor'),
      ('security_admin', 'reset_password', 'county_staff'), ('security_admin', 'reset_password', 'township_staff'),
      ('security_admin', 'reset_password', 'village_staff'), ('security_admin', 'reset_password', 'security_admin')
    ) AS rule(actor_role, action, target_role)
    -- 'manage': any of the three, i.e. may the actor touch the row at all.
    WHERE rule.actor_role = $1 AND (rule.action = $2 OR $2 = 'manage') AND rule.target_role = $3
  )
$$;--> statement-breakpoint

-- Only the app role is ruled on: the owner connection is the platform operator
-- (provisioning, the demo seed), which creates the first admins and auditors.
-- The request context is forgeable by whoever holds the app connection, but a
-- forged context can only claim a role, and every role is bound by this table.
CREATE FUNCTION users_guard_update() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  actor_role text := nullif(current_setting('app.role', true), '');
  actor_id uuid := nullif(current_setting('app.user_id', true), '')::uuid;
  own_row boolean := actor_id IS NOT NULL AND OLD.id = actor_id;
BEGIN
  IF current_user <> 'tally_app' THEN
    RETURN NEW;
  END IF;
  IF NEW.role IS DISTINCT FROM OLD.role OR NEW.unit_code IS DISTINCT FROM OLD.unit_code THEN
    IF own_row OR NOT users_may(actor_role, 'grant', OLD.role) OR NOT users_may(actor_role, 'grant', NEW.role) THEN
      RAISE EXCEPTION 'users: this role or unit change is not permitted' USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  IF NEW.disabled IS DISTINCT FROM OLD.disabled THEN
    IF own_row OR NOT users_may(actor_role, 'disable', OLD.role) THEN
      RAISE EXCEPTION 'users: disabling or enabling this account is not permitted' USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  -- One's own password is one's own (users_update lets a user write their own row).
  IF NEW.password_hash IS DISTINCT FROM OLD.password_hash AND NOT own_row THEN
    IF NOT users_may(actor_role, 'reset_password', OLD.role) THEN
      RAISE EXCEPTION 'users: resetting this password is not permitted' USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  -- A county keeps one active security admin and one active auditor. The lock
  -- serialises two such changes in one county, so two requests that each leave
  -- "one other" cannot both pass; the count runs after it, on a fresh snapshot.
  IF OLD.role IN ('security_admin', 'auditor') AND NOT OLD.disabled AND (NEW.disabled OR NEW.role <> OLD.role) THEN
    PERFORM pg_advisory_xact_lock(hashtext('tally.users.kept_roles'), OLD.county_id);
    IF NOT EXISTS (
      SELECT 1 FROM users
      WHERE county_id = OLD.county_id AND role = OLD.role AND NOT disabled AND id <> OLD.id
    ) THEN
      RAISE EXCEPTION 'users: a county keeps at least one active %', OLD.role USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION users_guard_update() FROM PUBLIC;--> statement-breakpoint
CREATE TRIGGER users_guard_update BEFORE UPDATE ON "users"
  FOR EACH ROW EXECUTE FUNCTION users_guard_update();
