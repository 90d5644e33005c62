/**
 * Benchmark of the import path (not a test): a UTF-8 CSV of the most rows an import accepts (200,000) of meetings (会议记录)
 * for one village, through
 *   (a) previewImport alone: decode, parse, map, validate, fingerprint (in memory);
 *   (b) the `imports.preview` procedure: (a) plus the batch row, progress writes and
 *       staging every row in import_rows, as the app role under RLS;
 *   (c) the `imports.commit` procedure and its background job (waited for): one INSERT … SELECT … ON CONFLICT DO NOTHING
 *       from the staged rows into the register, under RLS, plus audit;
 * against the reference: `psql \copy` of the same rows (same columns, same fingerprints)
 * into the same table as the owner (no RLS, no validation, no staging), measured in the
 * same run on the same server, once before the path and once after (the machine is
 * shared: the two bracket the load the path ran under; ratios use their mean). Peak RSS and heap are sampled during (a)–(c); the heap
 * still reachable (after a forced GC) is measured on a second, untimed preview and commit,
 * and the longest event-loop block of (a) and (b) on a third (monitorEventLoopDelay).
 *
 * UTF-8 rather than GBK: the decoder's cost is measured by the package's own tests; here
 * the database path is what is compared. With DATABASE_URL unset it starts embedded
 * PostgreSQL, as the tests do.
 *
 * Run from the repo root: node --expose-gc --import tsx tests/bench/import.ts
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { DEFAULT_LIMITS, previewImport } from '@tally/imports';
import { registerDefs } from '@tally/db/registers';
import { createCaller } from '@tally/web/server/routers/root.ts';
import { actorByLogin, provisionTwoCounties } from '../setup/two-counties.ts';
import { commitAndWait } from '../setup/import-commit.ts';
import { openBenchDatabase } from './support/bench-database.ts';
import { meetingsCsv } from './support/meetings-csv.ts';

/** The instant the checks run at: every fixture date lies before it. */
const TEST_NOW = new Date('2026-12-05T02:00:00Z');

// As many rows as the import accepts (DEFAULT_LIMITS.maxRows).
const ROWS = DEFAULT_LIMITS.maxRows;
const PSQL = '/usr/bin/psql';

