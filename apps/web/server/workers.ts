import { availableParallelism } from 'node:os';

/*
 * How many HTTP workers `npm start` runs and how many database connections each may hold
 * (docs/decisions/0024-one-worker-per-core.md). Pure: the launcher reads the environment and
 * PostgreSQL's settings and passes them in.
 */

/** The request pool of one worker when APP_DB_POOL does not say (as before the workers). */
export const DEFAULT_POOL = 10;
/** Below this a worker's requests would queue on the pool more than on the CPU. */
export const MIN_POOL = 2;

/** TALLY_WORKERS, or one per core the process may use. 1 runs no cluster at all. */
export function workerCount(fromEnv: number | undefined, cores = availableParallelism()): number {
  return fromEnv ?? Math.max(1, cores);
}

export interface PoolBudget {
  /** PostgreSQL's `max_connections`. */
  maxConnections: number;
  /** PostgreSQL's `superuser_reserved_connections` (and `reserved_connections` from 16 on). */
  reserved: number;
  workers: number;
  /** APP_DB_POOL, when set. */
  requested: number | undefined;
}

/**
 * The request pool of each worker. The server as a whole — every worker's pool plus its one
 * LISTEN connection (immediate reports), plus the launcher's housekeeping connection — takes at
 * most half of the connections PostgreSQL lets ordinary roles open, so psql, migrations, a second
 * server or the bench still get in. Throws, naming the knobs, when that leaves a worker fewer
 * than MIN_POOL connections.
 */
export function poolPerWorker(budget: PoolBudget): number {
  const usable = budget.maxConnections - budget.reserved;
  const forServer = Math.floor(usable / 2);
  const fits = Math.floor((forServer - 1) / budget.workers) - 1;
  const pool = Math.min(budget.requested ?? DEFAULT_POOL, fits);
  if (pool < MIN_POOL)
    throw new Error(
      `${budget.workers} workers need at least ${budget.workers * (MIN_POOL + 1) + 1} database connections, but PostgreSQL's max_connections=${budget.maxConnections} (${budget.reserved} reserved) leaves the server ${forServer}: lower TALLY_WORKERS or APP_DB_POOL, or raise max_connections`,
    );
  return pool;
}
