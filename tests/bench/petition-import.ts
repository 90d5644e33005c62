/**
 * Benchmark of the petition-ledger import (not a test): a 200,000-row UTF-8 CSV of
 * petitions (信访登记) over three years for one village, through the `imports.preview`
 * procedure (parse, validate, stage under RLS) and the `imports.commit` procedure with its
 * background job (numbers reserved first, then cases and transitions inserted set-based), against the
 * reference `psql \copy` of the same case rows (all columns, as written by the import)
 * into petition_cases as the owner, measured in the same run on the same server.
 *
 * While the commit runs, another village registers cases at the desk (`cases.register`,
 * same county, a year the import numbers), one after another from the claim to the job's
 * end, reservation of the import's numbers included; their latencies are printed (goal:
 * under a second), and so is the longest any transaction held the county's counters, seen
 * from outside by a watcher polling them with FOR UPDATE SKIP LOCKED, which also samples
 * what the other transactions wait on. Numbers are checked gap-free.
 *
 * Run from the repo root: node --expose-gc --import tsx tests/bench/petition-import.ts
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { backgroundJobsIdle } from '@tally/web/server/imports/job-runner.ts';
import { log } from '@tally/web/server/log.ts';
import { createCaller } from '@tally/web/server/routers/root.ts';
import { actorByLogin, provisionTwoCounties } from '../setup/two-counties.ts';
import { openBenchDatabase } from './support/bench-database.ts';

const ROWS = 200_000;
const PSQL = '/usr/bin/psql';
const CHANNELS = ['来信', '来访', '来电', '网上信访', '领导接访日'];
const CATEGORIES = ['土地征用', '劳动社保', '教育', '环境保护', '村财村务', '农民工工资'];

function buildCsv(): Uint8Array<ArrayBuffer> {
  // Short cells: 200,000 rows must stay under the 20 MiB upload limit.
  const lines = ['登记日期,信访方式,信访人,住址,人数,是否越级,是否重复访,问题类别,主要诉求'];
  for (let i = 0; i < ROWS; i++) {
    const day = new Date(Date.UTC(2023, 0, 1) + (i % 1095) * 86_400_000).toISOString().slice(0, 10);
    lines.push(
      `${day},${CHANNELS[i % 5]},信访人${i},某村${i % 300}号,${(i % 9) + 1},${i % 13 === 0 ? '是' : '否'},${i % 7 === 0 ? '是' : '否'},${CATEGORIES[i % 6]},诉求${i}`,
    );
  }
  return new Uint8Array(Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'));
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

/** The machine's load average over 1, 5 and 15 minutes: figures of a shared machine are read with it. */
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

const rate = (ms: number) => `${Math.round(ROWS / (ms / 1000)).toLocaleString('en')} rows/s`;
const pad = (ms: number) => ms.toFixed(0).padStart(7);

/** The commit logs how long its reservation held the counters (statement to COMMIT): collected here. */
const reservations: number[] = [];
const logInfo = log.info.bind(log) as (object: unknown, message?: string) => void;
Object.assign(log, {
  info(object: unknown, message?: string) {
    if (message === 'petition case numbers reserved' && typeof object === 'object' && object && 'heldMs' in object)
      reservations.push(Number(object.heldMs));
    else logInfo(object, message);
  },
});

