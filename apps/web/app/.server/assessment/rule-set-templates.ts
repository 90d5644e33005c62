import { defaultRuleSet, fundsRuleSet, streetHalfYearRuleSet, type RuleSet } from '@tally/scoring';

/** Schemes a county may start a draft from (docs/domain.md §6): the default 百分制 and the two other published forms. */
export const ruleSetTemplates = {
  default: defaultRuleSet,
  'street-half-year': streetHalfYearRuleSet,
  funds: fundsRuleSet,
} as const satisfies Record<string, () => RuleSet>;

export type RuleSetTemplate = keyof typeof ruleSetTemplates;
export const ruleSetTemplateNames = Object.keys(ruleSetTemplates) as RuleSetTemplate[];
