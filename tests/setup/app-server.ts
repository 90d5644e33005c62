import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../packages/db/src/embedded.ts';
import { TEST_APP_PASSWORD } from './names.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const artifacts = `${repoRoot}.test-artifacts`;

/**
 * Build the web app once for this run (the server serves the production build). Test
 * files run in parallel and two builds into one folder corrupt each other: a lock
 * directory serialises them, and a stamp with the vitest process id skips the rebuild.
 */
export function buildWebApp(): void {
  mkdirSync(artifacts, { recursive: true });
  const lock = `${artifacts}/build.lock`;
  const stamp = `${artifacts}/build.stamp`;
  const run = String(process.ppid);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run is stale after five minutes.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === run) return;
    execFileSync('npx', ['react-router', 'build'], { cwd: `${repoRoot}apps/web`, stdio: 'ignore' });
    writeFileSync(stamp, run);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface RunningApp {
  url: string;
  stop(): Promise<void>;
  /** SIGKILL: no shutdown handler runs, as when the machine loses power. */
  kill(): Promise<void>;
}

/**
 * The real launcher (`apps/web/server/main.ts`) as its own process, on a test
 * database: migrations, demo seed (county and users, without its ledgers and cases) and
 * HTTP as `npm start` runs them.
 */
export async function startApp(ownerUrl: string): Promise<RunningApp> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/web/server/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: ownerUrl, APP_DB_PASSWORD: TEST_APP_PASSWORD, PORT: String(port), HOST: '127.0.0.1', TALLY_DATA_DIR: `${repoRoot}.test-artifacts/app-data`,
      // The journeys count the rows they create themselves: start from an empty county.
      TALLY_DEMO_DATA: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is running at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`app exited with ${code}:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
    kill: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.on('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

/** Debian's Chromium, or null when it is not installed. */
export function systemChromium(): string | null {
  for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(path)) return path;
  return null;
}

/** Flags for a headless Chromium on a closed network, as root. */
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
