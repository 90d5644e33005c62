import { schema, type Database } from '@tally/db';

/**
 * A year of inspection scores for one unit, the same score everywhere: the twelve routine
 * checks, the half-year and the year-end inspection. The assessment's base score is then
 * `score` whatever the weights, which keeps hand-worked expectations short.
 */
export async function insertInspectionYear(
  owner: Database,
  entry: { countyId: number; unitCode: string; year: number; score: number; enteredByUnit: string; enteredBy: string },
): Promise<void> {
  const rows = [
    ...Array.from({ length: 12 }, (_, month) => ({ component: 'routine' as const, periodNo: month + 1 })),
    { component: 'half-year' as const, periodNo: 1 },
    { component: 'year-end' as const, periodNo: 1 },
  ];
  await owner.insert(schema.inspectionScores).values(
    rows.map((row) => ({
      countyId: entry.countyId,
      unitCode: entry.unitCode,
      year: entry.year,
      ...row,
      score: String(entry.score),
      enteredByUnit: entry.enteredByUnit,
      createdBy: entry.enteredBy,
      createdByName: '县考核组',
    })),
  );
}