async function main() {
  const workDir = mkdtempSync(join(tmpdir(), 'tally-bench-petitions-'));
  chmodSync(workDir, 0o755);
  const database = await openBenchDatabase();
  const { owner, app, ownerUrl } = database;
  try {
    await provisionTwoCounties(owner.db);
    const actor = await actorByLogin(owner.db, 'a_cun0101');
    const desk = await actorByLogin(owner.db, 'a_cun0102');
    const caller = createCaller({ db: app.db, actor, ip: null, now: new Date() });
    const deskCaller = () => createCaller({ db: app.db, actor: desk, ip: null, now: new Date() });
    const loadAtStart = loadAverage();
    const bytes = buildCsv();
    process.stdout.write(
      `file: ${ROWS.toLocaleString('en')} petition rows over 2023–2025, ${(bytes.length / 1024 / 1024).toFixed(0)} MiB UTF-8 CSV, village ${actor.unitCode}\n`,
    );

    const preview = await timed(() => caller.imports.preview({ register: 'petitions', fileName: 'bench.csv', bytes }));
    const id = preview.value.id;
    const phaseOf = async () => {
      const [row] = await owner.client.unsafe(
        `select status, progress_phase as phase, progress_done as done from import_batches where id = $1`,
        [id],
      );
      return { status: String(row?.status), phase: String(row?.phase), done: Number(row?.done) };
    };
    const intake = (n: number) =>
      timed(() =>
        deskCaller().cases.register({
          receivedAt: '2024-06-03T10:00:00+08:00',
          channel: 'visit',
          peopleCount: 1,
          category: 'education',
          summary: `窗口登记 ${n}`,
          petitionerName: `窗口${n}`,
        }),
      );

    // Who holds the county's counters, seen from outside: a row another transaction holds is
    // skipped by FOR UPDATE SKIP LOCKED. Polled on a connection of its own; each poll locks
    // the free rows for the length of one statement.
    const watcher = await owner.client.reserve();
    const stretches: Array<{ years: number; ms: number }> = [];
    let watching = true;
    let longestPollGap = 0;
    const waitCounts = new Map<string, number>();
    const watch = (async () => {
      const since = new Map<number, number>();
      let last = performance.now();
      while (watching) {
        const [row] =
          await watcher.unsafe(`with free as (select year from case_counters where county_id = 1 for update skip locked)
          select coalesce(array_agg(c.year), '{}') as locked from case_counters c where c.county_id = 1 and c.year not in (select year from free)`);
        // What the other transactions (the desk's; the import's before its first INSERT) wait on, sampled.
        const waits =
          await watcher.unsafe(`select coalesce(wait_event_type || ':' || wait_event, 'CPU') || ' in ' || left(translate(query, E'\n\t', '  '), 40) as w
          from pg_stat_activity where state = 'active' and pid <> pg_backend_pid() and backend_type = 'client backend'
            and query not like 'with src%' and query not like 'select status, progress_phase%'`);
        for (const wait of waits) waitCounts.set(String(wait.w), (waitCounts.get(String(wait.w)) ?? 0) + 1);
        const at = performance.now();
        longestPollGap = Math.max(longestPollGap, at - last);
        last = at;
        const locked = new Set((row?.locked as number[] | undefined) ?? []);
        for (const year of locked) if (!since.has(year)) since.set(year, at);
        const ended = [...since].filter(([year]) => !locked.has(year));
        if (ended.length > 0)
          stretches.push({ years: ended.length, ms: Math.max(...ended.map(([, from]) => at - from)) });
        for (const [year] of ended) since.delete(year);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();

    // The reference for intake latency: the same desk, same machine, no import running.
    const quiet: number[] = [];
    for (let n = 1; n <= 30; n++) {
      quiet.push((await intake(-n)).ms);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    quiet.sort((a, b) => a - b);
    const quietAt = (q: number) => quiet[Math.min(quiet.length - 1, Math.floor(q * quiet.length))] ?? 0;

    const commitStart = performance.now();
    await caller.imports.commit({ id });
    const claimMs = performance.now() - commitStart;
    // Desk intakes at another village, one after another with a pause, from the claim to the job's end.
    const intakes: Array<{ ms: number; phase: string; done: number; caseNumber: string }> = [];
    for (let n = 1; ; n++) {
      const seen = await phaseOf();
      if (seen.status !== 'committing') break;
      const registered = await intake(n);
      intakes.push({ ms: registered.ms, phase: seen.phase, done: seen.done, caseNumber: registered.value.caseNumber });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await backgroundJobsIdle();
    const commitMs = performance.now() - commitStart;
    watching = false;
    await watch;
    watcher.release();
    const done = await caller.imports.get({ id });
    if (done.batch.status !== 'committed' || done.batch.insertedCount !== ROWS)
      throw new Error(
        `commit ended ${done.batch.status}, inserted ${done.batch.insertedCount}: ${JSON.stringify(done.batch.failure)}`,
      );
    const [gaps] = await owner.client.unsafe(
      `select count(*)::int as cases, sum(c.last_number)::int as numbers from case_counters c where c.county_id = 1`,
    );
    const [cases] = await owner.client.unsafe(`select count(*)::int as n from petition_cases where county_id = 1`);

    // The reference: the same case rows, every column, copied in by psql as the owner.
    const columns = (
      await owner.client.unsafe(
        `select column_name from information_schema.columns where table_name = 'petition_cases' order by ordinal_position`,
      )
    ).map((row) => String(row.column_name));
    const csvPath = join(workDir, 'cases-copy.csv');
    execFileSync(PSQL, [
      ownerUrl,
      '-v',
      'ON_ERROR_STOP=1',
      '-q',
      '-c',
      `\\copy (select ${columns.join(', ')} from petition_cases where import_id = '${id}') to '${csvPath}' with (format csv, header true)`,
    ]);
    await owner.client.unsafe(
      `delete from case_transitions where case_id in (select id from petition_cases where import_id = $1)`,
      [id],
    );
    await owner.client.unsafe(`delete from petition_cases where import_id = $1`, [id]);
    await owner.client.unsafe(`vacuum petition_cases`);
    const copy = await timed(async () => {
      execFileSync(
        PSQL,
        [
          ownerUrl,
          '-v',
          'ON_ERROR_STOP=1',
          '-q',
          '-c',
          `\\copy petition_cases (${columns.join(', ')}) from '${csvPath}' with (format csv, header true)`,
        ],
        { stdio: ['ignore', 'ignore', 'inherit'] },
      );
    });
    const [copied] = await owner.client.unsafe(`select count(*)::int as n from petition_cases where import_id = $1`, [
      id,
    ]);
    if (Number(copied?.n) !== ROWS) throw new Error(`psql copied ${copied?.n} rows`);

    const total = preview.ms + commitMs;
    const sorted = intakes.map((i) => i.ms).sort((a, b) => a - b);
    const quantile = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    const phases = new Map<string, number>();
    for (const i of intakes) phases.set(i.phase, Math.max(phases.get(i.phase) ?? 0, i.ms));
    const byPhase = [...phases].map(([phase, ms]) => `${phase} ${ms.toFixed(0)} ms`).join(', ');
    process.stdout.write(
      [
        '',
        `preview procedure (parse, validate, stage)        ${pad(preview.ms)} ms  ${rate(preview.ms)}`,
        `commit (claim ${claimMs.toFixed(0)} ms, then the job to its end)    ${pad(commitMs)} ms  ${rate(commitMs)}`,
        `    whole path                                    ${pad(total)} ms  ${rate(total)}`,
        `reference: psql \\copy of the same case rows       ${pad(copy.ms)} ms  ${rate(copy.ms)}`,
        '',
        `ratio whole path / psql \\copy:  ${(total / copy.ms).toFixed(1)}×   (goal 3×)`,
        `ratio commit only / psql \\copy: ${(commitMs / copy.ms).toFixed(1)}×`,
        '',
        `desk intakes at another village during the import (goal under 1 s): ${intakes.length}, one every ~0.1 s from claim to end`,
        `    median ${pad(quantile(0.5))} ms, 95th percentile ${pad(quantile(0.95))} ms, longest ${pad(quantile(1))} ms`,
        `    longest by phase seen: ${byPhase}`,
        `    reference, 30 intakes before the import: median ${pad(quietAt(0.5))} ms, 95th ${pad(quietAt(0.95))} ms, longest ${pad(quietAt(1))} ms`,
        `counters held (seen from outside, polled every ≤${longestPollGap.toFixed(0)} ms): longest ${pad(Math.max(0, ...stretches.map((s) => s.ms)))} ms;` +
          ` all three years at once: ${
            stretches
              .filter((s) => s.years === 3)
              .map((s) => `${s.ms.toFixed(0)} ms`)
              .join(', ') || 'not seen'
          }`,
        `the import's reservation (counters raised to COMMIT, as the job logs it): ${reservations.map((ms) => `${ms} ms`).join(', ')}`,
        `sampled waits of the other transactions during the import (samples, what):`,
        ...[...waitCounts]
          .sort((x, y) => y[1] - x[1])
          .slice(0, 6)
          .map(([what, n]) => `    ${String(n).padStart(6)}  ${what}`),
        `numbers: ${Number(cases?.n).toLocaleString('en')} cases, counters sum ${Number(gaps?.numbers).toLocaleString('en')} (equal = no gaps)`,
        `load average (1, 5, 15 min): ${loadAtStart} at the start, ${loadAverage()} at the end`,
        '',
      ].join('\n'),
    );
  } finally {
    await database.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
