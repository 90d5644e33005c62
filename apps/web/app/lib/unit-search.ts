/** A unit as the pickers show it. */
export interface PickableUnit {
  code: string;
  name: string;
  level: string;
}

/** At most this many units go to the page: the picker scales with the county, the page does not. */
export const UNIT_MATCH_LIMIT = 20;

/**
 * The units a picker offers for what was typed: names containing the words (spaces split
 * them; every word must match) or codes starting with the digits, in code order. With
 * nothing typed, the units at the top of the tree (county and townships) are offered.
 * A county of 8,159 units renders 20 options, not 8,159 per row.
 */
export function matchUnits(units: readonly PickableUnit[], query: string, limit = UNIT_MATCH_LIMIT): PickableUnit[] {
  const words = query.trim().split(/\s+/).filter(Boolean);
  const matches = words.length
    ? units.filter((unit) =>
        words.every((word) => (/^\d+$/.test(word) ? unit.code.startsWith(word) : unit.name.includes(word))),
      )
    : units.filter((unit) => unit.level === 'county' || unit.level === 'township');
  return [...matches].sort((a, b) => a.code.localeCompare(b.code)).slice(0, limit);
}
