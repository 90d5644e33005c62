import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { runDataSteps } from './data-steps/index.ts';

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/** Apply committed SQL migrations as the owner role, then the data steps not yet run (data-steps/). */
export async function runMigrations(ownerUrl: string): Promise<void> {
  const client = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    const db = drizzle(client);
    await migrate(db, { migrationsFolder });
    await runDataSteps(db);
  } finally {
    await client.end({ timeout: 5 });
  }
}

const SAFE_PASSWORD = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * Give the app role LOGIN and a password. DDL cannot take bound parameters,
 * so the password is restricted to a safe alphabet and checked here.
 */
export async function enableAppRoleLogin(ownerUrl: string, password: string): Promise<void> {
  if (!SAFE_PASSWORD.test(password)) throw new Error('APP_DB_PASSWORD must be 8-128 characters of A-Z a-z 0-9 _ -');
  const client = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await client.unsafe(`alter role tally_app login password '${password}'`);
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** The URL the app connects with: the owner URL with the app role's credentials. */
export function appUrlFrom(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = 'tally_app';
  url.password = password;
  return url.toString();
}
