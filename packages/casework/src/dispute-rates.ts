/**
 * The dispute figures of docs/domain.md §4 against their targets, from counted groups of rows
 * (the database groups, this module decides what each rate means).
 *
 * Definitions, chosen so each rate has a denominator an office can check by hand:
 * - participation 调解参与率 = disputes with a mediation method recorded (people's,
 *   administrative or judicial) ÷ all disputes found in the period. A dispute nobody
 *   mediated is what this rate exists to catch.
 * - success 调解成功率 = settled ÷ (settled + failed): mediations that have concluded.
 *   Pending disputes are still being mediated and count for neither side.
 * - satisfaction 满意率 = (satisfied + basically satisfied) ÷ revisited, where revisited means
 *   a satisfaction answer is recorded. Unrevisited disputes are not counted as satisfied.
 * A rate with a zero denominator is "—" and neither meets nor misses its target.
 */
import type { CivilDate } from './civil-date.ts';
import { compareDates, addDays } from './civil-date.ts';
import {
  DISPUTE_TARGETS,
  handlingLevelFor,
  rateAgainstTarget,
  revisitDueOn,
  type DisputeSeverity,
  type RevisitClass,
} from './disputes.ts';
import type { Rate } from './rate.ts';
import type { UnitLevel } from './unit-code.ts';

export type DisputeOutcome = 'pending' | 'settled' | 'failed';
export type DisputeSatisfaction = 'satisfied' | 'basically' | 'not';

/** One group of disputes that share every attribute the figures look at. */
export interface DisputeGroup {
  severity: DisputeSeverity;
  mediated: boolean;
  outcome: DisputeOutcome;
  satisfaction: DisputeSatisfaction | null;
  count: number;
}

export interface RateLine {
  rate: Rate;
  targetPercent: number;
  meets: boolean | null;
}

export interface DisputeFigures {
  total: number;
  participation: RateLine;
  success: RateLine;
  satisfaction: RateLine;
  bySeverity: Record<DisputeSeverity, number>;
  byHandlingLevel: Record<UnitLevel, number>;
  byOutcome: Record<DisputeOutcome, number>;
}

export function disputeFigures(
  groups: readonly DisputeGroup[],
  targets: { participation: number; success: number; satisfaction: number } = DISPUTE_TARGETS,
): DisputeFigures {
  let total = 0;
  let mediated = 0;
  let revisited = 0;
  let satisfied = 0;
  const bySeverity: Record<DisputeSeverity, number> = { minor: 0, ordinary: 0, major: 0 };
  const byHandlingLevel: Record<UnitLevel, number> = { village: 0, township: 0, county: 0 };
  const byOutcome: Record<DisputeOutcome, number> = { pending: 0, settled: 0, failed: 0 };
  for (const group of groups) {
    if (!Number.isInteger(group.count) || group.count < 0)
      throw new RangeError(`group count must be a non-negative integer, got ${group.count}`);
    total += group.count;
    if (group.mediated) mediated += group.count;
    bySeverity[group.severity] += group.count;
    byHandlingLevel[handlingLevelFor(group.severity)] += group.count;
    byOutcome[group.outcome] += group.count;
    if (group.satisfaction !== null) {
      revisited += group.count;
      if (group.satisfaction !== 'not') satisfied += group.count;
    }
  }
  const line = (numerator: number, denominator: number, targetPercent: number): RateLine => ({
    ...rateAgainstTarget(numerator, denominator, targetPercent),
    targetPercent,
  });
  return {
    total,
    participation: line(mediated, total, targets.participation),
    success: line(byOutcome.settled, byOutcome.settled + byOutcome.failed, targets.success),
    satisfaction: line(satisfied, revisited, targets.satisfaction),
    bySeverity,
    byHandlingLevel,
    byOutcome,
  };
}

export type RevisitStatus = 'overdue' | 'due_soon' | 'upcoming';

/** A settled dispute still waiting for its revisit, with its last day and where it stands today. */
export interface RevisitDue {
  dueOn: CivilDate;
  status: RevisitStatus;
  /** Calendar days from today to dueOn; negative when overdue. */
  daysLeft: number;
}

/** Default window for "due soon": two weeks, enough to plan a home visit. */
export const REVISIT_DUE_SOON_DAYS = 14;

/**
 * Where one settled, not yet revisited dispute stands on `today`. Revisit periods are
 * calendar months (see revisitDueOn), so the count of days left is in calendar days too.
 */
export function revisitStatus(
  settledOn: CivilDate,
  revisitClass: RevisitClass,
  today: CivilDate,
  dueSoonDays = REVISIT_DUE_SOON_DAYS,
): RevisitDue {
  const dueOn = revisitDueOn(settledOn, revisitClass);
  const daysLeft = compareDates(dueOn, today);
  const status: RevisitStatus =
    daysLeft < 0 ? 'overdue' : compareDates(dueOn, addDays(today, dueSoonDays)) <= 0 ? 'due_soon' : 'upcoming';
  return { dueOn, status, daysLeft };
}

export function isRevisitClass(value: unknown): value is RevisitClass {
  return value === 1 || value === 2 || value === 3;
}
