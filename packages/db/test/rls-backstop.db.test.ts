import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transaction } from '../src/client.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

/*
 * The database backstop on its own, with no API in front: as the app role,
 * whatever the request context says, county 1's rows stay out of reach.
 */
const PLATFORM_TABLES = ['account_directory', 'sign_in_failures'];
let database: TestDatabase;
let tenantTables: string[] = [];
let countyOneUserId = '';
const FIXTURE_CASE_ID = '00000000-0000-4000-8000-000000000001';
const FIXTURE_BATCH_ID = '00000000-0000-4000-8000-000000000002';
const FIXTURE_RULE_SET_ID = '00000000-0000-4000-8000-000000000003';
const FIXTURE_RESULT_ID = '00000000-0000-4000-8000-000000000004';
const FIXTURE_REPORT_ID = '00000000-0000-4000-8000-000000000005';

type Context = Record<string, string> | null;
const contexts: Record<string, Context> = {
  'no settings': null,
  'empty-string settings': {
    'app.county_id': '',
    'app.scope': '',
    'app.user_id': '',
    'app.role': '',
    'app.login_name': '',
    'app.session_id': '',
  },
  "another county's county_admin": {
    'app.county_id': '2',
    'app.scope': '130535',
    'app.user_id': '',
    'app.role': 'county_admin',
    'app.login_name': '',
    'app.session_id': '',
  },
  "another county's auditor": {
    'app.county_id': '2',
    'app.scope': '130535',
    'app.user_id': '',
    'app.role': 'auditor',
    'app.login_name': '',
    'app.session_id': '',
  },
};

async function inContext<T>(context: Context, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return database.app.db.transaction(async (tx) => {
    if (context) {
      for (const [name, value] of Object.entries(context))
        await tx.execute(sql`select set_config(${name}, ${value}, true)`);
    }
    return fn(tx);
  });
}

