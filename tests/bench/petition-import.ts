/**
 * Benchmark of the petition-ledger import (not a test): a 200,000-row UTF-8 CSV of
 * petitions (信访登记) over three years for one village, through the `imports.preview`
 * procedure (parse, validate, stage under RLS) and the `imports.commit` procedure with its
 * background job (cases and transitions inserted set-based, numbered last), against the
 * reference `psql \copy` of the same case rows (all columns, as written by the import)
 * into petition_cases as the owner, measured in the same run on the same server.
 *
 * While the commit runs, another village registers a case at the desk (`cases.register`,
 * same county, a year the import is numbering): once while the cases are being inserted,
 * once half a second after the job reaches the numbering statement (which holds the
 * counters until COMMIT; its length is printed too: the longest an intake can wait).
 * Each latency is printed; the goal is under a second. Numbers are checked gap-free.
 *
 * Run from the repo root: node --expose-gc --import tsx tests/bench/petition-import.ts
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { backgroundJobsIdle } from '@tally/web/server/imports/job-runner.ts';
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

const rate = (ms: number) => `${Math.round(ROWS / (ms / 1000)).toLocaleString('en')} rows/s`;
const pad = (ms: number) => ms.toFixed(0).padStart(7);

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
    const until = async (test: (p: { status: string; phase: string; done: number }) => boolean) => {
      for (;;) {
        const p = await phaseOf();
        if (test(p) || p.status !== 'committing') return p;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
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

    const commitStart = performance.now();
    await caller.imports.commit({ id });
    const claimMs = performance.now() - commitStart;
    const midPoint = await until((p) => p.phase === 'committing' && p.done >= ROWS / 3);
    const duringInsert = await intake(1);
    const numberingPoint = await until((p) => p.phase === 'numbering');
    const numberingSeen = performance.now();
    // Half a second in, the numbering statement has usually reached the counters and holds them.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const duringNumbering = await intake(2);
    await until(() => false);
    const numberingMs = performance.now() - numberingSeen;
    await backgroundJobsIdle();
    const commitMs = performance.now() - commitStart;
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
        `desk intake at another village during the import (goal under 1 s):`,
        `    while inserting (job at ${midPoint.done.toLocaleString('en')} rows)            ${pad(duringInsert.ms)} ms  ${duringInsert.value.caseNumber}`,
        `    0.5 s into the numbering step (phase ${numberingPoint.phase})  ${pad(duringNumbering.ms)} ms  ${duringNumbering.value.caseNumber}`,
        `numbering step to COMMIT (the longest the counters are held)  ${pad(numberingMs)} ms`,
        `numbers: ${Number(cases?.n).toLocaleString('en')} cases, counters sum ${Number(gaps?.numbers).toLocaleString('en')} (equal = no gaps)`,
        '',
      ].join('\n'),
    );
  } finally {
    await database.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
