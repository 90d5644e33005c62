/**
 * The dashboard at county size (not a test): ranking, breakdown and score trend procedures
 * against, in the same run on the same data,
 *   raw:    the SQL aggregate over the base tables that gives the same numbers (the per-unit,
 *           per-month counts of the window's records, grouped in the database, as the same actor
 *           under RLS): what a page without aggregates has to read at the very least;
 *   direct: reading the window's rows of unit_month_facts (the page's own aggregates), as the
 *           same actor. Goals: page ≥ 10× faster than raw, within 1.5× of direct.
 * Then the cost of keeping them current: the 200,000-row meetings CSV imported (preview +
 * commit procedures) with the triggers and without (disabled for the run), rounds in ABBA order.
 *
 * Data: the demo county 清河县 (193 units, six months of ledgers and cases) copied back in time
 * BENCH_SCALE times (default 6: three years), or, with BENCH_DATABASE_URL (an owner URL), a
 * database that already holds the data (e.g. the three-year generator's), migrated in place;
 * an empty one is seeded and copied back first, and kept (so the next run starts at once).
 * Run: npm run bench -- dashboard-aggregates
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  aggregateBaseTables,
  appUrlFrom,
  createDb,
  enableAppRoleLogin,
  runMigrations,
  withActor,
  type DbHandle,
} from '@tally/db';
import { seedDemoIfEmpty } from '@tally/demo';
import { dashboardResults } from '@tally/web/server/dashboard/result-cache.ts';
import { createCaller } from '@tally/web/server/routers/root.ts';
import { actorByLogin } from '../setup/two-counties.ts';
import { commitAndWait } from '../setup/import-commit.ts';
import { openBenchDatabase, timeIt } from './support/bench-database.ts';
import { meetingsCsv } from './support/meetings-csv.ts';

const NOW = new Date('2026-11-23T10:00:00+08:00');
const COUNTY = '130534000000';
const SCALE = Number(process.env.BENCH_SCALE ?? 6);
const IMPORT_ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 2);
const IMPORT_ROWS = 200_000;
const BASE_TABLES = aggregateBaseTables;
const DAY_COLUMN: Record<string, string> = {
  petition_cases: 'received_at',
  investigation_rounds: 'held_on',
  meetings: 'held_on',
  duty_logs: 'duty_on',
  publicity_records: 'held_on',
  info_submissions: 'submitted_on',
  hazard_checks: 'checked_on',
  disputes: 'found_on',
  mediation_files: 'signed_on',
};

interface Handles {
  owner: DbHandle;
  app: DbHandle;
  close(): Promise<void>;
}

async function openDatabase(): Promise<Handles> {
  const given = process.env.BENCH_DATABASE_URL;
  if (!given) {
    const db = await openBenchDatabase();
    await seedDemoIfEmpty(db.owner.db, { now: NOW });
    await scaleBack(db.owner);
    return db;
  }
  await runMigrations(given);
  const password = randomBytes(12).toString('hex');
  await enableAppRoleLogin(given, password);
  const owner = createDb(given, { max: 2 });
  const app = createDb(appUrlFrom(given, password), { max: 4 });
  // An empty database is seeded and copied back here, and kept for the next run.
  if ((await seedDemoIfEmpty(owner.db, { now: NOW })).seeded) await scaleBack(owner);
  return {
    owner,
    app,
    async close() {
      await app.close();
      await owner.close();
    },
  };
}

/** Copies every record of the nine base tables back by 6, 12, … months (new ids, fingerprints and case numbers), as the owner. */
async function scaleBack(owner: DbHandle): Promise<void> {
  const started = performance.now();
  for (let copy = 1; copy < SCALE; copy++) {
    const shift = `interval '${6 * copy} months'`;
    for (const table of BASE_TABLES) {
      const columns = (await owner.client.unsafe(
        `select column_name, data_type from information_schema.columns where table_schema = 'public' and table_name = $1 and column_name <> 'id' and is_generated = 'NEVER' order by ordinal_position`,
        [table],
      )) as unknown as Array<{ column_name: string; data_type: string }>;
      const value = ({ column_name: c, data_type: type }: { column_name: string; data_type: string }) => {
        if (c === 'fingerprint' || c === 'import_fingerprint') return `${c} || '#${copy}'`;
        if (c === 'case_number') return `${c} || '-${copy}'`;
        if (['created_at', 'updated_at', 'deleted_at'].includes(c)) return c;
        if (type === 'date') return `(${c} - ${shift})::date`;
        if (type.startsWith('timestamp')) return `${c} - ${shift}`;
        return c;
      };
      // Only the demo's own rows are copied (copies carry a suffix): each copy is one more half year.
      const original = table === 'petition_cases' ? `case_number not like '%-%-%-%'` : `fingerprint not like '%#%'`;
      await owner.client.unsafe(
        `insert into ${table} (${columns.map((c) => c.column_name).join(', ')}) select ${columns.map(value).join(', ')} from ${table} where ${original}`,
      );
    }
  }
  await owner.client.unsafe('vacuum analyze');
  const [count] = (await owner.client.unsafe(
    `select (select count(*) from petition_cases) + ${BASE_TABLES.slice(1)
      .map((t) => `(select count(*) from ${t})`)
      .join(' + ')} as n`,
  )) as unknown as Array<{ n: string }>;
  process.stdout.write(
    `demo county copied back ${SCALE - 1} times in ${((performance.now() - started) / 1000).toFixed(0)} s: ${Number(count!.n).toLocaleString('en')} ledger rows and cases\n`,
  );
}

