/**
 * Run by `npm install` / `npm ci` (root postinstall). postgres.js 3.4.x writes small buffered
 * messages from a setImmediate (`nextWrite`) and never checks that the socket is still there:
 * when the server ends a connection (pg_terminate_backend, a restart, a network drop) and the
 * driver then writes on it — a transaction's ROLLBACK after the failed statement, a reserved
 * connection's next query — `socket.write` on null throws from a timer, where no caller can
 * catch it, and the whole server process exits, taking every county's requests with it.
 * Known upstream (porsager/postgres issues 1066, 1154, 1208; unreleased as of 3.4.10).
 *
 * The guard settles instead: with no socket, the pending queries are rejected as
 * CONNECTION_CLOSED (the driver's own error path) and the write is dropped. The edit is made
 * only where the exact upstream text is found; a driver without it (a fixed release) is left
 * alone and the script says so. packages/db/test/driver-closed-socket.db.test.ts reproduces
 * the crash: it fails without this guard.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const driver = join(root, 'node_modules', 'postgres');
const MARK = '/* tally: nextWrite guard */';
const UNGUARDED = '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)';
const GUARDED = `  function nextWrite(fn) {
    ${MARK}
    if (!socket) {
      nextWriteTimer !== null && clearImmediate(nextWriteTimer)
      chunk = nextWriteTimer = null
      error(Errors.connection('CONNECTION_CLOSED', options))
      return false
    }
    const x = socket.write(chunk, fn)`;

if (existsSync(driver)) {
  for (const file of ['src/connection.js', 'cjs/src/connection.js', 'cf/src/connection.js']) {
    const path = join(driver, file);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    if (text.includes(MARK)) continue;
    if (!text.includes(UNGUARDED)) {
      console.warn(`patch-postgres-driver: ${file} has no unguarded nextWrite; left as it is`);
      continue;
    }
    writeFileSync(path, text.replace(UNGUARDED, GUARDED));
    console.log(`patch-postgres-driver: guarded nextWrite in postgres/${file}`);
  }
}