/** One row per tenant table that belongs to county 1, written from county 2's context. */
function foreignInsert(table: string): ReturnType<typeof sql> {
  switch (table) {
    case 'counties':
      return sql`insert into counties (county_id, code, name) values (1, '999999', 'x')`;
    case 'units':
      return sql`insert into units (county_id, code, level, parent_code, name) values (1, '130534100299', 'village', '130534100000', 'x')`;
    case 'users':
      return sql`insert into users (county_id, login_name, display_name, role, unit_code, password_hash) values (1, 'intruder', 'x', 'county_admin', '130534000000', 'x')`;
    case 'sessions':
      return sql`insert into sessions (county_id, id, user_id, secret_hash, created_at, last_used_at) values (1, '1-x', ${countyOneUserId}, '\\x00', now(), now())`;
    case 'audit_log':
      return sql`insert into audit_log (county_id, action, result) values (1, 'forged', 'ok')`;
    case 'petition_cases':
      return sql`insert into petition_cases (county_id, case_number, unit_code, registered_unit_code, received_at, channel, category, summary, status, state, petitioner_name, created_by) values (1, 'forged', '130534100201', '130534100201', now(), 'visit', 'other', 'x', 'registered', '{}', 'x', ${countyOneUserId})`;
    case 'case_transitions':
      return sql`insert into case_transitions (county_id, case_id, unit_code, registered_unit_code, action, to_status, actor_user_id, actor_name, at) values (1, ${FIXTURE_CASE_ID}, '130534100201', '130534100201', 'accept', 'archived', ${countyOneUserId}, 'x', now())`;
    case 'case_counters':
      return sql`insert into case_counters (county_id, year, last_number) values (1, 2031, 0)`;
    case 'work_calendars':
      return sql`insert into work_calendars (county_id, year, holidays, makeup_workdays) values (1, 2031, '[]', '[]')`;
    case 'import_batches':
      return sql`insert into import_batches (county_id, unit_code, register, file_name, byte_size, created_by) values (1, '130534100201', 'meetings', 'forged.csv', 1, ${countyOneUserId})`;
    case 'import_rows':
      return sql`insert into import_rows (county_id, batch_id, row_number, unit_code, outcome, values, fingerprint) values (1, ${FIXTURE_BATCH_ID}, 99, '130534100201', 'valid', '{}', 'forged')`;
    case 'assessment_rule_sets':
      return sql`insert into assessment_rule_sets (county_id, year, status, content, content_hash, created_by) values (1, 2031, 'draft', '{}', 'forged', ${countyOneUserId})`;
    case 'inspection_scores':
      return sql`insert into inspection_scores (county_id, unit_code, year, component, period_no, score, entered_by_unit, created_by, created_by_name) values (1, '130534100201', 2031, 'year-end', 1, 100, '130534100000', ${countyOneUserId}, 'x')`;
    case 'checking_events':
      return sql`insert into checking_events (county_id, unit_code, kind, occurred_on, description, entered_by_unit, created_by, created_by_name) values (1, '130534100201', 'mass-incident', '2031-01-01', 'forged', '130534100000', ${countyOneUserId}, 'x')`;
    case 'assessment_results':
      return sql`insert into assessment_results (county_id, year, period, scope_code, ranked_level, rule_set_id, rule_set_hash, period_from, period_to, period_closed, as_of, published_by, published_by_name) values (1, 2031, 'year', '130534000000', 'township', ${FIXTURE_RULE_SET_ID}, 'forged', '2031-01-01', '2031-12-31', true, now(), ${countyOneUserId}, 'x')`;
    case 'assessment_rankings':
      return sql`insert into assessment_rankings (county_id, result_id, unit_code, scope_code, ranked_level, unit_name, final_milli, rank, vetoed) values (1, ${FIXTURE_RESULT_ID}, '130534100000', '130534000000', 'township', 'x', 0, 1, false)`;
    case 'assessment_breakdowns':
      return sql`insert into assessment_breakdowns (county_id, result_id, unit_code, assessment) values (1, ${FIXTURE_RESULT_ID}, '130534100000', '{}')`;
    case 'report_obligations':
      return sql`insert into report_obligations (county_id, year, level, kind, grace_days) values (1, 2031, 'village', 'monthly', 3)`;
    case 'reports':
      return sql`insert into reports (county_id, unit_code, parent_code, kind, period_key, narrative, created_by) values (1, '130534100201', '130534100000', 'monthly', '2031-01', '{}', ${countyOneUserId})`;
    case 'report_versions':
      return sql`insert into report_versions (county_id, report_id, unit_code, parent_code, version_no, draft_version, zero, figures, narrative, submitted_at, submitted_by, submitted_by_name) values (1, ${FIXTURE_REPORT_ID}, '130534100201', '130534100000', 9, 9, false, '{}', '{}', now(), ${countyOneUserId}, 'x')`;
    case 'immediate_reports':
      return sql`insert into immediate_reports (county_id, unit_code, event_kind, title, summary, occurred_at, known_at, reported_at, reported_by, reported_by_name) values (1, '130534100201', 'other', 'forged', 'x', now(), now(), now(), ${countyOneUserId}, 'x')`;
    case 'unit_month_facts':
      return sql`insert into unit_month_facts (county_id, unit_code, month, source, variant, n, total) values (1, '130534100201', '2031-01-01', 'meeting', '', 1, 1)`;
    case 'dashboard_data_versions':
      return sql`insert into dashboard_data_versions (county_id, version) values (1, 100)`;
    default:
      if (table in registerFixtures) return registerInsert(table, 'forged');
      throw new Error(`no foreign-row fixture for tenant table ${table}: add one`);
  }
}

/** Drizzle wraps the server's error; the refusal reason is on its cause. */
async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? (error as Error).message;
  }
  return 'not refused';
}

/** One valid row per register, county 1, village 130534100201. */
const registerFixtures: Record<string, Record<string, string | number>> = {
  investigation_rounds: { held_on: '2026-03-05', scope: 'routine', findings_count: 0 },
  meetings: { held_on: '2026-03-05', kind: 'joint', attendees: '张三、李四' },
  duty_logs: { duty_on: '2026-03-05', leader: '王五', staff: '赵六' },
  publicity_records: { held_on: '2026-03-05', form: 'lecture', audience_size: 40 },
  info_submissions: { submitted_on: '2026-03-05', title: '简报', adopted_level: 'county' },
  hazard_checks: { checked_on: '2026-03-05', place: '村口', hazard: '电线老化' },
  disputes: {
    found_on: '2026-03-05',
    source: 'visit',
    dispute_type: 'neighbours',
    parties: '甲、乙',
    severity: 'minor',
    summary: '宅基地',
  },
  mediation_files: {
    agreement_number: 'T-1',
    signed_on: '2026-03-05',
    parties: '甲、乙',
    facts: 'f',
    disputed_matters: 'd',
    responsibilities: 'r',
    rights_and_obligations: 'o',
    performance: 'p',
    mediator: 'm',
    committee: 'c',
  },
};

