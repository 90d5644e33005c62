/**
 * Bounds that keep every sum exact. Amounts are integers in milli-units (fixed-point.ts);
 * a sum stays exact while it stays below Number.MAX_SAFE_INTEGER. The worst case of a rule
 * is its largest amount times the most occurrences it can count in one unit, so both are
 * bounded: parseRuleSet refuses a rule set whose worst case could leave the safe range
 * (rule-set-limits.ts), and score() refuses a unit whose facts go beyond MAX_COUNT.
 */

/**
 * Most occurrences one rule may count in one unit (events × their count), the largest
 * count of one event, and the largest indicator denominator (single or pooled).
 * Generous for a year of one village, township or department.
 */
export const MAX_COUNT = 1_000_000;

/** Largest inspection score. */
export const MAX_INSPECTION_SCORE = 100;
