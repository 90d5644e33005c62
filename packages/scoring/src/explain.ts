/**
 * Explanation lines and assessments: the output of score(). Every amount is fixed point
 * (integer milli-units, see fixed-point.ts) with a display string next to it.
 */
import { formatFixed, settled, type Fixed } from './fixed-point.ts';
import type { Effect, ScoreUnit } from './rule-set.ts';

/** One line of a unit's score: which rule, how many points, which facts produced it. */
export interface ExplanationLine {
  ruleId: string;
  /** Chinese label of the rule (or component), e.g. 信息被采用, 例行检查. */
  label: string;
  /** Signed contribution in milli-units (deductions negative). */
  points: Fixed;
  /** points for people: "+0.5", "-2", "+18.25". */
  display: string;
  /** Ids of the facts that produced this line, sorted. */
  factIds: string[];
  /** Free text: the arithmetic behind the line. */
  detail?: string;
}

/**
 * A quota still short of its `atLeast` while the period is open (score to date): it gives
 * no line yet; at the close it is either reached or applied.
 */
export interface AtRisk {
  ruleId: string;
  label: string;
  /** Records (or distinct keys, or event occurrences) on record so far. */
  have: number;
  /** The quota's atLeast. */
  need: number;
  effect: Effect;
  /**
   * Signed amount that depends on reaching `need` by the close: a deduction quota still short
   * then costs its points (−1000 for −1); a bonus or base quota gains its points if reached.
   */
  atStake: Fixed;
}

/** The scored result of one unit. All amounts in milli-units of `unit`. */
export interface Assessment {
  unitId: string;
  ruleSetId: string;
  ruleSetVersion: string;
  unit: ScoreUnit;
  /** Base score (weighted inspections and other base rules), after caps of base groups. */
  base: Fixed;
  /** Bonus before group caps. */
  bonusRaw: Fixed;
  /** Bonus after group caps (e.g. min(bonus, 10)). */
  bonus: Fixed;
  /** Total deductions as a non-negative amount, after caps of deduction groups. */
  deductions: Fixed;
  /** Amount added by the floor rule (0 when the floor did not apply). */
  floorAdjustment: Fixed;
  /** base + bonus − deductions + floorAdjustment = Σ lines.points. */
  final: Fixed;
  /** One-vote veto: ranked last whatever the points. */
  vetoed: boolean;
  /** False when vetoed (may not be commended). */
  commendable: boolean;
  /** Veto fact ids (empty when not vetoed). */
  vetoFactIds: string[];
  lines: ExplanationLine[];
  /**
   * Percent of the inspection base that has at least one inspection on record: the sum of
   * the weights of those components (20 after the first quarter's routine checks, 100 once
   * the year-end inspection is in). 0 when no inspection-weights rule applies to the unit.
   * Always set by score(); optional only for assessments stored before it existed.
   */
  assessedWeightPct?: number;
  /**
   * Present only when scored with periodClosed: false (score to date): the quotas still
   * short of their atLeast, which give no line until the period closes. Empty when none.
   */
  atRisk?: AtRisk[];
}

const displayCache = new Map<number, string>();

/** Display string of a signed amount ("+0.5", "-2"); common values are shared, not rebuilt. */
export function displayOf(points: Fixed): string {
  let d = displayCache.get(points);
  if (d === undefined) {
    d = formatFixed(points, true);
    if (displayCache.size < 65536) displayCache.set(points, d);
  }
  return d;
}

export function line(
  ruleId: string,
  label: string,
  points: Fixed,
  factIds: string[],
  detail?: string,
): ExplanationLine {
  points = settled(points);
  const l: ExplanationLine = { ruleId, label, points, display: displayOf(points), factIds };
  if (detail !== undefined) l.detail = detail;
  return l;
}

/** Σ of the explanation lines (equals assessment.final by construction). */
export function sumLines(lines: readonly ExplanationLine[]): Fixed {
  let s = 0;
  for (const l of lines) s += l.points;
  return s;
}

/** A readable multi-line account of an assessment, e.g. for a tooltip or a printout. */
export function explainText(a: Assessment): string {
  const unit = a.unit === 'yuan' ? ' 元' : '';
  const out = [`${a.unitId}: ${formatFixed(a.final)}${unit}${a.vetoed ? ' (一票否决)' : ''}`];
  for (const l of a.lines) {
    const facts = l.factIds.length ? ` [${l.factIds.join(', ')}]` : '';
    out.push(`  ${l.display.padStart(8)}  ${l.label} (${l.ruleId})${l.detail ? ` — ${l.detail}` : ''}${facts}`);
  }
  return out.join('\n');
}