function registerInsert(table: string, fingerprint: string) {
  const values = {
    county_id: 1,
    unit_code: '130534100201',
    fingerprint,
    created_by: countyOneUserId,
    ...registerFixtures[table],
  };
  const columns = sql.join(
    Object.keys(values).map((name) => sql.identifier(name)),
    sql`, `,
  );
  const params = sql.join(
    Object.values(values).map((value) => sql`${value}`),
    sql`, `,
  );
  return sql`insert into ${sql.identifier(table)} (${columns}) values (${params})`;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  countyOneUserId = (await actorByLogin(database.owner.db, 'a_admin')).userId;
  // A session and an audit row in county 1, so every table has something to hide.
  await database.owner.db.execute(
    sql`insert into sessions (county_id, id, user_id, secret_hash, created_at, last_used_at) values (1, '1-existing', ${countyOneUserId}, '\\x01', now(), now())`,
  );
  await database.owner.db.execute(sql`insert into audit_log (county_id, action, result) values (1, 'fixture', 'ok')`);
  await database.owner.db.execute(
    sql`insert into petition_cases (county_id, id, case_number, unit_code, registered_unit_code, received_at, channel, category, summary, status, state, petitioner_name, created_by) values (1, ${FIXTURE_CASE_ID}, '130534-2026-000001', '130534100201', '130534100201', now(), 'visit', 'other', '示例', 'registered', '{}', '张三', ${countyOneUserId})`,
  );
  await database.owner.db.execute(
    sql`insert into case_transitions (county_id, case_id, unit_code, registered_unit_code, action, to_status, actor_user_id, actor_name, at) values (1, ${FIXTURE_CASE_ID}, '130534100201', '130534100201', 'register', 'registered', ${countyOneUserId}, '张三', now())`,
  );
  await database.owner.db.execute(sql`insert into case_counters (county_id, year, last_number) values (1, 2026, 1)`);
  await database.owner.db.execute(
    sql`insert into work_calendars (county_id, year, holidays, makeup_workdays) values (1, 2026, '[]', '[]')`,
  );
  for (const table of Object.keys(registerFixtures)) await database.owner.db.execute(registerInsert(table, 'fixture'));
  await database.owner.db.execute(
    sql`insert into import_batches (county_id, id, unit_code, register, file_name, byte_size, file_bytes, status, created_by) values (1, ${FIXTURE_BATCH_ID}, '130534100201', 'meetings', '会议.csv', 3, '\\x616263', 'previewed', ${countyOneUserId})`,
  );
  await database.owner.db.execute(
    sql`insert into import_rows (county_id, batch_id, row_number, unit_code, outcome, values, fingerprint) values (1, ${FIXTURE_BATCH_ID}, 2, '130534100201', 'valid', '{"held_on":"2026-03-05"}', 'fixture')`,
  );
  await database.owner.db.execute(
    sql`insert into assessment_rule_sets (county_id, id, year, status, content, content_hash, created_by, published_at, published_by) values (1, ${FIXTURE_RULE_SET_ID}, 2026, 'published', '{}', 'fixture', ${countyOneUserId}, now(), ${countyOneUserId})`,
  );
  await database.owner.db.execute(
    sql`insert into inspection_scores (county_id, unit_code, year, component, period_no, score, entered_by_unit, created_by, created_by_name) values (1, '130534100201', 2026, 'routine', 3, 88.5, '130534100000', ${countyOneUserId}, '检查组')`,
  );
  await database.owner.db.execute(
    sql`insert into checking_events (county_id, unit_code, kind, level, occurred_on, description, entered_by_unit, created_by, created_by_name) values (1, '130534100201', 'night-duty-off-post', 'criticism', '2026-03-05', '夜查脱岗', '130534100000', ${countyOneUserId}, '检查组')`,
  );
  await database.owner.db.execute(
    sql`insert into assessment_results (county_id, id, year, period, scope_code, ranked_level, rule_set_id, rule_set_hash, period_from, period_to, period_closed, as_of, published_by, published_by_name) values (1, ${FIXTURE_RESULT_ID}, 2026, 'year', '130534000000', 'township', ${FIXTURE_RULE_SET_ID}, 'fixture', '2026-01-01', '2026-12-31', true, now(), ${countyOneUserId}, '管理员')`,
  );
  await database.owner.db.execute(
    sql`insert into assessment_rankings (county_id, result_id, unit_code, scope_code, ranked_level, unit_name, final_milli, rank, vetoed) values (1, ${FIXTURE_RESULT_ID}, '130534100000', '130534000000', 'township', '示例镇', 90000, 1, false)`,
  );
  await database.owner.db.execute(
    sql`insert into assessment_breakdowns (county_id, result_id, unit_code, assessment) values (1, ${FIXTURE_RESULT_ID}, '130534100000', '{}')`,
  );
  // report_obligations: provisioning writes the county's 2026 defaults.
  await database.owner.db.execute(
    sql`insert into reports (county_id, id, unit_code, parent_code, kind, period_key, state, narrative, version, filed_version_no, submitted_at, created_by) values (1, ${FIXTURE_REPORT_ID}, '130534100201', '130534100000', 'monthly', '2026-03', 'submitted', '{}', 1, 1, now(), ${countyOneUserId})`,
  );
  await database.owner.db.execute(
    sql`insert into report_versions (county_id, report_id, unit_code, parent_code, version_no, draft_version, zero, figures, narrative, submitted_at, submitted_by, submitted_by_name) values (1, ${FIXTURE_REPORT_ID}, '130534100201', '130534100000', 1, 0, false, '{}', '{}', now(), ${countyOneUserId}, '村干部')`,
  );
  await database.owner.db.execute(
    sql`insert into immediate_reports (county_id, unit_code, event_kind, title, summary, occurred_at, known_at, reported_at, reported_by, reported_by_name) values (1, '130534100201', 'mass_incident', '聚集', '村口聚集约二十人', now() - interval '40 minutes', now() - interval '30 minutes', now(), ${countyOneUserId}, '村干部')`,
  );
  const rows = await database.owner.db.execute(
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' order by 1`,
  );
  tenantTables = (rows as unknown as Array<{ name: string }>)
    .map((row) => row.name)
    .filter((name) => !PLATFORM_TABLES.includes(name));
});

