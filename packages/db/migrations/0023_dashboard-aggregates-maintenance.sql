-- unit_month_facts: per unit and month, the records the assessment counts
-- (docs/decisions/0010-dashboard-aggregates.md). Kept current by statement-level triggers with
-- transition tables on the nine base tables, in the same transaction as the change: a bulk
-- import pays one grouped upsert per statement, not one per row. The trigger function runs as
-- the owner (SECURITY DEFINER): the app role reads the rows under RLS and can never write them.
-- Self-contained: the table comes from the migration before this one; this file adds FORCE RLS,
-- the grant, the functions, the triggers and the backfill.
ALTER TABLE "unit_month_facts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT ON "unit_month_facts" TO tally_app;--> statement-breakpoint

-- The unit a petition counts for (属地): the deepest of the registering, handling and assigned
-- units, the first one on a tie. Mirrors deepestUnit() and unitLevelOf() of the app (a county
-- code ends in 000000, a township's in 000); the aggregate property test holds them equal.
CREATE FUNCTION unit_month_facts_attributed(registered text, handling text, assigned text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  select code from (values (1, registered), (2, handling), (3, assigned)) as c(pos, code)
  where code is not null
  order by case when code like '%000000' then 3 when code like '%000' then 2 else 1 end, pos
  limit 1
$$;--> statement-breakpoint

-- The contributions of the rows of relation `rel` (a base table, or a transition table of
-- `base`): one line (county, unit, month, source, variant, n, total) per record and source.
CREATE FUNCTION unit_month_facts_contributions(base text, rel text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  day_column text := CASE base
    WHEN 'investigation_rounds' THEN 'held_on' WHEN 'meetings' THEN 'held_on' WHEN 'duty_logs' THEN 'duty_on'
    WHEN 'publicity_records' THEN 'held_on' WHEN 'info_submissions' THEN 'submitted_on' WHEN 'hazard_checks' THEN 'checked_on'
    WHEN 'disputes' THEN 'found_on' WHEN 'mediation_files' THEN 'signed_on' END;
  q text;
BEGIN
  IF base = 'petition_cases' THEN
    RETURN format($q$select county_id, unit_month_facts_attributed(registered_unit_code, unit_code, assigned_unit_code)::varchar(12) as unit_code,
      date_trunc('month', received_at at time zone 'Asia/Shanghai')::date as month, 'petition'::text as source,
      people_count::text || '|' || skip_level::text as variant, 1 as n, 1::bigint as total
      from %I where deleted_at is null$q$, rel);
  END IF;
  IF day_column IS NULL THEN
    RAISE EXCEPTION 'unit_month_facts: no contributions defined for %', base;
  END IF;
  q := format($q$select county_id, unit_code, date_trunc('month', %2$I)::date as month, 'register'::text as source, %3$L::text as variant,
    1 as n, 1::bigint as total from %1$I where deleted_at is null$q$, rel, day_column, base);
  IF base = 'meetings' THEN
    q := q || format($q$ union all select county_id, unit_code, date_trunc('month', held_on)::date, 'meeting', '', 1, 1 from %1$I where deleted_at is null
      union all select county_id, unit_code, date_trunc('month', held_on)::date, 'meeting-absent', '', 1, absent_count from %1$I where deleted_at is null and absent_count > 0$q$, rel);
  ELSIF base = 'info_submissions' THEN
    q := q || format($q$ union all select county_id, unit_code, date_trunc('month', submitted_on)::date, 'info-adopted', adopted_level, 1, 1
      from %1$I where deleted_at is null and adopted_level <> 'none'$q$, rel);
  ELSIF base = 'investigation_rounds' THEN
    q := q || format($q$ union all select county_id, unit_code, date_trunc('month', held_on)::date, 'investigation', '', 1, 1 from %1$I where deleted_at is null$q$, rel);
  ELSIF base = 'mediation_files' THEN
    q := q || format($q$ union all select county_id, unit_code, date_trunc('month', signed_on)::date, 'mediation', '', 1, 1 from %1$I where deleted_at is null$q$, rel);
  ELSIF base = 'disputes' THEN
    -- Settled disputes keep their exact day: a page read up to today must leave out one settled later.
    q := q || format($q$ union all select county_id, unit_code, date_trunc('month', found_on)::date, 'dispute-found', '', 1, 1 from %1$I where deleted_at is null
      union all select county_id, unit_code, date_trunc('month', found_on)::date, 'dispute-settled',
        severity || '|' || coalesce(revisit_class::text, '') || '|' || to_char(coalesce(settled_on, found_on), 'YYYY-MM-DD'), 1, 1
      from %1$I where deleted_at is null and outcome = 'settled'$q$, rel);
  END IF;
  RETURN q;
END $$;--> statement-breakpoint

-- Days of a month with a duty record, as bits (day d is bit d-1), recomputed from duty_logs.
CREATE FUNCTION unit_month_facts_duty_days(county integer, unit text, first_day date) RETURNS integer
LANGUAGE sql STABLE AS $$
  select coalesce(bit_or(1 << (extract(day from d.duty_on)::int - 1)), 0)
  from duty_logs d
  where d.county_id = county and d.unit_code = unit and d.duty_on >= first_day
    and d.duty_on < (first_day + interval '1 month')::date and d.deleted_at is null
$$;--> statement-breakpoint

-- The whole table recomputed from the base tables: the backfill, and the reference the
-- property test compares the maintained rows with.
CREATE FUNCTION unit_month_facts_recomputed()
RETURNS TABLE (county_id integer, unit_code varchar(12), month date, source text, variant text, n integer, total bigint, days integer)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  parts text[] := '{}';
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['petition_cases', 'investigation_rounds', 'meetings', 'duty_logs', 'publicity_records', 'info_submissions', 'hazard_checks', 'disputes', 'mediation_files'] LOOP
    parts := parts || unit_month_facts_contributions(t, t);
  END LOOP;
  RETURN QUERY EXECUTE format($q$select c.county_id, c.unit_code::varchar(12), c.month, c.source, c.variant, sum(c.n)::int, sum(c.total)::bigint,
      case when c.source = 'register' and c.variant = 'duty_logs' then unit_month_facts_duty_days(c.county_id, c.unit_code, c.month) else 0 end
    from (%s) c group by 1, 2, 3, 4, 5$q$, array_to_string(parts, ' union all '));
END $$;--> statement-breakpoint

-- The trigger: adds the new rows' contributions and takes away the old rows', as one grouped
-- upsert per statement, in key order (two writers meet on rows in the same order).
CREATE FUNCTION unit_month_facts_maintain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  parts text[] := '{}';
  touched text[] := '{}';
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    parts := parts || format('select county_id, unit_code, month, source, variant, n, total from (%s) c', unit_month_facts_contributions(TG_TABLE_NAME, 'new_rows'));
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    parts := parts || format('select county_id, unit_code, month, source, variant, -n as n, -total as total from (%s) c', unit_month_facts_contributions(TG_TABLE_NAME, 'old_rows'));
  END IF;
  EXECUTE format($q$insert into unit_month_facts as f (county_id, unit_code, month, source, variant, n, total, changed_at)
    select county_id, unit_code, month, source, variant, sum(n)::int, sum(total)::bigint, now()
    from (%s) d group by 1, 2, 3, 4, 5 having sum(n) <> 0 or sum(total) <> 0
    order by 1, 3, 2, 4, 5
    on conflict (county_id, month, unit_code, source, variant)
    do update set n = f.n + excluded.n, total = f.total + excluded.total, changed_at = excluded.changed_at$q$, array_to_string(parts, ' union all '));
  IF TG_TABLE_NAME = 'duty_logs' THEN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN touched := touched || 'select county_id, unit_code, date_trunc(''month'', duty_on)::date as month from new_rows'::text; END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN touched := touched || 'select county_id, unit_code, date_trunc(''month'', duty_on)::date as month from old_rows'::text; END IF;
    EXECUTE format($q$update unit_month_facts f set days = unit_month_facts_duty_days(f.county_id, f.unit_code, f.month), changed_at = now()
      from (%s) t
      where f.county_id = t.county_id and f.month = t.month and f.unit_code = t.unit_code and f.source = 'register' and f.variant = 'duty_logs'
        and f.days <> unit_month_facts_duty_days(f.county_id, f.unit_code, f.month)$q$, array_to_string(touched, ' union '));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['petition_cases', 'investigation_rounds', 'meetings', 'duty_logs', 'publicity_records', 'info_submissions', 'hazard_checks', 'disputes', 'mediation_files'] LOOP
    EXECUTE format('CREATE TRIGGER unit_month_facts_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_month_facts_maintain()', t);
    EXECUTE format('CREATE TRIGGER unit_month_facts_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_month_facts_maintain()', t);
    EXECUTE format('CREATE TRIGGER unit_month_facts_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_month_facts_maintain()', t);
  END LOOP;
END $$;--> statement-breakpoint

-- Backfill: the records already there.
INSERT INTO unit_month_facts (county_id, unit_code, month, source, variant, n, total, days)
SELECT county_id, unit_code, month, source, variant, n, total, days FROM unit_month_facts_recomputed();
