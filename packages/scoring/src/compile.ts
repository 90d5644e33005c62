/**
 * Compiles a rule set once into lookup tables with fixed-point amounts, so the scoring
 * loop is plain integer work keyed by fact kind: no zod, no parsing, no floats.
 *
 * Compiled forms are cached by content (canonical JSON), not by object: a rule set edited
 * in place scores with its new content at the next call, and equal contents share one
 * compiled form. The caller's object is never frozen or kept; the compiled form holds a
 * validated, deep-frozen copy. Its output depends only on the content (levels are ordered
 * by amount then name, not by key order), which is what makes the content key sound.
 */
import { canonicalJson } from './canonical.ts';
import { toFixed } from './fixed-point.ts';
import { parseRuleSet, ruleGroup, type Effect, type Rule, type RuleSet, type ScoreUnit } from './rule-set.ts';

export interface CompiledComponent {
  component: string;
  label: string;
  /** Weight in basis points (20 % = 2000). */
  weightBp: number;
  quarterly: boolean;
}

interface Base {
  index: number;
  id: string;
  label: string;
  /** Sign of the contribution: +1 base/bonus, -1 deduction. */
  sign: 1 | -1;
  effect: Effect;
  group: string;
  appliesTo: readonly string[] | undefined;
}

export type CompiledRule =
  | (Base & { kind: 'inspection-weights'; components: CompiledComponent[] })
  | (Base & {
      kind: 'per-event';
      points: number;
      /** Level → index into levelNames / levelPoints (null when the rule has one amount). */
      byLevel: Map<string, number> | null;
      levelNames: string[];
      levelPoints: number[];
      byCount: boolean;
    })
  | (Base & { kind: 'tiered-count'; tiers: { atLeast: number; points: number }[] })
  | (Base & {
      kind: 'quota';
      fromEvents: boolean;
      distinct: boolean;
      atLeast: number;
      atMost: number;
      points: number;
      applyWhenMet: boolean;
    })
  | (Base & { kind: 'indicator'; weight: number; targetMilliPct: number })
  | (Base & { kind: 'veto' });

/** What the rule set knows about one event kind. */
export interface CompiledEventKind {
  /** Indices of the per-event / tiered-count / quota-from-events rules counting it. */
  rules: number[];
  /** First rule counting the kind (named when a count is refused). */
  ruleId: string;
  /**
   * Levels scored by the per-event rules with pointsByLevel that count this kind (their
   * union: levels may be split between rules); null when no rule scores it by level.
   * An event of this kind must carry one of these levels.
   */
  levels: Set<string> | null;
  /** First per-event rule with pointsByLevel counting the kind (named when a level is refused). */
  levelRuleId: string | undefined;
}

export interface CompiledGroup {
  name: string;
  effect: Effect;
  sign: 1 | -1;
  cap: { max: number; ruleId: string; label: string } | null;
}

export interface CompiledRuleSet {
  ruleSet: RuleSet;
  unit: ScoreUnit;
  /** Contributing and veto rules, in rule-set order. */
  rules: CompiledRule[];
  /** Inspection component → [rule index, component index] pairs. */
  inspectionIndex: Map<string, [number, number][]>;
  /** Event kind → indices of per-event / tiered-count / quota-from-events rules. */
  eventIndex: Map<string, number[]>;
  /** Event kind → its rules and level vocabulary (the scoring loop reads this one). */
  eventKinds: Map<string, CompiledEventKind>;
  /** Refuse facts of kinds no rule mentions (RuleSet.strictVocabulary). */
  strictVocabulary: boolean;
  recordIndex: Map<string, number[]>;
  indicatorIndex: Map<string, number[]>;
  vetoIndex: Map<string, number[]>;
  groups: CompiledGroup[];
  groupOf: number[];
  floor: { min: number; ruleId: string; label: string } | null;
  /** Per unit category (undefined = none): which compiled rules apply. Filled lazily. */
  activeByCategory: Map<string | undefined, boolean[]>;
}