afterAll(async () => {
  await database?.drop();
});

describe('schema guarantees', () => {
  it('every tenant table has RLS enabled and forced, and a primary key led by county_id', async () => {
    expect(tenantTables.length).toBeGreaterThanOrEqual(5);
    const rows = await database.owner.db.execute(sql`
      select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
        (select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
          where i.indrelid = c.oid and i.indisprimary) as pk_first
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'`);
    const byName = new Map(
      (rows as unknown as Array<{ name: string; enabled: boolean; forced: boolean; pk_first: string }>).map((row) => [
        row.name,
        row,
      ]),
    );
    for (const table of tenantTables) {
      expect({ table, ...byName.get(table) }).toEqual({
        table,
        name: table,
        enabled: true,
        forced: true,
        pk_first: 'county_id',
      });
    }
    process.stdout.write(`tables with RLS forced: ${tenantTables.length} (${tenantTables.join(', ')})\n`);
  });

  it('every tenant table has at least one policy for the app role', async () => {
    const rows = await database.owner.db.execute(
      sql`select tablename, count(*)::int as n from pg_policies where schemaname = 'public' and 'tally_app' = any(roles) group by 1`,
    );
    const counts = new Map(
      (rows as unknown as Array<{ tablename: string; n: number }>).map((row) => [row.tablename, row.n]),
    );
    for (const table of tenantTables) expect(counts.get(table) ?? 0, table).toBeGreaterThan(0);
  });

  it('the app role owns nothing, is no superuser and cannot bypass RLS', async () => {
    const [role] = (await database.owner.db.execute(
      sql`select rolsuper, rolbypassrls from pg_roles where rolname = 'tally_app'`,
    )) as unknown as Array<{ rolsuper: boolean; rolbypassrls: boolean }>;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await database.owner.db.execute(
      sql`select relname from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = 'tally_app'`,
    );
    expect([...owned]).toEqual([]);
  });

  it('the app role cannot touch the platform tables (login directory, sign-in failures)', async () => {
    for (const table of PLATFORM_TABLES)
      expect(
        await refusal(
          inContext(contexts["another county's county_admin"]!, (tx) =>
            tx.execute(sql`select * from ${sql.identifier(table)}`),
          ),
        ),
        table,
      ).toMatch(/permission denied/);
  });
});

