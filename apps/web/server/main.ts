import { fileURLToPath } from 'node:url';
import { createDb, importHousekeeping, signInFailuresHousekeeping } from '@tally/db';
import { DEMO_PASSWORD, demoCountySpec, seedDemoIfEmpty } from '@tally/demo';
import { prepareDatabase } from './database.ts';
import { readEnv } from './env.ts';
import { startHttpServer } from './http-app.ts';

const startedAt = performance.now();
const env = readEnv();
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const dataDir = env.TALLY_DATA_DIR ?? `${repoRoot}.data`;

const database = await prepareDatabase({ databaseUrl: env.DATABASE_URL, dataDir, appDbPassword: env.APP_DB_PASSWORD });
let seeded = false;
let seedMs = 0;
if (env.TALLY_SEED_DEMO === '1') {
  const owner = createDb(database.ownerUrl, { max: 1 });
  const seedStartedAt = performance.now();
  seeded = (await seedDemoIfEmpty(owner.db, { now: new Date(), withData: env.TALLY_DEMO_DATA === '1' })).seeded;
  seedMs = Math.round(performance.now() - seedStartedAt);
  await owner.close();
}
// Import housekeeping crosses counties, so it runs as the owner: at startup (a batch left
// 'committing' by the process before this one becomes retryable) and every few minutes
// (abandoned uploads and finished batches' staged rows are deleted after the retention period).
// The sign-in throttle's rows of sources whose last failure left the window go with it.
const housekeeping = createDb(database.ownerUrl, { max: 1 });
const sweepImports = () =>
  Promise.all([
    importHousekeeping(housekeeping.db, new Date()),
    signInFailuresHousekeeping(housekeeping.db, new Date()),
  ]).catch((error: unknown) => {
    console.error(`housekeeping failed: ${error instanceof Error ? error.name : 'unknown error'}`);
  });
await sweepImports();
setInterval(sweepImports, 5 * 60_000).unref();
// The server build reads this when its first request opens the pool.
process.env.APP_DATABASE_URL = database.appUrl;
const { server, url } = await startHttpServer({
  port: env.PORT,
  host: env.HOST,
  secureCookies: env.SECURE_COOKIES === '1',
});

const logins = demoCountySpec()
  .users.filter((user, index, all) => all.findIndex((other) => other.role === user.role) === index)
  .map((user) => `  ${user.role.padEnd(15)} ${user.loginName}`);
console.log(
  [
    '',
    `Tally 综治考评台账 is running at ${url}`,
    `  database: ${database.embedded ? `embedded PostgreSQL (data in ${dataDir}/pg)` : 'DATABASE_URL'}${seeded ? `, demo county 清河县 loaded in ${seedMs} ms` : ''}`,
    `  mode: ${process.env.NODE_ENV ?? 'development'}, ready in ${Math.round(performance.now() - startedAt)} ms`,
    '',
    `Demo logins (password ${DEMO_PASSWORD}):`,
    ...logins,
    '',
  ].join('\n'),
);

async function shutdown() {
  server.close();
  await housekeeping.close();
  await database.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