/** Peak RSS and heap while `work` runs, sampled every 10 ms (the samples land between awaits). */
async function withMemory<T>(work: () => Promise<T>): Promise<{ value: T; rss: number; heap: number }> {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 10);
  try {
    const value = await work();
    sample();
    return { value, rss, heap };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Peak of the heap that is still reachable: a full GC every 100 ms, then heapUsed. The
 * 10 ms samples above count garbage V8 has not collected yet (it lets the old generation
 * grow while memory is plentiful), so they overstate what the import really holds.
 * Slows the work down: used only on a pass whose time is not reported.
 */
async function withLiveHeap<T>(work: () => Promise<T>): Promise<{ value: T; live: number }> {
  const gc = globalThis.gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  let live = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    gc();
    live = Math.max(live, process.memoryUsage().heapUsed);
  }, 100);
  try {
    return { value: await work(), live };
  } finally {
    clearInterval(timer);
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

/**
 * The longest the event loop was held while `work` ran: the largest delay of a 10 ms
 * timer (perf_hooks' histogram). Every other request of the server waits at least that long.
 */
async function withEventLoopBlock<T>(work: () => Promise<T>): Promise<{ value: T; blockMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  const turn = () => new Promise((resolve) => setTimeout(resolve, 30));
  histogram.enable();
  try {
    // The histogram only measures from its first tick on: a block that starts at once would go unseen.
    await turn();
    const value = await work();
    // A stretch that runs to the end of `work` is recorded when the timer next fires.
    await turn();
    return { value, blockMs: histogram.max / 1e6 };
  } finally {
    histogram.disable();
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const rate = (ms: number) => `${Math.round(ROWS / (ms / 1000)).toLocaleString('en')} rows/s`;

async function main() {
  const workDir = mkdtempSync(join(tmpdir(), 'tally-bench-import-'));
  chmodSync(workDir, 0o755);
  const database = await openBenchDatabase();
  const { owner, app, ownerUrl } = database;

  try {
    await provisionTwoCounties(owner.db);
    const actor = await actorByLogin(owner.db, 'a_cun0101');
    const caller = createCaller({ db: app.db, actor, ip: null, now: new Date() });
    const bytes = meetingsCsv(ROWS);
    process.stdout.write(
      `file: ${ROWS.toLocaleString('en')} rows, ${mb(bytes.length)} UTF-8 CSV, register meetings, village ${actor.unitCode}\n`,
    );

    // The reference: the same rows, same columns and fingerprints as the import writes, as CSV, copied in by
    // psql as the owner. Run before the app's path and again after it: the machine is shared, and the two
    // bracket the load the path ran under.
    const columns = [
      'county_id',
      'unit_code',
      'fingerprint',
      'created_by',
      ...registerDefs.meetings.fields.map((f) => f.column ?? f.key),
    ];
    const csvPath = join(workDir, 'meetings-copy.csv');
    {
      const parsed = await previewImport({
        now: TEST_NOW,
        bytes,
        fileName: 'bench.csv',
        register: registerDefs.meetings,
      });
      const quote = (v: unknown) => (v === null || v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`);
      const lines = [columns.join(',')];
      for (const row of parsed.validRows) {
        const head = [actor.countyId, actor.unitCode, row.fingerprint, actor.userId];
        lines.push(
          [...head, ...registerDefs.meetings.fields.map((f) => row.values[f.key] ?? null)].map(quote).join(','),
        );
      }
      writeFileSync(csvPath, `${lines.join('\n')}\n`);
    }
    const referenceCopy = async () => {
      await owner.client.unsafe(`delete from meetings`);
      await owner.client.unsafe(`vacuum meetings`);
      const copy = await timed(async () => {
        execFileSync(
          PSQL,
          [
            ownerUrl,
            '-v',
            'ON_ERROR_STOP=1',
            '-q',
            '-c',
            `\\copy meetings (${columns.join(', ')}) from '${csvPath}' with (format csv, header true)`,
          ],
          { stdio: ['ignore', 'ignore', 'inherit'] },
        );
      });
      const [copied] = (await owner.client.unsafe(`select count(*)::int as n from meetings`)) as unknown as Array<{
        n: number;
      }>;
      if (copied!.n !== ROWS) throw new Error(`psql copied ${copied!.n} rows`);
      await owner.client.unsafe(`delete from meetings`);
      await owner.client.unsafe(`vacuum meetings`);
      return copy.ms;
    };
    const copyBefore = await referenceCopy();

    globalThis.gc?.();
    // Keep only the count: holding (a)'s 200,000 rows would weigh on every figure after it.
    const parse = await withMemory(() =>
      timed(
        async () =>
          (await previewImport({ now: TEST_NOW, bytes, fileName: 'bench.csv', register: registerDefs.meetings }))
            .validRows.length,
      ),
    );
    if (parse.value.value !== ROWS) throw new Error(`expected ${ROWS} valid rows, got ${parse.value.value}`);
    globalThis.gc?.();
    const path = await withMemory(async () => {
      const preview = await timed(() => caller.imports.preview({ register: 'meetings', fileName: 'bench.csv', bytes }));
      const commit = await timed(() => commitAndWait(caller, { id: preview.value.id }));
      return { preview, commit };
    });
    const { preview, commit } = path.value;
    if (commit.value.inserted !== ROWS) throw new Error(`expected ${ROWS} inserted, got ${commit.value.inserted}`);
    const again = await withLiveHeap(() =>
      caller.imports.preview({ register: 'meetings', fileName: 'bench.csv', bytes }),
    );
    const liveCommit = await withLiveHeap(() => commitAndWait(caller, { id: again.value.id, acceptErrors: false }));
    const once = await caller.imports.preview({ register: 'meetings', fileName: 'bench.csv', bytes });
    // Untimed passes: how long one preview holds the event loop at a stretch.
    const blockParse = await withEventLoopBlock(() =>
      previewImport({ now: TEST_NOW, bytes, fileName: 'bench.csv', register: registerDefs.meetings }),
    );
    const blockPreview = await withEventLoopBlock(() =>
      caller.imports.preview({ register: 'meetings', fileName: 'bench.csv', bytes }),
    );
    const idempotent = await timed(() => commitAndWait(caller, { id: once.id, acceptErrors: false }));

    const copyAfter = await referenceCopy();
    const copyMs = (copyBefore + copyAfter) / 2;

    const total = preview.ms + commit.ms;
    const lines = [
      '',
      `(a) parse + validate (previewImport, in memory)  ${parse.value.ms.toFixed(0).padStart(7)} ms  ${rate(parse.value.ms)}  peak RSS ${mb(parse.rss)}, heap ${mb(parse.heap)}`,
      `(b) preview procedure (a + stage, under RLS)     ${preview.ms.toFixed(0).padStart(7)} ms  ${rate(preview.ms)}`,
      `(c) commit procedure (INSERT…SELECT, under RLS)  ${commit.ms.toFixed(0).padStart(7)} ms  ${rate(commit.ms)}`,
      `    whole path (b) + (c)                          ${total.toFixed(0).padStart(7)} ms  ${rate(total)}  peak RSS ${mb(path.rss)}, heap ${mb(path.heap)}`,
      `    live heap (full GC every 100 ms, separate pass): preview ${mb(again.live)}, commit ${mb(liveCommit.live)}`,
      `    longest event-loop block: previewImport ${blockParse.blockMs.toFixed(0)} ms, preview procedure ${blockPreview.blockMs.toFixed(0)} ms`,
      `    same file committed again (all skipped)       ${idempotent.ms.toFixed(0).padStart(7)} ms  inserted ${idempotent.value.inserted}, skipped ${idempotent.value.skipped}`,
      `reference: psql \\copy of the same rows (owner)    ${copyMs.toFixed(0).padStart(7)} ms  ${rate(copyMs)}  (mean of ${copyBefore.toFixed(0)} ms before the path, ${copyAfter.toFixed(0)} ms after)`,
      '',
      `ratio whole path / psql \\copy:  ${(total / copyMs).toFixed(1)}×  (${(total / Math.max(copyBefore, copyAfter)).toFixed(1)}–${(total / Math.min(copyBefore, copyAfter)).toFixed(1)}× against either copy)`,
      `ratio preview only / psql \\copy: ${(preview.ms / copyMs).toFixed(1)}×`,
      `ratio commit only / psql \\copy: ${(commit.ms / copyMs).toFixed(1)}×`,
      `load average (1, 5, 15 min) at the end: ${loadavg()
        .map((x) => x.toFixed(1))
        .join(', ')}`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
  } finally {
    await database.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
