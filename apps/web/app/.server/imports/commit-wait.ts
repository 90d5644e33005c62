/**
 * After starting a commit, the page waits a moment for it: a small file is committed in
 * well under a second, and the clerk (with or without scripts) then sees the outcome
 * instead of a progress page. A long commit is left running and the page follows it.
 */
import type { createCaller } from '../routers/root.ts';

/** How long the request waits for the job before answering with the progress page. */
const SETTLE_MS = 3_000;
const POLL_MS = 100;

export async function waitForCommitBriefly(
  caller: ReturnType<typeof createCaller>,
  id: string,
  budgetMs = SETTLE_MS,
): Promise<string> {
  const deadline = Date.now() + budgetMs;
  for (;;) {
    const { status } = await caller.imports.progress({ id });
    if (status !== 'committing' || Date.now() >= deadline) return status;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
