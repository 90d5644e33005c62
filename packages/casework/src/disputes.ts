/** Dispute (矛盾纠纷) rules of docs/domain.md §4: where a dispute is handled, when to revisit, targets. */
import { addMonths, type CivilDate } from './civil-date.ts';
import { meetsTarget, rate, type Rate } from './rate.ts';
import type { UnitLevel } from './unit-code.ts';

export type DisputeSeverity = 'minor' | 'ordinary' | 'major';

export const SEVERITY_LABELS: Readonly<Record<DisputeSeverity, string>> = {
  minor: '轻微',
  ordinary: '一般',
  major: '重大',
};

const LEVEL_BY_SEVERITY: Readonly<Record<DisputeSeverity, UnitLevel>> = {
  minor: 'village',
  ordinary: 'township',
  major: 'county',
};

/** Minor disputes stay in the village, ordinary ones go to the township, major ones to the county. */
export function handlingLevelFor(severity: DisputeSeverity): UnitLevel {
  return LEVEL_BY_SEVERITY[severity];
}

/** Revisit class by size and complexity: 1 (largest) … 3. */
export type RevisitClass = 1 | 2 | 3;

/** Class 1 → within 1 month, class 2 → 1 quarter, class 3 → half a year. */
export const REVISIT_MONTHS: Readonly<Record<RevisitClass, number>> = { 1: 1, 2: 3, 3: 6 };

/**
 * Last day for the revisit: settlement date plus whole calendar months, clamped to the
 * month's end (settled Jan 31, class 1 → Feb 28; Aug 31, class 3 → Feb 28/29). These are
 * calendar periods, so holidays do not move them.
 */
export function revisitDueOn(settledOn: CivilDate, revisitClass: RevisitClass): CivilDate {
  return addMonths(settledOn, REVISIT_MONTHS[revisitClass]);
}

/** Published targets: mediation participation ≥ 98%, success ≥ 98%, satisfaction ≥ 96%. */
export const DISPUTE_TARGETS = { participation: 98, success: 98, satisfaction: 96 } as const;

/**
 * A rate and whether it reaches the target, compared exactly on the counts (97.96% does
 * not meet 98% even though it displays as 98%). meets is null when the denominator is 0.
 */
export function rateAgainstTarget(
  numerator: number,
  denominator: number,
  targetPercent: number,
): { rate: Rate; meets: boolean | null } {
  return { rate: rate(numerator, denominator), meets: meetsTarget(numerator, denominator, targetPercent) };
}
