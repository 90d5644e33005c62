/** One problem found in a rule set, already phrased for people (names the rule). */
export interface RuleSetIssue {
  /** Rule id when the problem is inside a rule. */
  ruleId?: string;
  /** JSON path inside the rule set, e.g. ["rules", 3, "tiers", 1]. */
  path: (string | number)[];
  message: string;
}

/** Thrown by parseRuleSet / score when a rule set is invalid. */
export class RuleSetError extends Error {
  override readonly name = 'RuleSetError';
  readonly issues: RuleSetIssue[];
  constructor(issues: RuleSetIssue[]) {
    super(
      issues.length === 1
        ? `Invalid rule set: ${issues[0]?.message ?? ''}`
        : `Invalid rule set (${issues.length} problems):\n- ${issues.map((i) => i.message).join('\n- ')}`,
    );
    this.issues = issues;
  }
}

/** Which list of a unit's facts a refused fact sits in. */
export type FactList = 'inspections' | 'events' | 'records' | 'indicators' | 'vetoes';

/** Why a fact was refused (stable codes, for the app to translate). */
export type FactProblem =
  /** NaN, ±Infinity, or not a number at all. */
  | 'not-finite'
  | 'not-whole'
  | 'below-minimum'
  | 'above-maximum'
  | 'too-many-decimals'
  | 'numerator-above-denominator'
  /** An event level that no per-event rule of the event's kind scores (or no level where one is needed). */
  | 'unknown-level'
  /** A kind no rule mentions, in a rule set with strictVocabulary. */
  | 'unknown-kind'
  | 'invalid-date'
  /** Occurrences of one rule in one unit (or a pooled indicator denominator) above MAX_COUNT. */
  | 'too-many'
  | 'invalid-unit-id'
  /** The same unitId twice in one call. */
  | 'duplicate-unit-id'
  | 'not-a-list';

const SINGULAR: Record<FactList, string> = {
  inspections: 'inspection',
  events: 'event',
  records: 'record',
  indicators: 'indicator',
  vetoes: 'veto',
};

export interface FactErrorDetails {
  unitId: string;
  /** Absent for problems of the unit itself (its id, a list that is not a list). */
  list?: FactList;
  factId?: string;
  /** The rule that reads the fact, when one does. */
  ruleId?: string;
  /** The fact's field: count, score, numerator, denominator, level, kind, component, name, date, unitId, or a list name. */
  field: string;
  problem: FactProblem;
  /** What is wrong, without the unit/fact/rule names (the message adds them). */
  reason: string;
}

/**
 * Thrown by score() for a fact it cannot score exactly (a negative or infinite count, an
 * inspection score outside 0–100, a numerator above its denominator, a level the rule set
 * does not score, ...). Facts carry no personal data: the message names the unit, the
 * fact id, the field and the rule, never anything else.
 */
export class FactError extends Error {
  override readonly name = 'FactError';
  readonly unitId: string;
  readonly list: FactList | undefined;
  readonly factId: string | undefined;
  readonly ruleId: string | undefined;
  readonly field: string;
  readonly problem: FactProblem;
  constructor(d: FactErrorDetails) {
    const where =
      d.list === undefined ? `unit "${d.unitId}"` : `unit "${d.unitId}", ${SINGULAR[d.list]} "${d.factId ?? '?'}"`;
    super(`Invalid fact: ${where}: ${d.reason}${d.ruleId === undefined ? '' : ` (rule "${d.ruleId}")`}`);
    this.unitId = d.unitId;
    this.list = d.list;
    this.factId = d.factId;
    this.ruleId = d.ruleId;
    this.field = d.field;
    this.problem = d.problem;
  }
}
