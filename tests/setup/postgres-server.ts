import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@tally/db/embedded';

/**
 * The PostgreSQL server a test run or a benchmark uses: DATABASE_URL's when set, otherwise
 * an embedded one in a temporary folder, removed again by `stop`.
 */
export async function postgresServer(folderPrefix: string): Promise<{ adminUrl: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { adminUrl: process.env.DATABASE_URL, stop: async () => {} };
  const dir = mkdtempSync(join(tmpdir(), folderPrefix));
  // As root the server runs as the `postgres` OS user, which must reach the data directory.
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), persistent: false });
  return {
    adminUrl: server.adminUrl(),
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
