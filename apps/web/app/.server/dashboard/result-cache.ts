import { and, desc, eq } from 'drizzle-orm';
import { shanghaiDate } from '@tally/casework';
import { schema, type Actor, type Transaction } from '@tally/db';

/**
 * Computed dashboard results (live rankings, score trends), kept in this process and keyed so a
 * kept one is never stale and never crosses readers (docs/decisions/0018-dashboard-result-cache.md):
 *
 * - **data version**: the county's `dashboard_data_versions` row, bumped in the same transaction
 *   by every statement that changes a table the result reads (`dashboardInputTables`). The version
 *   is read before anything else, so a result computed after reading v holds every change up to v
 *   (it may hold later ones too: never older than its key).
 * - **day**: a live result is read up to today and report cells turn missing when a deadline
 *   passes, so the Shanghai day is part of the key.
 * - **rule set hash** of each year the result scores.
 * - **reader**: county, role and scope — everything the row-level policies of the tables read here
 *   decide on (none of them looks at the user id) — so a result is only served to readers who see
 *   exactly the rows it was computed from. The caller asks only for what the reader may compute.
 *
 * Concurrent misses of one key share one computation (the first reader's, in its transaction).
 */
export interface DataVersion {
  version: number;
  /** When a dashboard input of the county last changed (null: none since the version row was made). */
  changedAt: Date | null;
}

export interface Cached<T> {
  value: T;
  /** When the kept value was computed (the "as of" a page shows). */
  computedAt: Date;
  hit: boolean;
}

interface Entry {
  promise: Promise<{ value: unknown; computedAt: Date }>;
}

const MAX_ENTRIES = 512;

export class ResultCache {
  readonly #entries = new Map<string, Entry>();
  constructor(private readonly maxEntries = MAX_ENTRIES) {}

  /** The kept value of `key`, or the one `compute` gives (kept unless it fails). */
  async get<T>(key: string, compute: () => Promise<T>, now: Date): Promise<Cached<T>> {
    const found = this.#entries.get(key);
    if (found) {
      // Most recently used last: a Map iterates in insertion order.
      this.#entries.delete(key);
      this.#entries.set(key, found);
      try {
        const kept = await found.promise;
        return { value: kept.value as T, computedAt: kept.computedAt, hit: true };
      } catch {
        // The reader computing it failed (its own transaction): compute here instead of sharing its error.
        return this.get(key, compute, now);
      }
    }
    const promise = compute().then((value) => ({ value: value as unknown, computedAt: now }));
    const entry = { promise };
    this.#entries.set(key, entry);
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    try {
      const made = await promise;
      return { value: made.value as T, computedAt: made.computedAt, hit: false };
    } catch (error) {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
      throw error;
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    this.#entries.clear();
  }
}

/** The process's dashboard results. */
export const dashboardResults = new ResultCache();

/**
 * The county's data version and the hash of the rule set in force of each year, in one statement
 * (under the reader's RLS): everything a cache key needs besides the request itself.
 */
export async function cacheInputs(
  tx: Transaction,
  countyId: number,
  years: readonly number[],
): Promise<{ data: DataVersion; ruleSetHashes: Map<number, string | null> }> {
  const v = schema.dashboardDataVersions;
  const r = schema.assessmentRuleSets;
  const hashOf = (year: number) =>
    tx
      .select({ hash: r.contentHash })
      .from(r)
      .where(and(eq(r.countyId, countyId), eq(r.year, year), eq(r.status, 'published')))
      .orderBy(desc(r.publishedAt), desc(r.createdAt))
      .limit(1);
  const [[version], ...hashes] = await Promise.all([
    tx
      .select({ version: v.version, changedAt: v.changedAt })
      .from(v)
      .where(eq(v.countyId, countyId))
      .then((rows) => (rows.length > 0 ? rows : [undefined])),
    ...years.map(hashOf),
  ]);
  return {
    data: { version: version?.version ?? 0, changedAt: version?.changedAt ?? null },
    ruleSetHashes: new Map(years.map((year, index) => [year, hashes[index]?.[0]?.hash ?? null])),
  };
}

/** A cache key: what is asked, for which reader, on which data, rules and day. */
export function cacheKey(
  what: string,
  reader: Pick<Actor, 'countyId' | 'role' | 'scope'>,
  request: Record<string, string | number | boolean>,
  inputs: { data: DataVersion; ruleSetHashes: Map<number, string | null> },
  now: Date,
): string {
  return JSON.stringify([
    what,
    reader.countyId,
    reader.role,
    reader.scope,
    Object.entries(request).sort(([a], [b]) => (a < b ? -1 : 1)),
    inputs.data.version,
    [...inputs.ruleSetHashes].sort(([a], [b]) => a - b),
    shanghaiDate(now),
  ]);
}