describe.each(Object.entries(contexts))('as the app role with %s', (_label, context) => {
  it('every tenant table shows 0 rows of county 1', async () => {
    for (const table of tenantTables) {
      const [ownerView] = (await database.owner.db.execute(
        sql`select count(*)::int as n from ${sql.identifier(table)} where county_id = 1`,
      )) as unknown as Array<{ n: number }>;
      expect(ownerView!.n, `${table} has county 1 rows to hide`).toBeGreaterThan(0);
      const [appView] = (await inContext(context, (tx) =>
        tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where county_id = 1`),
      )) as unknown as Array<{ n: number }>;
      expect(appView!.n, table).toBe(0);
    }
  });

  it('inserting a county 1 row into any tenant table is refused', async () => {
    for (const table of tenantTables) {
      expect(await refusal(inContext(context, (tx) => tx.execute(foreignInsert(table)))), table).toMatch(
        /row-level security|permission denied/,
      );
    }
  });

  it('updating or deleting county 1 rows changes nothing', async () => {
    for (const table of [
      'units',
      'users',
      'sessions',
      'petition_cases',
      'case_counters',
      'work_calendars',
      'import_batches',
      'import_rows',
      'report_obligations',
      'reports',
      ...Object.keys(registerFixtures),
    ]) {
      const before = await database.owner.db.execute(
        sql`select * from ${sql.identifier(table)} where county_id = 1 order by 2`,
      );
      await inContext(context, async (tx) => {
        if (table === 'sessions' || table === 'import_rows')
          await tx.execute(sql`delete from ${sql.identifier(table)} where county_id = 1`);
        else if (table === 'case_counters')
          await tx.execute(sql`update case_counters set last_number = last_number + 1 where county_id = 1`);
        else
          await tx.execute(
            sql`update ${sql.identifier(table)} set updated_at = now() - interval '1 day' where county_id = 1`,
          );
      });
      const after = await database.owner.db.execute(
        sql`select * from ${sql.identifier(table)} where county_id = 1 order by 2`,
      );
      expect([...after], table).toEqual([...before]);
    }
  });
});

describe('audit log is append-only for the app role', () => {
  const own = {
    'app.county_id': '1',
    'app.scope': '130534',
    'app.user_id': '',
    'app.role': 'auditor',
    'app.login_name': '',
    'app.session_id': '',
  };
  it('refuses UPDATE and DELETE even in its own county', async () => {
    expect(await refusal(inContext(own, (tx) => tx.execute(sql`update audit_log set action = 'rewritten'`)))).toMatch(
      /permission denied/,
    );
    expect(await refusal(inContext(own, (tx) => tx.execute(sql`delete from audit_log`)))).toMatch(/permission denied/);
  });
});

describe('separation of duties in the database', () => {
  it.each(['security_admin', 'auditor'])('%s of the same county sees no case data', async (role) => {
    const context = {
      'app.county_id': '1',
      'app.scope': '130534',
      'app.user_id': '',
      'app.role': role,
      'app.login_name': '',
      'app.session_id': '',
    };
    for (const table of [
      'petition_cases',
      'case_transitions',
      'import_batches',
      'import_rows',
      'reports',
      'report_versions',
      'immediate_reports',
      ...Object.keys(registerFixtures),
    ]) {
      const [row] = (await inContext(context, (tx) =>
        tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`),
      )) as unknown as Array<{ n: number }>;
      expect(row!.n, table).toBe(0);
    }
  });

  it('a village of another township sees none of a village case', async () => {
    const context = {
      'app.county_id': '1',
      'app.scope': '130534101201',
      'app.user_id': '',
      'app.role': 'village_staff',
      'app.login_name': '',
      'app.session_id': '',
    };
    const [row] = (await inContext(context, (tx) =>
      tx.execute(sql`select count(*)::int as n from petition_cases`),
    )) as unknown as Array<{ n: number }>;
    expect(row!.n).toBe(0);
  });
});