async function main() {
  const db = await openDatabase();
  try {
    const admin = await actorByLogin(db.owner.db, 'admin');
    const caller = createCaller({ db: db.app.db, actor: admin, ip: null, now: NOW });
    // The contributions are SQL text (the migration's own function): the raw statement reads the
    // window's rows of the base tables exactly as the page needs them — the ranked units' own
    // records, and every petition of the county — and groups them as the aggregates do.
    const rawSql = async (from: string, to: string, own: readonly string[], prefix: string) => {
      const parts = await Promise.all(
        BASE_TABLES.map(async (table) => {
          const [row] = (await db.owner.client.unsafe(`select unit_month_facts_contributions($1, $2) as q`, [
            table,
            `w_${table}`,
          ])) as unknown as Array<{ q: string }>;
          return row!.q;
        }),
      );
      const codes = own.map((code) => `'${code}'`).join(', ');
      const windows = BASE_TABLES.map((table) =>
        table === 'petition_cases'
          ? `w_${table} as (select * from ${table} where county_id = 1 and received_at >= ('${from}'::date)::timestamp at time zone 'Asia/Shanghai' and received_at < ('${to}'::date + 1)::timestamp at time zone 'Asia/Shanghai')`
          : `w_${table} as (select * from ${table} where county_id = 1 and unit_code in (${codes}) and ${DAY_COLUMN[table]} between '${from}' and '${to}')`,
      );
      return sql.raw(`with ${windows.join(', ')},
        duty as (select unit_code, date_trunc('month', duty_on)::date as month, bit_or(1 << (extract(day from duty_on)::int - 1)) as days from w_duty_logs where deleted_at is null group by 1, 2)
        select x.unit_code, x.month, x.source, x.variant, sum(x.n) as n, sum(x.total) as total, max(duty.days) as days
        from (${parts.join(' union all ')}) x left join duty on duty.unit_code = x.unit_code and duty.month = x.month and x.source = 'register' and x.variant = 'duty_logs'
        where starts_with(x.unit_code, '${prefix}')
        group by 1, 2, 3, 4`);
    };
    // As the page reads them: the ranked units' own sources, and the area's petitions.
    const direct = (from: string, to: string, own: readonly string[], prefix: string) =>
      sql`select unit_code, month, source, variant, n, total, days, changed_at from unit_month_facts
        where county_id = 1 and month between ${from} and ${to} and source <> 'petition' and unit_code in ${own}
        union all
        select unit_code, month, source, variant, n, total, days, changed_at from unit_month_facts
        where county_id = 1 and month between ${from} and ${to} and source = 'petition' and starts_with(unit_code, ${prefix})`;
    const asActor = (statement: ReturnType<typeof sql>) => withActor(db.app.db, admin, (tx) => tx.execute(statement));

    // Published 2025 result, for the breakdown (the one a kept database already has, else published now).
    const [kept] = (await db.owner.client.unsafe(
      `select id from assessment_results where county_id = 1 and year = 2025 and period = 'year' and scope_code = $1 order by as_of desc limit 1`,
      [COUNTY],
    )) as unknown as Array<{ id: string }>;
    const published =
      kept ??
      (await caller.assessment.publishResult({ year: 2025, period: 'year', scopeCode: COUNTY }).catch(async () => {
        await caller.assessment.startDraft({ year: 2025, from: 'default' });
        await caller.assessment.publishRuleSet({ year: 2025, expectedVersion: 0 });
        return caller.assessment.publishResult({ year: 2025, period: 'year', scopeCode: COUNTY });
      }));
    for (const year of [2024]) {
      await caller.assessment
        .startDraft({ year, from: 'default' })
        .then(() => caller.assessment.publishRuleSet({ year, expectedVersion: 0 }))
        .catch(() => undefined);
    }
    const township = (await actorByLogin(db.owner.db, 'zhen01')).unitCode;
    const townships = (
      (await db.owner.client.unsafe(
        `select code from units where county_id = 1 and parent_code = $1 and active order by code`,
        [COUNTY],
      )) as unknown as Array<{ code: string }>
    ).map((row) => row.code);
    const [aggregateRows] = (await db.owner.client.unsafe(
      `select count(*)::int as n from unit_month_facts where county_id = 1`,
    )) as unknown as Array<{ n: number }>;
    process.stdout.write(`unit_month_facts: ${aggregateRows!.n.toLocaleString('en')} rows for the county\n`);

    const cases = [
      {
        label: 'ranking 2025 (townships; current year and previous, both live)',
        page: () => caller.dashboard.ranking({ year: 2025, period: 'year', scopeCode: COUNTY, toDate: true }),
        raw: [
          ['2025-01-01', '2025-12-31', townships, '130534'],
          ['2024-01-01', '2024-12-31', townships, '130534'],
        ],
      },
      {
        label: 'score trend 2025 by month (townships)',
        page: () => caller.dashboard.scoreTrend({ year: 2025, granularity: 'month', scopeCode: COUNTY }),
        raw: [['2025-01-01', '2025-12-31', townships, '130534']],
      },
      {
        label: 'ranking 2026 to date (running month from the records)',
        page: () => caller.dashboard.ranking({ year: 2026, period: 'year', scopeCode: COUNTY, toDate: true }),
        raw: [
          ['2026-01-01', '2026-11-23', townships, '130534'],
          ['2025-01-01', '2025-12-31', townships, '130534'],
        ],
      },
      {
        label: `breakdown 2025 of township ${township} (published)`,
        page: () => caller.assessment.breakdown({ resultId: published.id, unitCode: township }),
        raw: [['2025-01-01', '2025-12-31', [township], township.slice(0, 9)]],
      },
    ] satisfies Array<{ label: string; page: () => Promise<unknown>; raw: Array<[string, string, string[], string]> }>;
    const lines: string[] = [''];
    for (const c of cases) {
      const rawStatements = await Promise.all(c.raw.map(([from, to, own, prefix]) => rawSql(from, to, own, prefix)));
      // Kept results (docs/decisions/0018-dashboard-result-cache.md): "procedure" is what a reader
      // gets while the county's data version stands (a kept result after the first), "cold" with
      // the cache emptied before every call (the first request after any change in the county).
      const page = await timeIt(c.page, 15, 3);
      const cold = await timeIt(
        async () => {
          dashboardResults.clear();
          await c.page();
        },
        15,
        3,
      );
      const raw = await timeIt(
        async () => {
          for (const s of rawStatements) await asActor(s);
        },
        5,
        1,
      );
      const own = await timeIt(
        async () => {
          for (const [from, to, units, prefix] of c.raw)
            await asActor(direct(`${from.slice(0, 8)}01`, to, units, prefix));
        },
        15,
        3,
      );
      lines.push(
        c.label,
        `  procedure                     median ${page.median.toFixed(1).padStart(8)} ms`,
        `  procedure, cold (no kept one) median ${cold.median.toFixed(1).padStart(8)} ms   raw / cold ${(raw.median / cold.median).toFixed(1)}×, cold / direct ${(cold.median / own.median).toFixed(2)}×`,
        `  raw SQL aggregate (base rows) median ${raw.median.toFixed(1).padStart(8)} ms   raw / procedure ${(raw.median / page.median).toFixed(1)}× (goal ≥ 10×)`,
        `  reading its aggregates        median ${own.median.toFixed(1).padStart(8)} ms   procedure / direct ${(page.median / own.median).toFixed(2)}× (goal ≤ 1.5×)`,
      );
      process.stdout.write(`${lines.slice(-5).join('\n')}\n`);
    }

    // Import with and without maintenance: ABBA rounds, each import removed again before the next.
    const village = await actorByLogin(db.owner.db, 'cun0101');
    const importer = createCaller({ db: db.app.db, actor: village, ip: null, now: NOW });
    const bytes = meetingsCsv(IMPORT_ROWS);
    const triggers = async (on: boolean) => {
      // Both maintenances: the aggregates and the dashboard data version (the result cache's key).
      for (const name of [
        'unit_month_facts_insert',
        'unit_month_facts_update',
        'unit_month_facts_delete',
        'dashboard_data_version_insert',
        'dashboard_data_version_update',
        'dashboard_data_version_delete',
      ]) {
        await db.owner.client.unsafe(`alter table meetings ${on ? 'enable' : 'disable'} trigger ${name}`);
      }
    };
    const timings: Record<'with' | 'without', number[]> = { with: [], without: [] };
    const order: Array<'with' | 'without'> = [];
    for (let round = 0; round < IMPORT_ROUNDS; round++)
      order.push(...(round % 2 === 0 ? (['without', 'with'] as const) : (['with', 'without'] as const)));
    for (const mode of order) {
      await triggers(mode === 'with');
      const start = performance.now();
      const preview = await importer.imports.preview({ register: 'meetings', fileName: 'bench.csv', bytes });
      const committed = await commitAndWait(importer, { id: preview.id });
      const ms = performance.now() - start;
      if (committed.inserted !== IMPORT_ROWS)
        throw new Error(`expected ${IMPORT_ROWS} inserted, got ${committed.inserted}`);
      timings[mode].push(ms);
      // Removed with the same triggers state, so the aggregates stay equal to the records.
      await db.owner.client.unsafe(`delete from meetings where import_id = $1`, [preview.id]);
      await triggers(true);
      await db.owner.client.unsafe('vacuum analyze meetings');
      process.stdout.write(`  import ${mode.padEnd(7)} maintenance: ${ms.toFixed(0)} ms\n`);
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
    const [stale] = (await db.owner.client.unsafe(
      `select count(*)::int as n from (select county_id, unit_code, month, source, variant, n, total, days from unit_month_facts where n <> 0 except select * from unit_month_facts_recomputed() where n <> 0) d`,
    )) as unknown as Array<{ n: number }>;
    lines.push(
      '',
      ...(IMPORT_ROUNDS > 0
        ? [
            `import of the ${IMPORT_ROWS.toLocaleString('en')}-row meetings CSV (preview + commit procedures), mean of ${IMPORT_ROUNDS} each:`,
            `  without aggregate maintenance  ${mean(timings.without).toFixed(0).padStart(7)} ms`,
            `  with aggregate maintenance     ${mean(timings.with).toFixed(0).padStart(7)} ms   ${((mean(timings.with) / mean(timings.without) - 1) * 100).toFixed(1)} % slower (goal < 20 %)`,
          ]
        : ['import with and without aggregate maintenance: not run (BENCH_IMPORT_ROUNDS=0)']),
      `  aggregates equal to a full recomputation afterwards: ${stale!.n === 0 ? 'yes' : `NO (${stale!.n} rows differ)`}`,
      '',
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await db.close();
  }
}

await main();
