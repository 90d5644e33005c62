import type { RuleSet } from '@tally/scoring';

/**
 * Every fact kind a rule set reads (event, record and veto kinds, inspection components,
 * indicator names), so the records behind kinds no rule counts are never queried.
 */
export function kindsReadBy(ruleSet: RuleSet): Set<string> {
  const kinds = new Set<string>();
  for (const rule of ruleSet.rules) {
    switch (rule.kind) {
      case 'inspection-weights':
        for (const component of rule.components) kinds.add(component.component);
        break;
      case 'per-event':
      case 'tiered-count':
        for (const kind of rule.events) kinds.add(kind);
        break;
      case 'quota':
        kinds.add(rule.record);
        break;
      case 'indicator':
        kinds.add(rule.indicator);
        break;
      case 'veto':
        for (const kind of rule.vetoes) kinds.add(kind);
        break;
      default:
        break;
    }
  }
  return kinds;
}
