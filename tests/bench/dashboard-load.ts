import { mkdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { onlyRow } from '@tally/db';
import { z } from 'zod';
import { seedThreeYears } from '@tally/demo';
import { createCaller } from '@tally/web/server/routers/root.ts';
import { buildWebApp, startApp } from '../setup/app-server.ts';
import { signIn } from '../setup/sign-in.ts';
import { actorByLogin } from '../setup/two-counties.ts';
import { openBenchDatabase } from './support/bench-database.ts';
import { summariseCpuProfile } from './support/cpu-profile-summary.ts';
import { nodeChildren, postgresCpuMs, processTreeCpuMs, residentMemory } from './support/process-cpu.ts';
import { printThreeYearSummary } from './support/three-year-summary.ts';

/*
 * Issue 12: the county dashboard under load on the three-year data set. The production server
 * (`npm start`'s launcher, NODE_ENV=production) runs against a fresh database holding the
 * data set; 50 signed-in sessions (county admin and staff, the twelve township users) each
 * keep one connection busy on one page for the duration, page by page:
 *   ranking   /dashboard                          this year's township ranking (live), or a township's villages
 *   breakdown /assessment/results/:id/:unit       last year's published result, one unit's lines
 *   trends    /dashboard/trends                   this year's score trend of the scope's units
 * Each page twice: as readers get it (a kept page when nothing changed since it was rendered for
 * the same reader, docs/decisions/0025-kept-dashboard-pages.md), then rendered on every request
 * (Cache-Control: no-cache, as a forced reload asks), what a first visit costs.
 * Reference, in the same run: /login without a session (server-rendered, no database work),
 * the floor of a page on this machine. Goal from the issue: p95 < 200 ms on 2 cores, 0 errors.
 * The server runs as `npm start` runs it: the launcher with one worker per core (node:cluster,
 * docs/decisions/0024-one-worker-per-core.md) unless --workers says otherwise.
 * Each row also says how much CPU one request cost in the server's processes (the launcher and
 * all its workers) and in PostgreSQL (from /proc, over the row's run): the rest is waiting.
 *
 *   npm run bench -- dashboard-load                   30 s per page
 *   npm run bench -- dashboard-load --duration 5      a quick check
 *   npm run bench -- dashboard-load --workers 1,default
 *                                                     the whole table once per server setting, back to
 *                                                     back on the same data: TALLY_WORKERS=1 (one process,
 *                                                     no cluster), then as `npm start` runs (one worker per
 *                                                     core), and the p95 and CPU per request side by side
 *   npm run bench -- dashboard-load --warm            before each page's run, every session's page is asked
 *                                                     on fresh connections until every worker has answered
 *                                                     it: each worker's result cache is warm (what a run
 *                                                     without it pays once per worker per key)
 *   npm run bench -- dashboard-load --cpu-prof        the server under V8's profiler; its profile is
 *                                                     summed up by package and function at the end (with
 *                                                     workers, the largest profile: one worker's)
 *                                                     (file in .test-artifacts/cpu-prof, for DevTools)
 */
const benchStartedAt = Date.now();
const duration = durationArgument(process.argv.slice(2));
const workerSettings = workersArgument(process.argv.slice(2));
const warm = process.argv.includes('--warm');
const cpuProfDir = process.argv.includes('--cpu-prof')
  ? fileURLToPath(new URL('../../.test-artifacts/cpu-prof', import.meta.url))
  : null;
const CONNECTIONS = 50;
const COUNTY = '130534000000';
/** The reference row's p95, set by the first row printed. */
let referenceP95 = 0;

const db = await openBenchDatabase();
let app: Awaited<ReturnType<typeof startApp>> | null = null;
try {
  // The server's clock is the wall clock: the history runs up to now so this year has data.
  const now = new Date();
  const started = performance.now();
  printThreeYearSummary(await seedThreeYears(db.owner.db, { now }), performance.now() - started);

  // Last year's result for the townships, published as the county admin would (the breakdown page reads it).
  const admin = createCaller({ db: db.app.db, actor: await actorByLogin(db.owner.db, 'admin'), ip: null, now });
  const lastYear = Number(now.toISOString().slice(0, 4)) - 1;
  const publishStarted = performance.now();
  const published = await admin.assessment.publishResult({ year: lastYear, period: 'year', scopeCode: COUNTY });
  process.stdout.write(
    `published ${lastYear}'s township ranking in ${((performance.now() - publishStarted) / 1000).toFixed(1)} s\n`,
  );

  const pages: Array<{ name: string; path: (session: Session) => string }> = [
    { name: 'ranking   /dashboard', path: () => '/dashboard' },
    {
      name: 'breakdown /assessment/results/…',
      path: (session) => `/assessment/results/${published.id}/${session.breakdownUnit}`,
    },
    { name: 'trends    /dashboard/trends', path: () => '/dashboard/trends' },
  ];

  buildWebApp();
  if (cpuProfDir) mkdirSync(cpuProfDir, { recursive: true });
  const runs: Array<{ workers: number; rows: Array<{ name: string; figures: Figures }>; load: string }> = [];
  for (const setting of workerSettings) {
    const loadBefore = loadAverage();
    app = await startApp(db.ownerUrl, {
      launcher: 'start',
      demoData: true,
      workers: setting,
      nodeArgs: cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [],
    });
    const serverPid = app.pid;
    // TALLY_WORKERS=1 serves in the launcher itself; otherwise its node children are the workers.
    const workers = Math.max(1, nodeChildren(serverPid));
    const backendPid = onlyRow(
      await db.owner.db.execute(sql`select pg_backend_pid() as pid`),
      z.object({ pid: z.number() }),
    ).pid;
    // The launcher and every worker (and a worker that was replaced): the server's CPU, however many processes.
    const cpu = () => ({ server: processTreeCpuMs(serverPid), postgres: postgresCpuMs(backendPid) });
    const sessions = await signInSessions(app.url, db);
    process.stdout.write(
      `server ${app.url} (production build, TALLY_WORKERS=${setting === 'default' ? 'unset' : setting}: ${workers} worker${workers === 1 ? '' : 's'}), ${sessions.length} sessions signed in; ${CONNECTIONS} connections, ${duration} s per page; load average ${loadBefore}\n\n`,
    );

    const county = sessions.find((session) => session.login === 'admin')!;
    const township = sessions.find((session) => session.login.startsWith('zhen'))!;
    process.stdout.write('one request at a time (3 each, median), county admin / township user:\n');
    for (const page of pages) {
      const alone = [
        await alone3(app.url, page.path(county), county),
        await alone3(app.url, page.path(township), township),
      ];
      process.stdout.write(
        `  ${page.name.padEnd(34)}${alone.map((ms) => `${ms.toFixed(0)} ms`.padStart(10)).join(' /')}\n`,
      );
    }
    process.stdout.write('\n');
    referenceP95 = 0;
    const rows: Array<{ name: string; figures: Figures }> = [];
    const reference = await drive(app.url, duration, () => '/login', null, cpu);
    printHeader();
    printRow('reference /login (no session)', reference);
    rows.push({ name: '/login', figures: reference });
    for (const page of pages) {
      // Requests still running from the previous page's run would land in this one: wait for them.
      await alone3(app.url, page.path(county), county);
      if (warm) await warmEveryWorker(app.url, page.path, sessions, workers);
      const figures = await drive(app.url, duration, page.path, sessions, cpu);
      printRow(page.name, figures);
      rows.push({ name: page.name.split(' ')[0]!, figures });
    }
    // The same pages rendered on every request (a forced reload's Cache-Control: no-cache skips the
    // kept page, docs/decisions/0025-kept-dashboard-pages.md): what a first visit costs.
    for (const page of pages) {
      await alone3(app.url, page.path(county), county);
      const figures = await drive(app.url, duration, page.path, sessions, cpu, true);
      const name = `${page.name.split(' ')[0]!} anew`;
      printRow(`${name} (no-cache)`, figures);
      rows.push({ name, figures });
    }
    const load = `${loadBefore} → ${loadAverage()}`;
    process.stdout.write(
      `\nratio: each page's p95 to the reference's p95 (same server, same run); goal p95 < 200 ms with 0 errors and 0 non-2xx\n` +
        `node, pg: CPU milliseconds per request in the server's processes (launcher and workers) and in PostgreSQL over the run (2 cores: at most 2,000 ms of CPU per second)\n` +
        `load average (1, 5, 15 min) at start → end: ${load}\n\n`,
    );
    process.stdout.write(`resident memory after the run: ${residentMemory(serverPid)}\n\n`);
    runs.push({ workers, rows, load });
    await app.stop();
    app = null;
  }
  if (runs.length > 1) {
    process.stdout.write('p95 · node / pg CPU ms a request, one line per server setting (same data, back to back):\n');
    for (const run of runs)
      process.stdout.write(
        `  ${`${run.workers} worker${run.workers === 1 ? ' ' : 's'}`.padEnd(11)}${run.rows
          .map(
            (row) =>
              `${row.name} ${row.figures.p95.toFixed(0)} ms · ${cpuMs(row.figures.nodeCpu).replace(' ms', '')} / ${cpuMs(row.figures.pgCpu)}`,
          )
          .join('   ')}   (load ${run.load})\n`,
      );
  }
} finally {
  await app?.stop();
  await db.close();
}
// The profile is written when the server exits.
if (cpuProfDir) process.stdout.write(`\n${summariseCpuProfile(cpuProfDir, benchStartedAt).join('\n')}\n`);

interface Session {
  login: string;
  cookie: string;
  /** The unit whose breakdown this user may open: any township for the county office, its own for a township. */
  breakdownUnit: string;
}

/** 50 sessions over several roles: 10 county admin, 10 county staff, the rest spread over the 12 township users. */
async function signInSessions(url: string, database: typeof db): Promise<Session[]> {
  const townships = Array.from({ length: 12 }, (_, i) => `zhen${String(i + 1).padStart(2, '0')}`);
  const townshipUnits = await Promise.all(
    townships.map(async (login) => (await actorByLogin(database.owner.db, login)).unitCode),
  );
  const logins = [
    ...Array(10).fill('admin'),
    ...Array(10).fill('staff'),
    ...Array.from({ length: CONNECTIONS - 20 }, (_, i) => townships[i % 12]!),
  ];
  const sessions: Session[] = [];
  for (const [index, login] of logins.entries()) {
    const actor = await actorByLogin(database.owner.db, login);
    const breakdownUnit = actor.unitCode === COUNTY ? townshipUnits[index % townshipUnits.length]! : actor.unitCode;
    sessions.push({ login, cookie: await signIn(url, login), breakdownUnit });
  }
  return sessions;
}

/**
 * Every distinct page of the sessions, asked 2 × workers times on a connection of its own each, ten
 * at a time: the cluster hands new connections to its workers in turn, so every worker computes
 * and keeps each result before the run is measured.
 */
async function warmEveryWorker(
  url: string,
  path: (session: Session) => string,
  sessions: Session[],
  workers: number,
): Promise<void> {
  const distinct = new Map<string, Session>();
  for (const session of sessions) distinct.set(`${session.login} ${path(session)}`, session);
  const asks = [...distinct.values()].flatMap((session) => Array<Session>(2 * workers).fill(session));
  for (let at = 0; at < asks.length; at += 10)
    await Promise.all(
      asks.slice(at, at + 10).map(
        (session) =>
          new Promise<void>((resolve, reject) => {
            const outgoing = httpRequest(
              `${url}${path(session)}`,
              { agent: false, headers: { cookie: session.cookie } },
              (response) => {
                response.resume();
                response.on('end', () => resolve());
              },
            );
            outgoing.on('error', reject);
            outgoing.end();
          }),
      ),
    );
}

/** Median of three requests in a row, each waiting for the last: the page's time without load (and a wait for a busy server to drain). */
async function alone3(url: string, path: string, session: Session): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const response = await fetch(`${url}${path}`, { headers: { cookie: session.cookie }, redirect: 'manual' });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path} as ${session.login} answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[1]!;
}

