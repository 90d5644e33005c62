import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { enableAppRoleLogin, runMigrations } from '@tally/db/migrate';
import { postgresServer } from './postgres-server.ts';
import { TEMPLATE_DATABASE, TEST_APP_PASSWORD } from './names.ts';
import './provided-context.ts';

/**
 * One server for the whole run and one migrated template database; each test
 * file clones it (CREATE DATABASE ... TEMPLATE), which is fast and isolated.
 */
export default async function setup(project: TestProject) {
  const { adminUrl, stop } = await postgresServer('tally-test-pg-');
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
