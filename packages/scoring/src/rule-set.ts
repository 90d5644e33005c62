/**
 * Rule sets: versioned, JSON-serialisable data describing one assessment scheme (§6).
 *
 * Amounts in a rule set are written as plain decimals in the rule set's unit (0.5 points,
 * 10000 yuan) with at most three decimals, so the JSON stays readable; the engine turns
 * them into exact milli-units once, when it compiles the rule set (see fixed-point.ts).
 */
import { z } from 'zod';
import { isMilliExact } from './fixed-point.ts';
import { RuleSetError, type RuleSetIssue } from './errors.ts';
import { ruleEffect, ruleGroup } from './rule-groups.ts';
import { checkBase, checkMagnitudes } from './rule-set-limits.ts';

const amount = z
  .number()
  .nonnegative()
  .refine(isMilliExact, { message: 'must be a finite amount with at most 3 decimals' });
const id = z.string().min(1);
const label = z.string().min(1);

/** Which total a rule contributes to. */
export const EffectSchema = z.enum(['base', 'bonus', 'deduction']);
export type Effect = z.infer<typeof EffectSchema>;

const common = {
  id,
  /** Chinese label shown to people, e.g. 信息被采用. */
  label,
  /** The source wording of the published scheme this rule encodes. */
  source: z.string().optional(),
  /** Unit categories this rule applies to (e.g. "community", "department"); all units when absent. */
  appliesTo: z.array(z.string().min(1)).min(1).optional(),
};

/** Group a contributing rule belongs to (for caps); defaults to its effect. */
const group = z.string().min(1).optional();

export const InspectionWeightsRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('inspection-weights'),
  components: z
    .array(
      z.strictObject({
        /** Matches Inspection.component in the facts. */
        component: z.string().min(1),
        label,
        /** Weight in percent, at most 2 decimals; the weights of one rule sum to 100. */
        weightPct: z.number().min(0).max(100),
        /**
         * mean: mean of all inspections of the component;
         * quarterly-mean: mean per calendar quarter, then mean of the quarters that have one
         * (routine checks are monthly, scored quarterly and averaged).
         */
        aggregate: z.enum(['mean', 'quarterly-mean']),
      }),
    )
    .min(1),
});

export const PerEventRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('per-event'),
  effect: EffectSchema,
  group,
  /** Event kinds counted by this rule. */
  events: z.array(z.string().min(1)).min(1),
  /** Points per event (or per person-time with multiplier "count"). */
  points: amount.optional(),
  /** Points per event by event level (township/county/... or criticism/yellow-card); events of other levels score nothing. */
  pointsByLevel: z.record(z.string().min(1), amount).optional(),
  /**
   * "event" (default): each event counts once; "count": each event counts event.count times
   * (person-times), as tiered-count rules and quotas from events always do.
   */
  multiplier: z.enum(['event', 'count']).optional(),
});

export const TieredCountRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('tiered-count'),
  effect: EffectSchema,
  group,
  events: z.array(z.string().min(1)).min(1),
  /** Highest tier reached applies, tiers are not cumulative. "more than 3" is atLeast 4. */
  tiers: z.array(z.strictObject({ atLeast: z.number().int().min(1), points: amount })).min(1),
});

export const QuotaRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('quota'),
  /** deduction: applies `points` when the quota is missed; bonus / base: applies `points` when it is met. */
  effect: EffectSchema,
  group,
  /** Record (or event) kind counted. */
  record: z.string().min(1),
  /** Count records (default) or events (summing event.count, as tiered-count rules do). */
  from: z.enum(['records', 'events']).optional(),
  /** Count distinct record keys instead of records (e.g. "all 8 registers kept"). */
  distinct: z.boolean().optional(),
  atLeast: z.number().int().min(0).optional(),
  atMost: z.number().int().min(0).optional(),
  points: amount,
});

export const IndicatorRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('indicator'),
  effect: EffectSchema,
  group,
  /** Matches IndicatorFact.name; several facts are pooled (Σ numerators ÷ Σ denominators). */
  indicator: z.string().min(1),
  /** points = weight × min(1, actual ÷ target). */
  weight: amount,
  /** Target in percent, e.g. 98 for a 98 % success rate; at most 3 decimals, at most 100 (a numerator never exceeds its denominator). */
  targetPct: z.number().positive().max(100).refine(isMilliExact, { message: 'must have at most 3 decimals' }),
});

export const GroupCapRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('group-cap'),
  /** Group whose total (in absolute value) may not exceed max. */
  group: z.string().min(1),
  max: amount,
});

export const VetoRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('veto'),
  /** Veto fact kinds; any one of them vetoes the unit (ranked last, may not be commended). */
  vetoes: z.array(z.string().min(1)).min(1),
});

export const FloorRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('floor'),
  min: z.number().refine(isMilliExact, { message: 'must have at most 3 decimals' }),
});

export const RuleSchema = z.discriminatedUnion('kind', [
  InspectionWeightsRuleSchema,
  PerEventRuleSchema,
  TieredCountRuleSchema,
  QuotaRuleSchema,
  IndicatorRuleSchema,
  GroupCapRuleSchema,
  VetoRuleSchema,
  FloorRuleSchema,
]);

