import { DISPUTE_TARGETS } from '@tally/casework';

/** The targets the dashboard marks rates against, in whole percent. */
export interface IndicatorTargets {
  closure: number;
  onTime: number;
  success: number;
  satisfaction: number;
  /** 报告率: reports filed ÷ reports due (docs/reports.md). */
  reporting: number;
}

/**
 * Petition targets (办结率, 按期办结率) are set by each county; these are the defaults until a
 * county sets its own (docs/dashboard.md). The dispute targets are the published 98/98/96.
 */
export const DEFAULT_CASE_TARGETS = { closure: 95, onTime: 90 } as const;

/**
 * Every report due is to be filed: the assessment deducts for each one missing or late and names
 * no tolerated share, so the reporting rate's target is all of them.
 */
export const REPORTING_TARGET = 100;

/** A county's own targets, where it has set them: none has yet, so the defaults hold for every county. */
const countyCaseTargets: ReadonlyMap<number, { closure: number; onTime: number }> = new Map();

export function indicatorTargets(countyId: number): IndicatorTargets {
  const cases = countyCaseTargets.get(countyId) ?? DEFAULT_CASE_TARGETS;
  return {
    ...cases,
    success: DISPUTE_TARGETS.success,
    satisfaction: DISPUTE_TARGETS.satisfaction,
    reporting: REPORTING_TARGET,
  };
}
