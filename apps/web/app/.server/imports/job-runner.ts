/**
 * Work that outlives its request (an import commit of 200,000 rows takes longer than
 * a browser waits): started here, the request answers at once and the page follows the
 * batch row, which the job updates from transactions of its own.
 *
 * In-process and deliberately small: a job's state lives in the database, not here, so
 * a process that dies loses nothing but the work in flight, which its transaction rolls
 * back; the batch's advisory lock tells housekeeping that nobody runs it any more
 * (@tally/db imports/housekeeping.ts). A job's own failures are handled by the job; what
 * reaches this runner is logged without its message (it may quote a statement's values).
 */
import { log } from '../log.ts';

const running = new Set<Promise<void>>();

export function runInBackground(name: string, job: () => Promise<void>): void {
  const done: Promise<void> = job()
    .catch((error: unknown) => {
      log.error(error instanceof Error ? error : new Error('job failed'), `background job ${name} failed`);
    })
    .finally(() => running.delete(done));
  running.add(done);
}

/** Resolves when no job is running: tests and the bench wait on it instead of sleeping. */
export async function backgroundJobsIdle(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}