export type InspectionWeightsRule = z.infer<typeof InspectionWeightsRuleSchema>;
export type PerEventRule = z.infer<typeof PerEventRuleSchema>;
export type TieredCountRule = z.infer<typeof TieredCountRuleSchema>;
export type QuotaRule = z.infer<typeof QuotaRuleSchema>;
export type IndicatorRule = z.infer<typeof IndicatorRuleSchema>;
export type GroupCapRule = z.infer<typeof GroupCapRuleSchema>;
export type VetoRule = z.infer<typeof VetoRuleSchema>;
export type FloorRule = z.infer<typeof FloorRuleSchema>;
export type Rule = z.infer<typeof RuleSchema>;
export type RuleKind = Rule['kind'];
export const RULE_KINDS: readonly RuleKind[] = [
  'inspection-weights',
  'per-event',
  'tiered-count',
  'quota',
  'indicator',
  'group-cap',
  'veto',
  'floor',
];

export { ruleGroup, ruleEffect };

function ruleName(raw: unknown, index: number): string {
  if (raw && typeof raw === 'object') {
    const r = raw as { id?: unknown; label?: unknown };
    const rid = typeof r.id === 'string' && r.id !== '' ? r.id : `#${index}`;
    return typeof r.label === 'string' && r.label !== '' ? `rule "${rid}" (${r.label})` : `rule "${rid}"`;
  }
  return `rule #${index}`;
}

/** Semantic checks of one well-formed rule; returns messages without the rule name. */
function checkRule(rule: Rule): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  switch (rule.kind) {
    case 'inspection-weights': {
      let sumBp = 0;
      const seen = new Set<string>();
      rule.components.forEach((c, i) => {
        const bp = Math.round(c.weightPct * 100);
        if (Math.abs(bp - c.weightPct * 100) > 1e-6)
          out.push({
            path: ['components', i, 'weightPct'],
            message: `weight of "${c.component}" must have at most 2 decimals`,
          });
        sumBp += bp;
        if (seen.has(c.component))
          out.push({ path: ['components', i, 'component'], message: `component "${c.component}" appears twice` });
        seen.add(c.component);
      });
      if (sumBp !== 10000)
        out.push({ path: ['components'], message: `component weights sum to ${sumBp / 100}%, expected 100%` });
      break;
    }
    case 'per-event': {
      const hasPoints = rule.points !== undefined;
      const hasLevels = rule.pointsByLevel !== undefined;
      if (hasPoints === hasLevels) out.push({ path: [], message: 'needs exactly one of "points" or "pointsByLevel"' });
      if (hasLevels && Object.keys(rule.pointsByLevel ?? {}).length === 0)
        out.push({ path: ['pointsByLevel'], message: '"pointsByLevel" is empty' });
      break;
    }
    case 'tiered-count': {
      for (let i = 1; i < rule.tiers.length; i++) {
        const prev = rule.tiers[i - 1]!;
        const cur = rule.tiers[i]!;
        if (cur.atLeast <= prev.atLeast)
          out.push({
            path: ['tiers', i, 'atLeast'],
            message: `tiers are not in ascending order (atLeast ${cur.atLeast} after ${prev.atLeast})`,
          });
        if (cur.points < prev.points)
          out.push({
            path: ['tiers', i, 'points'],
            message: `tier points must not decrease (${cur.points} after ${prev.points})`,
          });
      }
      break;
    }
    case 'quota': {
      if (rule.atLeast === undefined && rule.atMost === undefined)
        out.push({ path: [], message: 'needs "atLeast" or "atMost"' });
      if (rule.atLeast !== undefined && rule.atMost !== undefined && rule.atLeast > rule.atMost)
        out.push({ path: ['atLeast'], message: `atLeast ${rule.atLeast} is above atMost ${rule.atMost}` });
      if (rule.distinct && rule.from === 'events')
        out.push({ path: ['distinct'], message: '"distinct" only applies to records' });
      break;
    }
    default:
      break;
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  if (issue.code === 'invalid_union' && issue.path.length === 1 && issue.path[0] === 'kind') {
    const kind = raw && typeof raw === 'object' ? (raw as { kind?: unknown }).kind : undefined;
    return `unknown rule kind ${JSON.stringify(kind)} (expected one of ${RULE_KINDS.join(', ')})`;
  }
  if (issue.code === 'invalid_union' && issue.path.length === 0) {
    const kind = raw && typeof raw === 'object' ? (raw as { kind?: unknown }).kind : undefined;
    return `unknown rule kind ${JSON.stringify(kind)} (expected one of ${RULE_KINDS.join(', ')})`;
  }
  return `${where}${issue.message}`;
}

