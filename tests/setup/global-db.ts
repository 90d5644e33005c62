import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { enableAppRoleLogin, runMigrations } from '../../packages/db/src/migrate.ts';
import { startEmbeddedPostgres } from '../../packages/db/src/embedded.ts';
import { TEMPLATE_DATABASE, TEST_APP_PASSWORD } from './names.ts';
import './provided-context.ts';

/**
 * One server for the whole run and one migrated template database; each test
 * file clones it (CREATE DATABASE ... TEMPLATE), which is fast and isolated.
 */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'tally-test-pg-'));
    // As root the server runs as the `postgres` OS user, which must reach the data directory.
    chmodSync(dir, 0o755);
    const server = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), persistent: false });
    adminUrl = server.adminUrl();
    stop = async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
  await admin.unsafe(`create database ${TEMPLATE_DATABASE}`);
  await admin.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
  await runMigrations(templateUrl.toString());
  await enableAppRoleLogin(templateUrl.toString(), TEST_APP_PASSWORD);
  project.provide('adminUrl', adminUrl);
  return stop;
}
