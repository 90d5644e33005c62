import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '@tally/db/embedded';
import { TEST_APP_PASSWORD } from './names.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const artifacts = `${repoRoot}.test-artifacts`;
/** The tests' own build, never apps/web/build: a server started by `npm start` keeps its scripts. */
const testBuild = `${artifacts}/build`;

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
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000)
        rmSync(lock, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === run) return;
    execFileSync('npx', ['react-router', 'build'], {
      cwd: `${repoRoot}apps/web`,
      stdio: 'ignore',
      env: { ...process.env, TALLY_BUILD_DIR: testBuild },
    });
    writeFileSync(stamp, run);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface RunningApp {
  url: string;
  /** The launcher's process id; with workers, they are its children (the dashboard bench sums their CPU time from /proc). */
  pid: number;
  /** Everything the server wrote to stdout and stderr so far (its log lines among them). */
  output(): string;
  stop(): Promise<void>;
  /** SIGKILL: no shutdown handler runs, as when the machine loses power. */
  kill(): Promise<void>;
}

export interface AppOptions {
  /**
   * 'start' runs `npm start`'s launcher (apps/web/server/start.ts) without the test
   * runner's NODE_ENV, so the server is in production mode as in service.
   */
  launcher?: 'main' | 'start';
  /** Seed the demo county's ledgers and cases too (by default only the county and its users). */
  demoData?: boolean;
  /** More environment for the server, e.g. LOG_LEVEL to read its log. */
  env?: Record<string, string>;
  /** More flags for the server's node, e.g. --cpu-prof (the dashboard bench's --cpu-prof). */
  nodeArgs?: string[];
  /**
   * HTTP workers (TALLY_WORKERS). Tests run one, in the launcher's own process, so they can
   * read its log and kill it as one process; 'default' leaves it to the launcher (one per core,
   * as `npm start` runs), for the load bench.
   */
  workers?: number | 'default';
}

/**
 * The real launcher (`apps/web/server/main.ts`) as its own process, on a test
 * database: migrations, demo seed (county and users, without its ledgers and cases) and
 * HTTP as `npm start` runs them.
 */
export async function startApp(ownerUrl: string, options: AppOptions = {}): Promise<RunningApp> {
  const port = await freePort();
  const { NODE_ENV: testMode, TALLY_WORKERS: _workers, ...inherited } = process.env;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      '--import',
      'tsx',
      options.launcher === 'start' ? 'apps/web/server/start.ts' : 'apps/web/server/main.ts',
    ],
    {
      cwd: repoRoot,
      env: {
        ...inherited,
        ...(options.launcher === 'start' || testMode === undefined ? {} : { NODE_ENV: testMode }),
        DATABASE_URL: ownerUrl,
        APP_DB_PASSWORD: TEST_APP_PASSWORD,
        PORT: String(port),
        HOST: '127.0.0.1',
        TALLY_DATA_DIR: `${repoRoot}.test-artifacts/app-data`,
        TALLY_BUILD_DIR: testBuild,
        // The journeys count the rows they create themselves: start from an empty county.
        TALLY_DEMO_DATA: options.demoData ? '1' : '0',
        ...(options.workers === 'default' ? {} : { TALLY_WORKERS: String(options.workers ?? 1) }),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    // A guard against a launcher that hangs, not a speed check: with demo data on a loaded
    // machine the start took over 60 s once. It stays under the projects' 120 s hook timeout
    // so the launcher's own output is what a failure shows.
    const timer = setTimeout(() => reject(new Error(`app did not start:\n${output}`)), 110_000);
    const onData = () => {
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
    pid: child.pid!,
    output: () => output,
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
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