/** Content → compiled form, most recently used last; a few rule sets are live at a time. */
const cache = new Map<string, CompiledRuleSet>();
const CACHE_SIZE = 32;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Levels of a pointsByLevel rule in a content-only order: by amount, then by name. */
function orderedLevels(pointsByLevel: Record<string, number>): [string, number][] {
  return Object.entries(pointsByLevel).sort(([a, x], [b, y]) => x - y || (a < b ? -1 : a > b ? 1 : 0));
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

/** Validates (once, with zod) and compiles a rule set. Throws RuleSetError when invalid. */
export function compile(ruleSet: RuleSet): CompiledRuleSet {
  let key: string | null;
  try {
    key = canonicalJson(ruleSet);
  } catch {
    key = null; // not JSON data: parseRuleSet below says why
  }
  const hit = key === null ? undefined : cache.get(key);
  if (hit) {
    cache.delete(key!);
    cache.set(key!, hit);
    return hit;
  }
  const valid = deepFreeze(parseRuleSet(ruleSet));
  const rules: CompiledRule[] = [];
  const inspectionIndex = new Map<string, [number, number][]>();
  const eventIndex = new Map<string, number[]>();
  const eventKinds = new Map<string, CompiledEventKind>();
  const countEvent = (kind: string, index: number, ruleId: string, levels: string[] | null) => {
    push(eventIndex, kind, index);
    let k = eventKinds.get(kind);
    if (!k) eventKinds.set(kind, (k = { rules: [], ruleId, levels: null, levelRuleId: undefined }));
    if (!k.rules.includes(index)) k.rules.push(index);
    if (levels) {
      k.levels ??= new Set();
      for (const l of levels) k.levels.add(l);
      k.levelRuleId ??= ruleId;
    }
  };
  const recordIndex = new Map<string, number[]>();
  const indicatorIndex = new Map<string, number[]>();
  const vetoIndex = new Map<string, number[]>();
  const groupMap = new Map<string, CompiledGroup>();
  const groups: CompiledGroup[] = [];
  const groupOf: number[] = [];
  let floor: CompiledRuleSet['floor'] = null;

  const base = (rule: Rule, effect: Effect): Base => {
    const group = ruleGroup(rule) ?? effect;
    let g = groupMap.get(group);
    if (!g) {
      g = { name: group, effect, sign: effect === 'deduction' ? -1 : 1, cap: null };
      groupMap.set(group, g);
      groups.push(g);
    }
    groupOf.push(groups.indexOf(g));
    return {
      index: rules.length,
      id: rule.id,
      label: rule.label,
      sign: effect === 'deduction' ? -1 : 1,
      effect,
      group,
      appliesTo: rule.appliesTo,
    };
  };

  for (const rule of valid.rules) {
    switch (rule.kind) {
      case 'inspection-weights': {
        const b = base(rule, 'base');
        rule.components.forEach((c, ci) => {
          const list = inspectionIndex.get(c.component);
          if (list) list.push([b.index, ci]);
          else inspectionIndex.set(c.component, [[b.index, ci]]);
        });
        rules.push({
          ...b,
          kind: 'inspection-weights',
          components: rule.components.map((c) => ({
            component: c.component,
            label: c.label,
            weightBp: Math.round(c.weightPct * 100),
            quarterly: c.aggregate === 'quarterly-mean',
          })),
        });
        break;
      }
      case 'per-event': {
        const b = base(rule, rule.effect);
        const levels = rule.pointsByLevel ? orderedLevels(rule.pointsByLevel) : null;
        for (const k of rule.events) countEvent(k, b.index, rule.id, levels ? levels.map(([l]) => l) : null);
        rules.push({
          ...b,
          kind: 'per-event',
          points: toFixed(rule.points ?? 0),
          byLevel: levels ? new Map(levels.map(([k], i) => [k, i])) : null,
          levelNames: (levels ?? []).map(([k]) => k),
          levelPoints: (levels ?? []).map(([, v]) => toFixed(v)),
          byCount: rule.multiplier === 'count',
        });
        break;
      }
      case 'tiered-count': {
        const b = base(rule, rule.effect);
        for (const k of rule.events) countEvent(k, b.index, rule.id, null);
        rules.push({
          ...b,
          kind: 'tiered-count',
          tiers: rule.tiers.map((t) => ({ atLeast: t.atLeast, points: toFixed(t.points) })),
        });
        break;
      }
      case 'quota': {
        const b = base(rule, rule.effect);
        const fromEvents = rule.from === 'events';
        if (fromEvents) countEvent(rule.record, b.index, rule.id, null);
        else push(recordIndex, rule.record, b.index);
        rules.push({
          ...b,
          kind: 'quota',
          fromEvents,
          distinct: rule.distinct === true,
          atLeast: rule.atLeast ?? 0,
          atMost: rule.atMost ?? Number.POSITIVE_INFINITY,
          points: toFixed(rule.points),
          applyWhenMet: rule.effect !== 'deduction',
        });
        break;
      }
      case 'indicator': {
        const b = base(rule, rule.effect);
        push(indicatorIndex, rule.indicator, b.index);
        rules.push({ ...b, kind: 'indicator', weight: toFixed(rule.weight), targetMilliPct: toFixed(rule.targetPct) });
        break;
      }
      case 'veto': {
        const index = rules.length;
        for (const k of rule.vetoes) push(vetoIndex, k, index);
        groupOf.push(-1);
        rules.push({
          index,
          id: rule.id,
          label: rule.label,
          sign: 1,
          effect: 'base',
          group: '',
          appliesTo: rule.appliesTo,
          kind: 'veto',
        });
        break;
      }
      case 'group-cap':
      case 'floor':
        break;
    }
  }
  for (const rule of valid.rules) {
    if (rule.kind === 'group-cap') {
      const g = groupMap.get(rule.group);
      if (g) g.cap = { max: toFixed(rule.max), ruleId: rule.id, label: rule.label };
    } else if (rule.kind === 'floor') {
      floor = { min: toFixed(rule.min), ruleId: rule.id, label: rule.label };
    }
  }
  const compiled: CompiledRuleSet = {
    ruleSet: valid,
    unit: valid.unit,
    rules,
    inspectionIndex,
    eventIndex,
    eventKinds,
    strictVocabulary: valid.strictVocabulary === true,
    recordIndex,
    indicatorIndex,
    vetoIndex,
    groups,
    groupOf,
    floor,
    activeByCategory: new Map(),
  };
  if (key !== null) {
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, compiled);
  }
  return compiled;
}

/** Which compiled rules apply to a unit of this category. */
export function activeRules(c: CompiledRuleSet, category: string | undefined): boolean[] {
  let active = c.activeByCategory.get(category);
  if (!active) {
    active = c.rules.map(
      (r) => r.appliesTo === undefined || (category !== undefined && r.appliesTo.includes(category)),
    );
    c.activeByCategory.set(category, active);
  }
  return active;
}
