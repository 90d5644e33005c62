/** fast-check arbitraries: unit facts for the default scheme, and random valid rule sets. */
import fc from 'fast-check';
import {
  defaultRuleSet,
  fundsRuleSet,
  streetHalfYearRuleSet,
  type RuleSet,
  type ScoringEvent,
  type UnitFacts,
} from '../src/index.ts';

const date = fc
  .record({ m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ m, d }) => `2024-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
/** Scores 0–100 in steps of 0.5 (and some with one decimal). */
const inspectionScore = fc.oneof(
  fc.integer({ min: 0, max: 200 }).map((n) => n / 2),
  fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
);

const LEVELS = [
  'township',
  'county',
  'city',
  'province',
  'central',
  'none',
  'criticism',
  'yellow-card',
  'class-1',
  'class-2',
  'class-3',
];
export const BONUS_KINDS = [
  'info-adopted',
  'commendation',
  'dispute-settled',
  'dispute-found',
  'minor-dispute-settled',
];
export const DEDUCTION_KINDS = [
  'meeting-absence',
  'missing-report',
  'collective-petition',
  'skip-level-petition',
  'night-duty-off-post',
  'preventable-case',
];
const RECORD_KINDS = ['meeting', 'dispute-investigated', 'mediation-file', 'register', 'duty-log-gap'];
const REGISTER_KEYS = [
  'petitions',
  'disputes',
  'mediation',
  'investigation',
  'meetings',
  'duty',
  'publicity',
  'information',
  'hazards',
];

export const deductionEvent = (id: string): fc.Arbitrary<ScoringEvent> =>
  fc
    .record({
      kind: fc.constantFrom(...DEDUCTION_KINDS),
      level: fc.constantFrom('criticism', 'yellow-card'),
      count: fc.integer({ min: 1, max: 3 }),
      date,
    })
    .map((e) => ({ id, ...e }));

/**
 * Levels an event of each kind must carry under a rule set: the union of the pointsByLevel
 * keys of the per-event rules counting the kind. Kinds absent from the map take any level.
 */
export function levelVocabulary(rs: RuleSet): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rs.rules) {
    if (r.kind !== 'per-event' || !r.pointsByLevel) continue;
    for (const kind of r.events)
      out.set(kind, [...new Set([...(out.get(kind) ?? []), ...Object.keys(r.pointsByLevel)])]);
  }
  return out;
}

/** Levels every one of the rule sets accepts (an empty list: no event of that kind fits them all). */
function commonVocabulary(ruleSets: readonly RuleSet[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const rs of ruleSets) {
    for (const [kind, levels] of levelVocabulary(rs)) {
      const known = out.get(kind);
      out.set(kind, known ? known.filter((l) => levels.includes(l)) : levels);
    }
  }
  return out;
}

/** Facts for one unit; ids are unique within the unit and prefixed by the unit id; event levels from `levels`. */
export function unitFacts(
  unitId: string,
  category?: string,
  levels: ReadonlyMap<string, readonly string[]> = new Map(),
): fc.Arbitrary<UnitFacts> {
  return fc
    .record({
      inspections: fc.array(
        fc.record({ component: fc.constantFrom('routine', 'half-year', 'year-end'), score: inspectionScore, date }),
        { maxLength: 16 },
      ),
      events: fc.array(
        fc.record({
          kind: fc.constantFrom(...BONUS_KINDS, ...DEDUCTION_KINDS, 'petition'),
          level: fc.option(fc.constantFrom(...LEVELS), { nil: undefined }),
          pick: fc.nat(),
          count: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
          date,
        }),
        { maxLength: 30 },
      ),
      records: fc.array(
        fc.record({ kind: fc.constantFrom(...RECORD_KINDS), key: fc.constantFrom(...REGISTER_KEYS), date }),
        { maxLength: 40 },
      ),
      indicators: fc.array(
        fc.record({
          name: fc.constantFrom('settlement-rate', 'on-time-feedback'),
          numerator: fc.integer({ min: 0, max: 60 }),
          extra: fc.integer({ min: 0, max: 20 }),
          date,
        }),
        { maxLength: 3 },
      ),
      vetoes: fc.array(fc.record({ kind: fc.constantFrom('mass-incident', 'major-accident', 'unrelated'), date }), {
        maxLength: 1,
      }),
    })
    .map((f) => {
      const u: UnitFacts = {
        unitId,
        inspections: f.inspections.map((x, i) => ({ id: `${unitId}-i${i}`, ...x })),
        events: f.events.flatMap((x, i) => {
          const e: ScoringEvent = { id: `${unitId}-e${i}`, kind: x.kind, date: x.date };
          const known = levels.get(x.kind);
          if (known?.length === 0) return [];
          const level = known ? known[x.pick % known.length] : x.level;
          if (level !== undefined) e.level = level;
          if (x.count !== undefined) e.count = x.count;
          return [e];
        }),
        records: f.records.map((x, i) => ({ id: `${unitId}-r${i}`, ...x })),
        indicators: f.indicators.map((x, i) => ({
          id: `${unitId}-n${i}`,
          name: x.name,
          numerator: x.numerator,
          denominator: x.numerator + x.extra,
          date: x.date,
        })),
        vetoes: f.vetoes.map((x, i) => ({ id: `${unitId}-x${i}`, ...x })),
      };
      if (category !== undefined) u.category = category;
      return u;
    });
}

/** 1–8 units with distinct ids, with facts every one of the rule sets accepts (event levels from their vocabulary). */
export function unitsFor(...ruleSets: RuleSet[]): fc.Arbitrary<UnitFacts[]> {
  const levels = commonVocabulary(ruleSets);
  return fc
    .uniqueArray(fc.stringMatching(/^[a-z]{1,3}$/), { minLength: 1, maxLength: 8 })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((id, i) =>
          unitFacts(id, i % 3 === 0 ? 'community' : i % 3 === 1 ? 'department' : 'village', levels),
        ),
      ),
    );
}

/** Units for the default scheme. */
export const unitsArb: fc.Arbitrary<UnitFacts[]> = unitsFor(defaultRuleSet());

const half = fc.integer({ min: 0, max: 20 }).map((n) => n / 2);

/** Random valid rule sets built from every rule kind (departments get their base from an indicator, other units from inspections). */
export const ruleSetArb: fc.Arbitrary<RuleSet> = fc
  .record({
    unit: fc.constantFrom('points' as const, 'yuan' as const),
    weights: fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([a, b]) => {
      const x = Math.min(a, b);
      const y = Math.max(a, b);
      return [x, y - x, 100 - y] as const;
    }),
    perEvent: fc.array(
      fc.record({
        effect: fc.constantFrom('base' as const, 'bonus' as const, 'deduction' as const),
        kind: fc.constantFrom(...BONUS_KINDS, ...DEDUCTION_KINDS),
        points: half,
        byLevel: fc.boolean(),
        byCount: fc.boolean(),
      }),
      { maxLength: 5 },
    ),
    tiers: fc
      .uniqueArray(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 3 })
      .map((xs) => xs.sort((a, b) => a - b)),
    quotaMin: fc.integer({ min: 0, max: 8 }),
    bonusCap: fc.option(half, { nil: undefined }),
    floor: fc.option(fc.integer({ min: -10, max: 10 }), { nil: undefined }),
    targetPct: fc.integer({ min: 1, max: 100 }),
  })
  .map((g) => {
    const rules: RuleSet['rules'] = [
      {
        id: 'base',
        kind: 'inspection-weights',
        label: '基础分',
        appliesTo: ['village', 'community'],
        components: [
          { component: 'routine', label: '例行检查', weightPct: g.weights[0], aggregate: 'quarterly-mean' },
          { component: 'half-year', label: '半年检查', weightPct: g.weights[1], aggregate: 'mean' },
          { component: 'year-end', label: '年终检查', weightPct: g.weights[2], aggregate: 'mean' },
        ],
      },
      ...g.perEvent.map((p, i) => ({
        id: `pe${i}`,
        kind: 'per-event' as const,
        label: `规则${i}`,
        // A points scheme's base is out of 100: uncapped per-event base points only in yuan.
        effect: p.effect === 'base' && g.unit === 'points' ? ('bonus' as const) : p.effect,
        events: [p.kind],
        ...(p.byLevel
          ? { pointsByLevel: { county: p.points, central: p.points * 2, 'yellow-card': p.points + 1 } }
          : { points: p.points }),
        ...(p.byCount ? { multiplier: 'count' as const } : {}),
      })),
      {
        id: 'tiers',
        kind: 'tiered-count',
        label: '可防性案件',
        effect: 'deduction',
        events: ['preventable-case'],
        tiers: g.tiers.map((atLeast, i) => ({ atLeast, points: i + 1 })),
      },
      {
        id: 'quota',
        kind: 'quota',
        label: '会议记录',
        effect: 'deduction',
        record: 'meeting',
        atLeast: g.quotaMin,
        points: 1,
      },
      {
        id: 'quota-bonus',
        kind: 'quota',
        label: '全年无信访',
        effect: 'bonus',
        record: 'petition',
        from: 'events',
        atMost: 0,
        points: 3,
      },
      {
        id: 'ind',
        kind: 'indicator',
        label: '化解成效',
        effect: 'base',
        indicator: 'settlement-rate',
        weight: 100,
        targetPct: g.targetPct,
        appliesTo: ['department'],
      },
      { id: 'veto', kind: 'veto', label: '一票否决', vetoes: ['mass-incident'] },
    ];
    if (g.bonusCap !== undefined && rules.some((r) => r.kind !== 'group-cap' && 'effect' in r && r.effect === 'bonus'))
      rules.push({ id: 'cap', kind: 'group-cap', label: '奖励分封顶', group: 'bonus', max: g.bonusCap });
    if (g.floor !== undefined) rules.push({ id: 'floor', kind: 'floor', label: '最低分', min: g.floor });
    return { schemaVersion: 1 as const, id: 'random', version: '1', label: '随机规则', unit: g.unit, rules };
  });

const SHIPPED = [defaultRuleSet, streetHalfYearRuleSet, fundsRuleSet];
/** A shipped rule set or a random one. */
export const anyRuleSet: fc.Arbitrary<RuleSet> = fc.oneof(
  fc.constantFrom(...SHIPPED).map((f) => f()),
  ruleSetArb,
);
/** A rule set and units whose facts it accepts. */
export const scenarioArb: fc.Arbitrary<[RuleSet, UnitFacts[]]> = anyRuleSet.chain((rs) =>
  unitsFor(rs).map((units): [RuleSet, UnitFacts[]] => [rs, units]),
);
