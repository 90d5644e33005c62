/**
 * Cross-rule checks of parseRuleSet that need the whole rule set:
 * - one base: a unit gets its inspection base from one inspection-weights rule, and in a
 *   points scheme the base contributions a unit can get sum to exactly 100 (百分制);
 * - exact sums: every rule's worst case (largest amount × MAX_COUNT occurrences), and all of
 *   them together, stay below Number.MAX_SAFE_INTEGER milli-units (see limits.ts).
 * Each problem names the rule it is attached to.
 */
import { formatFixed, toFixed } from './fixed-point.ts';
import { MAX_COUNT, MAX_INSPECTION_SCORE } from './limits.ts';
import { ruleEffect, ruleGroup } from './rule-groups.ts';
import type { Rule, ScoreUnit } from './rule-set.ts';

export interface RuleProblem {
  /** Index of the rule in the rules array. */
  index: number;
  path: (string | number)[];
  message: string;
}

const FULL_BASE = toFixed(100);

/** Largest amount of a rule, in milli-units (per occurrence for per-event rules). */
function largestAmount(rule: Rule): number {
  switch (rule.kind) {
    case 'inspection-weights':
      return toFixed(MAX_INSPECTION_SCORE);
    case 'per-event':
      return Math.max(toFixed(rule.points ?? 0), ...Object.values(rule.pointsByLevel ?? {}).map(toFixed));
    case 'tiered-count':
      return Math.max(...rule.tiers.map((t) => toFixed(t.points)));
    case 'quota':
      return toFixed(rule.points);
    case 'indicator':
      return toFixed(rule.weight);
    case 'floor':
      return Math.abs(toFixed(rule.min));
    default:
      return 0;
  }
}

/** Most a rule can add to one unit's total (Infinity: per-event rules count without bound until capped). */
function reach(rule: Rule): number {
  return rule.kind === 'per-event' ? Number.POSITIVE_INFINITY : largestAmount(rule);
}

const ruleRef = (r: Rule) => `"${r.id}"`;

/** The unit categories to check: each category named by an appliesTo, and every other unit (null). */
function scopes(rules: readonly Rule[]): (string | null)[] {
  const named = new Set<string>();
  for (const r of rules) for (const c of r.appliesTo ?? []) named.add(c);
  return [...named, null];
}

function scopeText(scope: string | null, anyNamed: boolean): string {
  if (scope !== null) return `units of category "${scope}"`;
  return anyNamed ? 'units of any other category' : 'every unit';
}

export function checkBase(rules: readonly Rule[], unit: ScoreUnit): RuleProblem[] {
  const out: RuleProblem[] = [];
  const seen = new Set<string>();
  const report = (index: number, path: (string | number)[], message: string) => {
    const key = `${index}:${message}`;
    if (!seen.has(key)) out.push({ index, path, message });
    seen.add(key);
  };
  const all = scopes(rules);
  const anyNamed = all.length > 1;
  for (const scope of all) {
    const active = rules
      .map((r, i) => [r, i] as const)
      .filter(([r]) => r.appliesTo === undefined || (scope !== null && r.appliesTo.includes(scope)));
    const where = scopeText(scope, anyNamed);
    const inspections = active.filter(([r]) => r.kind === 'inspection-weights');
    const first = inspections[0];
    if (first && inspections.length > 1) {
      for (const [, i] of inspections.slice(1))
        report(i, [], `a second base rule: ${ruleRef(first[0])} already gives the inspection base to ${where}`);
      continue;
    }
    if (unit !== 'points') continue;
    const baseRules = active.filter(([r]) => ruleEffect(r) === 'base');
    const firstBase = baseRules[0];
    if (!firstBase) continue;
    // Σ over base groups of min(cap, Σ of what each rule of the group can reach).
    const groups = new Map<string, { sum: number; members: Rule[] }>();
    for (const [r] of baseRules) {
      const g = ruleGroup(r) ?? 'base';
      const entry = groups.get(g) ?? { sum: 0, members: [] };
      entry.sum += reach(r);
      entry.members.push(r);
      groups.set(g, entry);
    }
    let total = 0;
    const parts: string[] = [];
    for (const [name, g] of groups) {
      const cap = rules.find((r) => r.kind === 'group-cap' && r.group === name);
      const max = cap && cap.kind === 'group-cap' ? Math.min(toFixed(cap.max), g.sum) : g.sum;
      total += max;
      if (max === Number.POSITIVE_INFINITY) {
        const open = g.members.filter((r) => r.kind === 'per-event');
        const culprit = open[0] ?? firstBase[0];
        report(
          rules.indexOf(culprit),
          [],
          `base contributions to ${where} have no upper bound: ${open.map(ruleRef).join(', ')} ${open.length > 1 ? 'are' : 'is'} not capped (add a group-cap on group "${name}")`,
        );
      } else if (max < g.sum) parts.push(`${g.members.map(ruleRef).join(' + ')} capped at ${formatFixed(max)}`);
      else for (const r of g.members) parts.push(`${ruleRef(r)} ${formatFixed(reach(r))}`);
    }
    if (total !== Number.POSITIVE_INFINITY && total !== FULL_BASE) {
      report(
        firstBase[1],
        [],
        `base contributions to ${where} can reach ${formatFixed(total)}, not the 100-point base (rules ${parts.join(', ')})`,
      );
    }
  }
  return out;
}

export function checkMagnitudes(rules: readonly Rule[]): RuleProblem[] {
  const out: RuleProblem[] = [];
  const limit = Number.MAX_SAFE_INTEGER;
  let total = 0;
  rules.forEach((rule, index) => {
    const amount = largestAmount(rule);
    const worst = rule.kind === 'per-event' ? amount * MAX_COUNT : amount;
    if (worst > limit) {
      out.push({
        index,
        path: [],
        message: `${formatFixed(amount)} × ${MAX_COUNT} occurrences could reach ${worst.toExponential(3)} milli-units, beyond exact arithmetic (${limit} milli-units); lower the amount`,
      });
      return;
    }
    const before = total;
    total += worst;
    if (before <= limit && total > limit) {
      out.push({
        index,
        path: [],
        message: `together with the rules before it, amounts could reach ${total.toExponential(3)} milli-units in one unit, beyond exact arithmetic (${limit} milli-units); lower the amounts`,
      });
    }
  });
  return out;
}
