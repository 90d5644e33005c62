/** diff(): preview the effect of a draft rule set against the published one. */
import type { Fixed } from './fixed-point.ts';
import type { UnitFacts } from './facts.ts';
import { rankMap } from './rank.ts';
import type { RuleSet } from './rule-set.ts';
import { score } from './score.ts';

export interface UnitDiff {
  unitId: string;
  before: Fixed;
  after: Fixed;
  /** after − before. */
  delta: Fixed;
  rankBefore: number;
  rankAfter: number;
  /** rankAfter − rankBefore: positive means the unit drops in the table. */
  rankDelta: number;
  vetoedBefore: boolean;
  vetoedAfter: boolean;
}

/** Per unit change in final score and rank between rule set A (before) and B (after), by unitId. */
export function diff(before: RuleSet, after: RuleSet, facts: readonly UnitFacts[]): UnitDiff[] {
  const a = score(before, facts);
  const b = score(after, facts);
  const ra = rankMap(a);
  const rb = rankMap(b);
  // score() returns both lists ordered by unitId over the same units.
  return a.map((x, i) => {
    const y = b[i]!;
    const rankBefore = ra.get(x.unitId) ?? 0;
    const rankAfter = rb.get(y.unitId) ?? 0;
    return {
      unitId: x.unitId,
      before: x.final,
      after: y.final,
      delta: y.final - x.final,
      rankBefore,
      rankAfter,
      rankDelta: rankAfter - rankBefore,
      vetoedBefore: x.vetoed,
      vetoedAfter: y.vetoed,
    };
  });
}
