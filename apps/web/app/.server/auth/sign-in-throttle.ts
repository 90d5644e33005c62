/**
 * Failed sign-ins per source address (docs/security.md "Sign-in"), in memory in
 * each server process: 20 in any 15 minutes, then that address is refused (429)
 * until the oldest ages out. Per account, the lockout in the database applies
 * (5 failures, 15 minutes). Successful sign-ins do not count, so an office behind
 * one NAT address is not held back by its own clerks signing in each morning.
 */
export const SOURCE_FAILURE_LIMIT = 20;
export const SOURCE_WINDOW_MS = 15 * 60 * 1000;
/** More addresses than this at once: the least recently failing ones are forgotten first. */
const MAX_SOURCES = 50_000;

export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = SOURCE_FAILURE_LIMIT,
    private readonly windowMs = SOURCE_WINDOW_MS,
  ) {}

  /**
   * Reserve an attempt for `source`; false when it is over the limit. The reservation
   * counts at once, so requests racing in parallel cannot all slip under the limit;
   * `succeeded` gives it back.
   */
  begin(source: string, now: number): boolean {
    const recent = (this.failures.get(source) ?? []).filter((at) => now - at < this.windowMs);
    if (recent.length >= this.limit) {
      this.failures.set(source, recent);
      return false;
    }
    recent.push(now);
    // Re-inserted last: Map order is then least recently failing first, the eviction order.
    this.failures.delete(source);
    this.failures.set(source, recent);
    if (this.failures.size > MAX_SOURCES) this.failures.delete(this.failures.keys().next().value!);
    return true;
  }

  succeeded(source: string, now: number): void {
    const recent = this.failures.get(source);
    const index = recent?.lastIndexOf(now) ?? -1;
    if (recent && index >= 0) recent.splice(index, 1);
  }
}

/** The one throttle of this server process. */
export const signInThrottle = new SignInThrottle();
