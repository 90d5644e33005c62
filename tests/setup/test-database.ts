import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { inject } from 'vitest';
import { appUrlFrom, createDb, type DbHandle } from '@tally/db';
import { TEMPLATE_DATABASE, TEST_APP_PASSWORD } from './names.ts';
import './provided-context.ts';

export interface TestDatabase {
  name: string;
  ownerUrl: string;
  appUrl: string;
  /** Superuser/owner connection: fixtures only, never the code under test. */
  owner: DbHandle;
  /** The app role, as requests connect. */
  app: DbHandle;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A fresh database cloned from the migrated template, for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('adminUrl');
  const name = `tally_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  // Concurrent clones of one template can collide ("being accessed by other users"): retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`create database ${name} template ${TEMPLATE_DATABASE}`);
      break;
    } catch (error) {
      if (attempt >= 20 || !String((error as Error).message).includes('being accessed')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + attempt * 50));
    }
  }
  await admin.end();
  const ownerUrl = withDatabase(adminUrl, name);
  const appUrl = appUrlFrom(ownerUrl, TEST_APP_PASSWORD);
  const owner = createDb(ownerUrl, { max: 2 });
  const app = createDb(appUrl, { max: 4 });
  return {
    name,
    ownerUrl,
    appUrl,
    owner,
    app,
    async drop() {
      await app.close();
      await owner.close();
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** Rows of a plain SQL statement run as the owner: fixtures and checks behind the app's back. */
export async function ownerRows(
  database: TestDatabase,
  text: string,
  ...params: unknown[]
): Promise<Array<Record<string, unknown>>> {
  return [...(await database.owner.client.unsafe(text, params as never[]))] as Array<Record<string, unknown>>;
}

/** A spreadsheet made by LibreOffice for the import tests (packages/imports/test/fixtures/make-fixtures.sh). */
export function importFixture(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(new URL(`../../packages/imports/test/fixtures/${name}`, import.meta.url)));
}
