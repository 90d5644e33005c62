import { createDb, type DbHandle } from '@tally/db';

let handle: DbHandle | null = null;

/**
 * The request pool, connected as the app role (owns nothing, cannot bypass
 * RLS). The launcher sets APP_DATABASE_URL before the server build is loaded.
 */
export function requestDatabase(): DbHandle {
  if (!handle) {
    const url = process.env.APP_DATABASE_URL;
    if (!url) throw new Error('APP_DATABASE_URL is not set: start the app with `npm start`');
    handle = createDb(url, { max: Number(process.env.APP_DB_POOL ?? 10) });
  }
  return handle;
}
