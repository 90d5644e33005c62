import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { appUrlFrom, createDb, enableAppRoleLogin, runMigrations, type DbHandle } from '@tally/db';
import { postgresServer } from '../../setup/postgres-server.ts';

export interface BenchDatabase {
  /** Superuser URL of the server (for psql and for dropping the database). */
  adminUrl: string;
  ownerUrl: string;
  appUrl: string;
  owner: DbHandle;
  app: DbHandle;
  close(): Promise<void>;
}

/**
 * A freshly migrated database for one benchmark: on DATABASE_URL's server when set,
 * otherwise on an embedded PostgreSQL started for the run, as the tests do.
 */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  const { adminUrl, stop: stopServer } = await postgresServer('tally-bench-pg-');
  const name = `tally_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const ownerUrl = new URL(adminUrl);
  ownerUrl.pathname = `/${name}`;
  await runMigrations(ownerUrl.toString());
  const password = randomBytes(12).toString('hex');
  await enableAppRoleLogin(ownerUrl.toString(), password);
  const owner = createDb(ownerUrl.toString(), { max: 2 });
  const appUrl = appUrlFrom(ownerUrl.toString(), password);
  const app = createDb(appUrl, { max: 4 });
  return {
    adminUrl,
    ownerUrl: ownerUrl.toString(),
    appUrl,
    owner,
    app,
    async close() {
      await app.close();
      await owner.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
      await stopServer();
    },
  };
}

/** Median and 95th percentile of `runs` timed calls after `warmup` untimed ones, in milliseconds. */
export async function timeIt(
  fn: () => Promise<unknown>,
  runs = 200,
  warmup = 20,
): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(runs / 2)]!, p95: samples[Math.floor(runs * 0.95)]! };
}
