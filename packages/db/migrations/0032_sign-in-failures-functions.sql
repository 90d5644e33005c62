-- sign_in_failures: failed sign-ins per source address, shared by every server process
-- (docs/decisions/0024-one-worker-per-core.md, docs/security.md "Sign-in"). A platform table
-- read before any actor exists (like account_directory, 0001-sign-in-under-rls.md): the app
-- role has no privilege on it and reaches it only through the two functions below. RLS is
-- enabled and forced with no policy, so nothing but the owner's functions sees a row.
ALTER TABLE "sign_in_failures" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sign_in_failures" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
REVOKE ALL ON "sign_in_failures" FROM PUBLIC;--> statement-breakpoint

-- Reserve an attempt for a source: true and the attempt counted, or false when the source
-- already has p_limit failures inside the window. One statement on one row: ON CONFLICT DO
-- UPDATE locks the row, so attempts racing from several processes are counted one by one and
-- cannot all slip under the limit. Failures older than the window are dropped as it goes.
CREATE FUNCTION auth_sign_in_reserve(p_source text, p_now timestamptz, p_limit integer, p_window interval) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  reserved boolean;
BEGIN
  INSERT INTO sign_in_failures AS f (source_key, failures, last_failure_at)
  VALUES (p_source, ARRAY[p_now], p_now)
  ON CONFLICT (source_key) DO UPDATE
    SET failures = ARRAY(SELECT at FROM unnest(f.failures) AS at WHERE at > p_now - p_window ORDER BY at) || p_now,
        last_failure_at = greatest(f.last_failure_at, p_now)
    WHERE (SELECT count(*) FROM unnest(f.failures) AS at WHERE at > p_now - p_window) < p_limit
  RETURNING true INTO reserved;
  RETURN coalesce(reserved, false);
END $$;--> statement-breakpoint

-- A successful sign-in gives its reservation back: one occurrence of p_at is removed.
CREATE FUNCTION auth_sign_in_give_back(p_source text, p_at timestamptz) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE sign_in_failures
  SET failures = failures[1:array_position(failures, p_at) - 1] || failures[array_position(failures, p_at) + 1:]
  WHERE source_key = p_source AND array_position(failures, p_at) IS NOT NULL
$$;--> statement-breakpoint

REVOKE ALL ON FUNCTION auth_sign_in_reserve(text, timestamptz, integer, interval) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_sign_in_give_back(text, timestamptz) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_sign_in_reserve(text, timestamptz, integer, interval) TO tally_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_sign_in_give_back(text, timestamptz) TO tally_app;
