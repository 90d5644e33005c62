import { count, sql } from 'drizzle-orm';
import { schema, type Database, type Transaction } from '@tally/db';
import { demoCountySpec } from './demo-county.ts';
import { seedDemoData, type DemoDataSummary } from './demo-data.ts';
import { hashPasswords, provisionCountyIn } from '@tally/db/provision';

export * from './demo-county.ts';
export { seedDemoData, type DemoDataSummary } from './demo-data.ts';

export interface SeedOptions {
  /** The instant the demo's history runs up to; the data is deterministic given it. */
  now: Date;
  /** False: the county and its users only, for tests that need an empty county. Default true. */
  withData?: boolean;
}

/**
 * Load the demo county with six months of ledgers and cases once; a second start keeps
 * whatever is there. One owner transaction: a failed seed leaves an empty database that
 * the next start seeds again, never half a county.
 */
export async function seedDemoIfEmpty(
  ownerDb: Database,
  options: SeedOptions,
): Promise<{ seeded: boolean; summary?: DemoDataSummary }> {
  // Checked before hashing passwords so a normal restart costs one query.
  if (await hasCounties(ownerDb)) return { seeded: false };
  const spec = demoCountySpec();
  const passwordHashes = await hashPasswords(spec);
  return ownerDb.transaction(async (tx) => {
    // Serialises two starts on one database: the second waits, then sees the county.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tally.seed-demo'))`);
    if (await hasCounties(tx)) return { seeded: false };
    await provisionCountyIn(tx, spec, passwordHashes);
    if (options.withData === false) return { seeded: true };
    const summary = await seedDemoData(tx, spec, options.now);
    return { seeded: true, summary };
  });
}

async function hasCounties(db: Database | Transaction): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(schema.counties);
  return (row?.n ?? 0) > 0;
}
export {
  seedThreeYears,
  THREE_YEAR_TABLES,
  type ThreeYearOptions,
  type ThreeYearSummary,
} from './three-years/index.ts';
export { DISPUTE_STORIES, type DisputeStory } from './demo-dispute-texts.ts';
