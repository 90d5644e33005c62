/** Which group and effect a rule's points go to (shared by the schema checks and the compiler). */
import type { Effect, Rule } from './rule-set.ts';

/** Group a rule's points are collected in (null for rules that give no points). */
export function ruleGroup(rule: Rule): string | null {
  switch (rule.kind) {
    case 'inspection-weights':
      return 'base';
    case 'per-event':
    case 'tiered-count':
    case 'quota':
    case 'indicator':
      return rule.group ?? rule.effect;
    default:
      return null;
  }
}

/** Effect of a contributing rule (inspection weights are base). */
export function ruleEffect(rule: Rule): Effect | null {
  switch (rule.kind) {
    case 'inspection-weights':
      return 'base';
    case 'per-event':
    case 'tiered-count':
    case 'quota':
    case 'indicator':
      return rule.effect;
    default:
      return null;
  }
}
