-- dashboard_data_versions: one row per county, bumped once per statement that changes any table a
-- dashboard ranking or score trend reads (docs/decisions/0018-dashboard-result-cache.md), in the
-- same transaction as the change. The dashboard keys its result cache by it, so a cached result
-- is never stale. Statement-level AFTER triggers with transition tables: a 200,000-row import
-- bumps once. The function runs as the owner (SECURITY DEFINER); the app role may only read.
-- The table list is `dashboardInputTables` (packages/db/src/assessment/dashboard-inputs.ts); a
-- test holds the triggers below equal to it. Self-contained: the table comes from the migration
-- before this one.
ALTER TABLE "dashboard_data_versions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT ON "dashboard_data_versions" TO tally_app;--> statement-breakpoint

CREATE FUNCTION dashboard_data_version_bump() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  counties text := CASE TG_OP
    WHEN 'INSERT' THEN 'select county_id from new_rows'
    WHEN 'DELETE' THEN 'select county_id from old_rows'
    ELSE 'select county_id from new_rows union select county_id from old_rows' END;
BEGIN
  -- A long transaction (an import's commit job) bumps once, as its last statement, through
  -- dashboard_data_version_bump_county: bumping here would hold the county's version row from
  -- its first statement to COMMIT, and every other writer of the county would wait that long.
  IF current_setting('tally.dashboard_version_deferred', true) = 'on' THEN
    RETURN NULL;
  END IF;
  -- One row per county the statement touched, in county order (two writers lock rows in the same order).
  EXECUTE format($q$insert into dashboard_data_versions as v (county_id, version, changed_at)
    select distinct county_id, 1, now() from (%s) c where county_id is not null order by 1
    on conflict (county_id) do update set version = v.version + 1, changed_at = excluded.changed_at$q$, counties);
  RETURN NULL;
END $$;--> statement-breakpoint

-- The deferred bump (@tally/db dashboardVersionBumpedLast): the actor's own county only, and
-- the deferral ends with it, so any statement after it bumps as usual.
CREATE FUNCTION dashboard_data_version_bump_county() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  county integer := nullif(current_setting('app.county_id', true), '')::int;
BEGIN
  IF county IS NULL THEN
    RAISE EXCEPTION 'dashboard_data_version_bump_county: no county in this transaction';
  END IF;
  PERFORM set_config('tally.dashboard_version_deferred', 'off', true);
  INSERT INTO dashboard_data_versions AS v (county_id, version, changed_at) VALUES (county, 1, now())
    ON CONFLICT (county_id) DO UPDATE SET version = v.version + 1, changed_at = excluded.changed_at;
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION dashboard_data_version_bump_county() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION dashboard_data_version_bump_county() TO tally_app;--> statement-breakpoint

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['petition_cases', 'investigation_rounds', 'meetings', 'duty_logs', 'publicity_records', 'info_submissions', 'hazard_checks', 'disputes', 'mediation_files',
    'inspection_scores', 'checking_events', 'reports', 'report_obligations', 'work_calendars', 'units', 'assessment_rule_sets', 'assessment_results', 'assessment_rankings', 'assessment_breakdowns'] LOOP
    EXECUTE format('CREATE TRIGGER dashboard_data_version_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_data_version_bump()', t);
    EXECUTE format('CREATE TRIGGER dashboard_data_version_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_data_version_bump()', t);
    EXECUTE format('CREATE TRIGGER dashboard_data_version_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_data_version_bump()', t);
  END LOOP;
END $$;--> statement-breakpoint

-- Every county starts at version 0.
INSERT INTO dashboard_data_versions (county_id) SELECT county_id FROM counties ON CONFLICT DO NOTHING;
