import { sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { demoCountySpec } from './demo-county.ts';
import { provisionCounty } from './provision.ts';

export * from './provision.ts';
export * from './demo-county.ts';

/** Load the demo county once; a second start keeps whatever is there. */
export async function seedDemoIfEmpty(ownerDb: Database): Promise<{ seeded: boolean }> {
  const rows = await ownerDb.execute(sql`select count(*)::int as n from counties`);
  const count = Number((rows as unknown as Array<{ n: number }>)[0]?.n ?? 0);
  if (count > 0) return { seeded: false };
  await provisionCounty(ownerDb, demoCountySpec());
  return { seeded: true };
}
