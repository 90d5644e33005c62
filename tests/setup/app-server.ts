import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../packages/db/src/embedded.ts';
import { TEST_APP_PASSWORD } from './names.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Build the web app once for this run (the server serves the production build). */
export function buildWebApp(): void {
  execFileSync('npx', ['react-router', 'build'], { cwd: `${repoRoot}apps/web`, stdio: 'ignore' });
}

export interface RunningApp {
  url: string;
  stop(): Promise<void>;
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
  };
}

/** Debian's Chromium, or null when it is not installed. */
export function systemChromium(): string | null {
  for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(path)) return path;
  return null;
}

/** Flags for a headless Chromium on a closed network, as root. */
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