/** Validates the rules array: each rule's shape and semantics, then cross-rule consistency. */
const RulesSchema = z.array(z.unknown()).transform((raws, ctx): Rule[] => {
  const rules: Rule[] = [];
  let failed = false;
  const fail = (index: number | null, raw: unknown, path: (string | number)[], message: string) => {
    failed = true;
    ctx.addIssue({
      code: 'custom',
      path: index === null ? path : [index, ...path],
      message: index === null ? message : `${ruleName(raw, index)}: ${message}`,
    });
  };
  raws.forEach((raw, index) => {
    const parsed = RuleSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        fail(index, raw, issue.path as (string | number)[], describeIssue(issue, raw));
      return;
    }
    for (const p of checkRule(parsed.data)) fail(index, raw, p.path, p.message);
    rules.push(parsed.data);
  });
  if (failed) return z.NEVER;

  // Cross-rule checks.
  const ids = new Map<string, number>();
  const groups = new Map<string, { effect: Effect; ruleId: string }>();
  const capped = new Set<string>();
  let floors = 0;
  rules.forEach((rule, index) => {
    const first = ids.get(rule.id);
    if (first !== undefined) fail(index, rule, ['id'], `duplicate rule id "${rule.id}" (first used by rule #${first})`);
    else ids.set(rule.id, index);
    const g = ruleGroup(rule);
    const e = ruleEffect(rule);
    if (g !== null && e !== null) {
      const known = groups.get(g);
      if (known === undefined) groups.set(g, { effect: e, ruleId: rule.id });
      else if (known.effect !== e)
        fail(
          index,
          rule,
          ['group'],
          `group "${g}" mixes effect "${e}" with "${known.effect}" (rule "${known.ruleId}")`,
        );
    }
    if (rule.kind === 'floor' && ++floors > 1) fail(index, rule, [], 'a rule set may have only one floor rule');
  });
  rules.forEach((rule, index) => {
    if (rule.kind !== 'group-cap') return;
    if (!groups.has(rule.group))
      fail(index, rule, ['group'], `caps group "${rule.group}" but no rule contributes to it`);
    if (capped.has(rule.group)) fail(index, rule, ['group'], `group "${rule.group}" is capped twice`);
    capped.add(rule.group);
  });
  return failed ? z.NEVER : rules;
});

export const RuleSetSchema = z.strictObject({
  /** Format version of this JSON shape. */
  schemaVersion: z.literal(1),
  /** Stable id, e.g. "default-township-village". */
  id,
  /** Version of this rule set (per county and year), e.g. "2024.1". */
  version: z.string().min(1),
  label,
  /** Unit of every amount: points (百分制) or yuan (经费奖惩). */
  unit: z.enum(['points', 'yuan']),
  /** Optional description of the period the scheme covers. */
  period: z.enum(['year', 'half-year', 'quarter', 'month']).optional(),
  source: z.string().optional(),
  /**
   * When true, score() refuses a fact whose kind (inspection component, event or record
   * kind, indicator name, veto kind) no rule of this set mentions. By default such facts
   * are ignored, so the same facts can be scored against a draft that drops a rule.
   */
  strictVocabulary: z.boolean().optional(),
  rules: RulesSchema,
});

/** Checks that need the unit and every rule: one base out of 100, exact sums (rule-set-limits.ts). */
const RuleSetChecked = RuleSetSchema.superRefine((rs, ctx) => {
  for (const p of [...checkBase(rs.rules, rs.unit), ...checkMagnitudes(rs.rules)]) {
    ctx.addIssue({
      code: 'custom',
      path: ['rules', p.index, ...p.path],
      message: `${ruleName(rs.rules[p.index], p.index)}: ${p.message}`,
    });
  }
});

/** A validated rule set. Plain JSON data. */
export type RuleSet = z.output<typeof RuleSetSchema>;
export type ScoreUnit = RuleSet['unit'];

function toIssues(error: z.ZodError, input: unknown): RuleSetIssue[] {
  const rawRules = input && typeof input === 'object' ? (input as { rules?: unknown }).rules : undefined;
  return error.issues.map((issue) => {
    const path = issue.path as (string | number)[];
    let ruleId: string | undefined;
    if (path[0] === 'rules' && typeof path[1] === 'number' && Array.isArray(rawRules)) {
      const raw: unknown = rawRules[path[1]];
      if (raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string')
        ruleId = (raw as { id: string }).id;
    }
    return ruleId === undefined
      ? { path, message: path.length ? `${path.join('.')}: ${issue.message}` : issue.message }
      : { ruleId, path, message: issue.message };
  });
}

/** Validates unknown input (e.g. parsed JSON) as a rule set; throws RuleSetError naming the rule. */
export function parseRuleSet(input: unknown): RuleSet {
  const r = RuleSetChecked.safeParse(input);
  if (!r.success) throw new RuleSetError(toIssues(r.error, input));
  return r.data;
}

/** Like parseRuleSet, without throwing. */
export function safeParseRuleSet(input: unknown): { ok: true; ruleSet: RuleSet } | { ok: false; error: RuleSetError } {
  const r = RuleSetChecked.safeParse(input);
  return r.success ? { ok: true, ruleSet: r.data } : { ok: false, error: new RuleSetError(toIssues(r.error, input)) };
}

/** Identity helper that type-checks rule set literals (no validation; use parseRuleSet for that). */
export function defineRuleSet(ruleSet: RuleSet): RuleSet {
  return ruleSet;
}
