import { formatFixed, rankMap, type Assessment, type RuleSet } from '@tally/scoring';
import { scoreAndRank } from './assess-units.ts';
import type { RankedUnit } from './group-facts.ts';
import type { UnitFacts } from '@tally/scoring';

export interface PreviewSide {
  final: string;
  finalMilli: number;
  rank: number;
  vetoed: boolean;
}

export interface PreviewRow {
  unitCode: string;
  unitName: string;
  before: PreviewSide | null;
  after: PreviewSide;
  /** after − before in display form ("+2", "-0.5"), null without a published set. */
  delta: string | null;
  /** Places moved: positive means the unit drops. */
  rankDelta: number;
  /** The lines whose points differ between the two rule sets. */
  changedLines: { ruleId: string; label: string; before: string; after: string }[];
}

function side(assessment: Assessment, ranks: Map<string, number>): PreviewSide {
  return {
    final: formatFixed(assessment.final),
    finalMilli: assessment.final,
    rank: ranks.get(assessment.unitId) ?? 0,
    vetoed: assessment.vetoed,
  };
}

function pointsByRule(assessment: Assessment | undefined): Map<string, { label: string; points: number }> {
  const out = new Map<string, { label: string; points: number }>();
  for (const line of assessment?.lines ?? []) {
    const known = out.get(line.ruleId);
    out.set(line.ruleId, { label: known?.label ?? line.label, points: (known?.points ?? 0) + line.points });
  }
  return out;
}

/**
 * Every unit's score and rank under the published rule set and the draft, side by side, the
 * units whose rank changes first (most places moved first), then by the draft's ranking. Pure:
 * the same facts are scored twice.
 */
export function previewRows(
  units: readonly RankedUnit[],
  facts: readonly UnitFacts[],
  published: RuleSet | null,
  draft: RuleSet,
  closed: boolean,
): PreviewRow[] {
  const after = scoreAndRank(draft, facts, true, closed).assessments;
  const before = published ? scoreAndRank(published, facts, true, closed).assessments : null;
  const afterRanks = rankMap(after);
  const beforeRanks = before ? rankMap(before) : null;
  const beforeById = new Map((before ?? []).map((a) => [a.unitId, a]));
  const names = new Map(units.map((unit) => [unit.code, unit.name]));
  const rows = after.map((a): PreviewRow => {
    const b = beforeById.get(a.unitId);
    const afterSide = side(a, afterRanks);
    const beforeSide = b && beforeRanks ? side(b, beforeRanks) : null;
    const linesBefore = pointsByRule(b);
    const linesAfter = pointsByRule(a);
    const changedLines = [...new Set([...linesBefore.keys(), ...linesAfter.keys()])].flatMap((ruleId) => {
      const x = linesBefore.get(ruleId)?.points ?? 0;
      const y = linesAfter.get(ruleId)?.points ?? 0;
      const label = linesAfter.get(ruleId)?.label ?? linesBefore.get(ruleId)?.label ?? ruleId;
      return beforeSide && x !== y
        ? [{ ruleId, label, before: formatFixed(x, true), after: formatFixed(y, true) }]
        : [];
    });
    return {
      unitCode: a.unitId,
      unitName: names.get(a.unitId) ?? a.unitId,
      before: beforeSide,
      after: afterSide,
      delta: beforeSide ? formatFixed(afterSide.finalMilli - beforeSide.finalMilli, true) : null,
      rankDelta: beforeSide ? afterSide.rank - beforeSide.rank : 0,
      changedLines,
    };
  });
  return rows.sort(
    (x, y) =>
      Math.abs(y.rankDelta) - Math.abs(x.rankDelta) ||
      x.after.rank - y.after.rank ||
      (x.unitCode < y.unitCode ? -1 : 1),
  );
}
