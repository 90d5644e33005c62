import { LEVEL_RANK, unitLevelOf } from '@tally/casework';

/** Lower is deeper: village 1, township 2, county 3 (unknown codes rank as the county). */
function depthRank(code: string): number {
  return LEVEL_RANK[unitLevelOf(code) ?? 'county'];
}

/**
 * The unit a petition is attributed to (属地): the deepest unit that has held it. A village case
 * escalated to the township stays the village's; a case the county took in and assigned down
 * becomes the township's it was assigned to; one the county kept stays the county's.
 */
export function deepestUnit(codes: readonly (string | null)[]): string {
  let best: string | null = null;
  for (const code of codes) {
    if (code !== null && (best === null || depthRank(code) < depthRank(best))) best = code;
  }
  if (best === null) throw new Error('a case always has a registering unit');
  return best;
}