interface Figures {
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  /** Connection errors, timeouts included (autocannon counts a timeout as an error too). */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** How many answers of each non-2xx status, e.g. `404×3`. */
  statuses: string;
  /** CPU milliseconds per request in the server's process and in PostgreSQL (null: /proc did not say). */
  nodeCpu: number | null;
  pgCpu: number | null;
}

type CpuReading = () => { server: number | null; postgres: number | null };

/** One autocannon run: every connection takes a session of its own on its first request and keeps it. */
async function drive(
  url: string,
  seconds: number,
  path: (session: Session) => string,
  sessions: Session[] | null,
  cpu: CpuReading,
  renderAnew = false,
): Promise<Figures> {
  const cpuBefore = cpu();
  const anonymous: Session = { login: '', cookie: '', breakdownUnit: '' };
  // autocannon hands each connection its own context object: the session sticks to it.
  const byConnection = new WeakMap<object, Session>();
  let next = 0;
  const times: number[] = [];
  const odd = new Map<number, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: seconds,
        // A page that takes longer than this counts as an error, not as a hung bench.
        timeout: 30,
        requests: [
          {
            method: 'GET',
            setupRequest: (request, context) => {
              if (!sessions) return { ...request, path: path(anonymous) };
              let session = byConnection.get(context);
              if (!session) {
                session = sessions[next++ % sessions.length]!;
                byConnection.set(context, session);
              }
              const headers = { ...request.headers, cookie: session.cookie };
              return {
                ...request,
                path: path(session),
                headers: renderAnew ? { ...headers, 'cache-control': 'no-cache' } : headers,
              };
            },
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    // autocannon's own table has p90 and p97.5 but no p95: every response time is kept here.
    instance.on('response', (_client, status, _bytes, responseTime) => {
      times.push(responseTime);
      if (status < 200 || status > 299) odd.set(status, (odd.get(status) ?? 0) + 1);
    });
  });
  const cpuAfter = cpu();
  const perRequest = (before: number | null, after: number | null) =>
    before === null || after === null || result.requests.total === 0 ? null : (after - before) / result.requests.total;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(times.length * q))] ?? Number.NaN;
  return {
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statuses: [...odd].map(([status, n]) => `${status}×${n}`).join(' '),
    nodeCpu: perRequest(cpuBefore.server, cpuAfter.server),
    pgCpu: perRequest(cpuBefore.postgres, cpuAfter.postgres),
  };
}

