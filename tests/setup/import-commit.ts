import { backgroundJobsIdle } from '@tally/web/server/imports/job-runner.ts';
import type { createCaller } from '@tally/web/server/routers/root.ts';

/** The commit's refusal from inside the job, as the batch page shows it. */
export class CommitRefused extends Error {
  constructor(readonly params: { zh: string; en: string }) {
    super(params.en);
  }
}

/**
 * Commit and wait for the background job: the claim's refusals throw as the procedure
 * throws them; the job's outcome is read back from the batch, as the page reads it.
 */
export async function commitAndWait(
  caller: ReturnType<typeof createCaller>,
  input: { id: string; acceptErrors?: boolean },
): Promise<{ inserted: number; skipped: number }> {
  await caller.imports.commit(input);
  await backgroundJobsIdle();
  const { batch } = await caller.imports.get({ id: input.id });
  if (batch.status !== 'committed') throw new CommitRefused(batch.failure ?? { zh: batch.status, en: batch.status });
  return { inserted: batch.insertedCount ?? 0, skipped: batch.skippedCount ?? 0 };
}
