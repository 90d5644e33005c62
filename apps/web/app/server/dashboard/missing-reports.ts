/**
 * Missing or late reports upward this period, for the county overview tile. Reports upward are
 * being built separately; until their submission matrix exists there is nothing to count, and
 * the tile says so. Replace the body with a count of that matrix's missing and late cells.
 */
export async function missingReportsThisPeriod(): Promise<number | null> {
  return null;
}
