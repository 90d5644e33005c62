import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, startApp, type RunningApp } from '../setup/app-server.ts';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.ts';

/*
 * `npm start` with two workers (docs/decisions/0024-one-worker-per-core.md): the launcher's
 * banner comes once, requests on new connections reach both workers, the sign-in throttle per
 * source address is one count for both, a worker that dies is replaced, and SIGTERM ends
 * every process.
 */
let database: TestDatabase;
let app: RunningApp | null = null;

beforeAll(async () => {
  database = await createTestDatabase();
  buildWebApp();
  // The log says which worker answered (pino writes each line's pid); it is silent under vitest unless asked.
  app = await startApp(database.ownerUrl, { launcher: 'start', workers: 2, env: { LOG_LEVEL: 'warn' } });
});
afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

/** A request on a connection of its own (no keep-alive), so the cluster hands each to a worker in turn. */
function onNewConnection(url: string, method: string, path: string, body = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${url}${path}`,
      {
        method,
        agent: false,
        headers: {
          origin: url,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Process ids of the server's log lines about unknown login names (pino writes each line's pid). */
function pidsOfUnknownLogins(output: string): Set<number> {
  const pids = new Set<number>();
  for (const line of output.split('\n'))
    if (line.includes('unknown_login')) pids.add((JSON.parse(line) as { pid: number }).pid);
  return pids;
}

/** The launcher's worker processes, from /proc. */
function workersOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid && readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'node') found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('two workers', () => {
  it('prints where to log in once, naming the workers', () => {
    const output = app!.output();
    expect(output.split('is running at').length - 1).toBe(1);
    expect(output).toMatch(/workers: 2 /);
  });

  it('share one sign-in throttle: the 21st failure from an address is refused, whichever worker answers', async () => {
    const url = app!.url;
    for (let attempt = 1; attempt <= 20; attempt++) {
      const body = new URLSearchParams({ loginName: `nobody_${attempt}`, password: 'Wrong-pass-2026' }).toString();
      expect(await onNewConnection(url, 'POST', '/login', body), `attempt ${attempt}`).toBe(200);
    }
    // Both workers answered some of them, and both now refuse.
    expect(pidsOfUnknownLogins(app!.output()).size).toBe(2);
    const body = new URLSearchParams({ loginName: 'nobody_21', password: 'Wrong-pass-2026' }).toString();
    expect(await onNewConnection(url, 'POST', '/login', body)).toBe(429);
    expect(await onNewConnection(url, 'POST', '/login', body)).toBe(429);
  });

  it('replaces a worker that dies, and SIGTERM ends the launcher and every worker', async () => {
    const launcher = app!.pid;
    const before = workersOf(launcher);
    expect(before).toHaveLength(2);
    const victim = before[0]!;
    process.kill(victim, 'SIGKILL');
    const deadline = Date.now() + 60_000;
    while (!app!.output().includes(`worker ${victim} exited with SIGKILL; starting another`)) {
      if (Date.now() > deadline) throw new Error(`the launcher did not notice:\n${app!.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The other worker answers meanwhile; then a new one takes the dead one's place.
    for (let i = 0; i < 4; i++) expect(await onNewConnection(app!.url, 'GET', '/login')).toBe(200);
    let after = workersOf(launcher);
    while (after.length < 2 || after.includes(victim)) {
      if (Date.now() > deadline) throw new Error(`no replacement:\n${app!.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = workersOf(launcher);
    }
    await app!.stop();
    app = null;
    expect([launcher, ...after].filter(alive)).toEqual([]);
  });
});
