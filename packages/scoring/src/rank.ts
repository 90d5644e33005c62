/** rank(): order assessments into a league table. */
import type { Fixed } from './fixed-point.ts';
import type { Assessment } from './explain.ts';
import { compareIds } from './score.ts';

export interface Ranking {
  unitId: string;
  /** Standard competition rank: equal finals share a rank (1, 2, 2, 4). */
  rank: number;
  final: Fixed;
  vetoed: boolean;
}

type Rankable = Pick<Assessment, 'unitId' | 'final' | 'vetoed'>;

function order(a: Rankable, b: Rankable): number {
  if (a.vetoed !== b.vetoed) return a.vetoed ? 1 : -1;
  if (a.final !== b.final) return b.final - a.final;
  return compareIds(a.unitId, b.unitId);
}

/**
 * Ranks by final score, highest first. Vetoed units (一票否决) come after every
 * non-vetoed unit whatever their points, ordered among themselves by score. Equal
 * finals (within the same veto class) share a rank and the next rank skips (1, 2, 2, 4).
 * Output order is deterministic: ties are listed by unitId.
 */
export function rank(assessments: readonly Rankable[]): Ranking[] {
  const sortedList = [...assessments].sort(order);
  const out: Ranking[] = [];
  let prev: Rankable | undefined;
  let prevRank = 0;
  sortedList.forEach((a, i) => {
    const r = prev && prev.vetoed === a.vetoed && prev.final === a.final ? prevRank : i + 1;
    out.push({ unitId: a.unitId, rank: r, final: a.final, vetoed: a.vetoed });
    prev = a;
    prevRank = r;
  });
  return out;
}

/** unitId → rank, for lookups. */
export function rankMap(assessments: readonly Rankable[]): Map<string, number> {
  return new Map(rank(assessments).map((r) => [r.unitId, r.rank]));
}
