import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateBaseTables } from '@tally/db';
import { ownFactSources } from '../app/.server/assessment/fact-sources.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';

/*
 * Which record makes which fact is written once, in fact-sources.ts, for the record loader; the
 * migration's trigger (unit_month_facts_contributions) writes the same rule in SQL for the
 * aggregates. This holds the trigger to the table: for every base table, the non-register parts the
 * trigger adds — day column, source and condition, word for word — are exactly the table's entries.
 * (Petitions, attributed by area and dated by receipt time, and the registers kept are read by
 * their own code; the aggregate property test checks their facts.)
 */
const BASE_TABLES = aggregateBaseTables.filter((table) => table !== 'petition_cases');
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

interface Part {
  table: string;
  dayColumn: string;
  source: string;
  where: string;
}

/** The parts of one table's contributions statement, as (day column, source, condition). */
async function triggerParts(table: string): Promise<Part[]> {
  const [row] = await database.owner.client.unsafe<{ q: string }[]>(
    'select unit_month_facts_contributions($1, $1) as q',
    [table],
  );
  return row!.q.split(/\bunion all\b/).map((part) => {
    const text = part.replace(/\s+/g, ' ').trim();
    const shape = /date_trunc\('month', (\w+)\)::date(?: as month)?, '([a-z-]+)'/.exec(text);
    const where = / where deleted_at is null(?: and (.*))?$/.exec(text);
    if (!shape || !where) throw new Error(`unexpected contribution shape for ${table}: ${text}`);
    return { table, dayColumn: shape[1]!, source: shape[2]!, where: where[1]?.trim() ?? '' };
  });
}

describe('fact sources: the record loader and the aggregate triggers follow one table', () => {
  it("every base table's trigger parts (besides its register row) are exactly the table's entries", async () => {
    const fromTrigger: Part[] = [];
    for (const table of BASE_TABLES) {
      const parts = await triggerParts(table);
      // Every register counts as kept by any record on its day column: the first part, always.
      expect(parts[0]).toMatchObject({ source: 'register', where: '' });
      fromTrigger.push(...parts.slice(1));
    }
    const fromTable = ownFactSources.map(({ table, dayColumn, source, where }) => ({
      table,
      dayColumn,
      source,
      where,
    }));
    const order = (parts: Part[]) =>
      [...parts].sort((a, b) => `${a.table}:${a.source}`.localeCompare(`${b.table}:${b.source}`));
    expect(order(fromTrigger)).toEqual(order(fromTable));
  });
});
