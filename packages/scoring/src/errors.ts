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
