import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { appUrlFrom, enableAppRoleLogin, runMigrations } from '@tally/db';
import { ensureDatabase, startEmbeddedPostgres } from '@tally/db/embedded';

export interface PreparedDatabase {
  ownerUrl: string;
  appUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** The app role's password: from the environment, or made once and kept under the data directory. */
function appPassword(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const file = join(dataDir, 'app-db-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/**
 * Embedded PostgreSQL under `dataDir/pg` when no DATABASE_URL is given;
 * either way, migrations applied as the owner and the app role enabled.
 */
export async function prepareDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  appDbPassword: string | undefined;
}): Promise<PreparedDatabase> {
  let ownerUrl: string;
  let stop = async () => {};
  const embedded = !options.databaseUrl;
  if (options.databaseUrl) {
    ownerUrl = options.databaseUrl;
  } else {
    const server = await startEmbeddedPostgres({ dataDir: join(options.dataDir, 'pg'), persistent: true });
    await ensureDatabase(server.adminUrl(), 'tally');
    ownerUrl = server.adminUrl('tally');
    stop = () => server.stop();
  }
  await runMigrations(ownerUrl);
  const password = appPassword(options.dataDir, options.appDbPassword);
  await enableAppRoleLogin(ownerUrl, password);
  return { ownerUrl, appUrl: appUrlFrom(ownerUrl, password), embedded, stop };
}