function printHeader(): void {
  process.stdout.write(
    `${'page'.padEnd(36)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'p99'.padStart(9)}${'requests'.padStart(10)}${'errors'.padStart(8)}${'timeouts'.padStart(10)}${'non-2xx'.padStart(9)}${'p95 ratio'.padStart(11)}${'node'.padStart(9)}${'pg'.padStart(8)}\n`,
  );
}
function printRow(name: string, f: Figures): void {
  if (!referenceP95) referenceP95 = f.p95;
  const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(9);
  process.stdout.write(
    `${name.padEnd(36)}${ms(f.p50)}${ms(f.p95)}${ms(f.p99)}${String(f.requests).padStart(10)}${String(f.errors).padStart(8)}${String(f.timeouts).padStart(10)}${String(f.non2xx).padStart(9)}${`${(f.p95 / referenceP95).toFixed(1)}×`.padStart(11)}${cpuMs(f.nodeCpu).padStart(9)}${cpuMs(f.pgCpu).padStart(8)}${f.statuses ? `  (${f.statuses})` : ''}\n`,
  );
}

function cpuMs(value: number | null): string {
  return value === null ? 'n/a' : `${value.toFixed(1)} ms`;
}

function durationArgument(args: string[]): number {
  const at = args.indexOf('--duration');
  if (at < 0) return 30;
  const seconds = Number(args[at + 1]);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 600)
    throw new Error('--duration takes whole seconds, 1–600');
  return seconds;
}

function workersArgument(args: string[]): Array<number | 'default'> {
  const at = args.indexOf('--workers');
  if (at < 0) return ['default'];
  const list = (args[at + 1] ?? '').split(',');
  return list.map((item) => {
    if (item === 'default') return 'default';
    const n = Number(item);
    if (!Number.isInteger(n) || n < 1 || n > 64)
      throw new Error('--workers takes a list of 1–64 or default, e.g. 1,default');
    return n;
  });
}

/** /proc/loadavg's three figures: the machine's load, which these figures depend on. */
function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'n/a';
  }
}
