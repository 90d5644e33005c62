/**
 * Benchmark of @tally/scoring (not a test): a province-sized year, 100 counties × 400
 * villages = 40,000 units with ~60 facts each, scored three ways on the same facts:
 *   (a) the engine: score(defaultRuleSet(), facts), explanation lines included;
 *   (b) the peer: json-rules-engine evaluating the same default rules (timed on a subset,
 *       reported per unit so the ratio is fair);
 *   (c) a hand-written loop hard-coding the default scheme, computing the same finals.
 * Finals of (a) and (c) must be identical for every unit, and (b) on its subset.
 *
 * Run from the repo root: node --import tsx tests/bench/scoring.ts
 */
import { performance } from 'node:perf_hooks';
import { Engine, type Almanac } from 'json-rules-engine';
import { defaultRuleSet, score, type UnitFacts, type ScoringEvent, type RecordFact } from '@tally/scoring';

const COUNTIES = 100;
const VILLAGES = 400;
const PEER_SUBSET = 2_000;
const RUNS = 5;
const PEER_RUNS = 3;

// ---------------------------------------------------------------- synthetic facts

/** mulberry32: small seeded PRNG, deterministic across runs. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

function buildFacts(): UnitFacts[] {
  const rnd = prng(20240101);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const date = () => `2024-${pad(int(1, 12))}-${pad(int(1, 28))}`;
  const half = () => int(150, 200) / 2; // 75..100 in 0.5 steps
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const infoLevels = ['township', 'township', 'township', 'county', 'county', 'city', 'province', 'central'] as const;
  const registers = [
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
  const units: UnitFacts[] = [];
  for (let c = 0; c < COUNTIES; c++) {
    for (let v = 0; v < VILLAGES; v++) {
      const unitId = `${String(330100 + c)}${pad(v % 100)}${String(1000 + v)}`;
      let seq = 0;
      const id = (p: string) => `${unitId}-${p}${seq++}`;
      const inspections: UnitFacts['inspections'] & object[] = [];
      for (let m = 1; m <= 12; m++)
        inspections.push({ id: id('i'), component: 'routine', score: half(), date: `2024-${pad(m)}-25` });
      inspections.push({ id: id('i'), component: 'half-year', score: half(), date: '2024-07-05' });
      inspections.push({ id: id('i'), component: 'year-end', score: half(), date: '2024-12-20' });
      const events: ScoringEvent[] = [];
      for (let k = int(0, 8); k > 0; k--)
        events.push({ id: id('e'), kind: 'info-adopted', level: pick(infoLevels), date: date() });
      for (let k = int(0, 2); k > 0; k--)
        events.push({ id: id('e'), kind: 'commendation', level: pick(['county', 'city', 'province']), date: date() });
      for (let k = int(0, 3); k > 0; k--)
        events.push({ id: id('e'), kind: 'meeting-absence', count: int(1, 3), date: date() });
      for (let k = int(0, 3); k > 0; k--) events.push({ id: id('e'), kind: 'missing-report', date: date() });
      if (rnd() < 0.2)
        events.push({ id: id('e'), kind: pick(['collective-petition', 'skip-level-petition']), date: date() });
      for (let k = int(0, 2); k > 0; k--)
        events.push({
          id: id('e'),
          kind: 'night-duty-off-post',
          level: pick(['criticism', 'yellow-card']),
          date: date(),
        });
      for (let k = int(0, 6); k > 0; k--) events.push({ id: id('e'), kind: 'preventable-case', date: date() });
      const records: RecordFact[] = [];
      for (let k = int(5, 19); k > 0; k--) records.push({ id: id('r'), kind: 'meeting', date: date() });
      for (let k = int(4, 16); k > 0; k--) records.push({ id: id('r'), kind: 'dispute-investigated', date: date() });
      for (let k = int(1, 6); k > 0; k--) records.push({ id: id('r'), kind: 'mediation-file', date: date() });
      for (let k = int(7, 9); k > 0; k--)
        records.push({ id: id('r'), kind: 'register', key: pick(registers), date: '2024-12-31' });
      if (rnd() < 0.1) records.push({ id: id('r'), kind: 'duty-log-gap', date: date() });
      const vetoes = rnd() < 0.002 ? [{ id: id('x'), kind: 'mass-incident', date: date() }] : [];
      units.push({ unitId, category: 'village', inspections, events, records, vetoes });
    }
  }
  return units;
}

// ---------------------------------------------------------------- (c) hand-written loop

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
/** (a × b) ÷ c rounded half away from zero (all non-negative here). */
function mulDivRound(a: number, b: number, c: number): number {
  const p = a * b;
  const rem = p % c;
  return (p - rem) / c + (rem * 2 >= c ? 1 : 0);
}
const INFO: Record<string, number> = { township: 500, county: 1000, city: 2000, province: 2000, central: 3000 };
const COMMEND: Record<string, number> = { county: 1000, city: 2000, province: 2000 };
const NIGHT: Record<string, number> = { criticism: 1000, 'yellow-card': 2000 };
const VETO = new Set(['mass-incident', 'vicious-criminal-case', 'major-accident', 'disgraceful-incident']);

/** The default scheme hard-coded, in milli-points, finals only. */
function handLoop(units: readonly UnitFacts[]): Map<string, number> {
  const out = new Map<string, number>();
  const qs = [0, 0, 0, 0];
  const qn = [0, 0, 0, 0];
  for (const u of units) {
    qs.fill(0);
    qn.fill(0);
    let hs = 0,
      hn = 0,
      ys = 0,
      yn = 0;
    for (const i of u.inspections ?? []) {
      const s = Math.round(i.score * 1000);
      if (i.component === 'routine') {
        const q = (((i.date.charCodeAt(5) - 48) * 10 + i.date.charCodeAt(6) - 49) / 3) | 0;
        qs[q]! += s;
        qn[q]! += 1;
      } else if (i.component === 'half-year') {
        hs += s;
        hn++;
      } else if (i.component === 'year-end') {
        ys += s;
        yn++;
      }
    }
    let l = 1,
      nq = 0;
    for (let q = 0; q < 4; q++)
      if (qn[q]) {
        l = (l / gcd(l, qn[q]!)) * qn[q]!;
        nq++;
      }
    let num = 0;
    for (let q = 0; q < 4; q++) if (qn[q]) num += qs[q]! * (l / qn[q]!);
    let base = nq ? mulDivRound(num, 2000, nq * l * 10000) : 0;
    if (hn) base += mulDivRound(hs, 3000, hn * 10000);
    if (yn) base += mulDivRound(ys, 5000, yn * 10000);
    let bonus = 0,
      ded = 0,
      prevent = 0;
    for (const e of u.events ?? []) {
      switch (e.kind) {
        case 'info-adopted':
          bonus += INFO[e.level ?? ''] ?? 0;
          break;
        case 'commendation':
          bonus += COMMEND[e.level ?? ''] ?? 0;
          break;
        case 'meeting-absence':
          ded += 500 * (e.count ?? 1);
          break;
        case 'missing-report':
          ded += 500;
          break;
        case 'collective-petition':
        case 'skip-level-petition':
          ded += 2000;
          break;
        case 'night-duty-off-post':
          ded += NIGHT[e.level ?? ''] ?? 0;
          break;
        case 'preventable-case':
          prevent += e.count ?? 1;
          break;
      }
    }
    ded += prevent >= 5 ? 2000 : prevent >= 4 ? 1000 : 0;
    let meetings = 0,
      disputes = 0,
      mediation = 0,
      gaps = 0;
    const regs = new Set<string>();
    for (const r of u.records ?? []) {
      switch (r.kind) {
        case 'meeting':
          meetings++;
          break;
        case 'dispute-investigated':
          disputes++;
          break;
        case 'mediation-file':
          mediation++;
          break;
        case 'register':
          regs.add(r.key ?? r.id);
          break;
        case 'duty-log-gap':
          gaps++;
          break;
      }
    }
    if (meetings < 6) ded += 1000;
    if (disputes < 6) ded += 1000;
    if (mediation < 3) ded += 1000;
    if (regs.size < 8) ded += 1000;
    if (gaps > 0) ded += 1000;
    let final = base + Math.min(bonus, 10000) - ded;
    if (final < 0) final = 0;
    let vetoed = false;
    for (const v of u.vetoes ?? []) if (VETO.has(v.kind)) vetoed = true;
    out.set(u.unitId, vetoed ? -final - 1 : final); // encode the veto flag for comparison
  }
  return out;
}

// ---------------------------------------------------------------- (b) json-rules-engine

interface Points {
  ruleId: string;
  amount: number;
  count?: { kind: string[]; level?: string; byCount?: boolean };
}

function buildPeer(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const unitOf = (almanac: Almanac) => almanac.factValue<UnitFacts>('unit');
  engine.addFact<Promise<number>>('eventCount', async (raw: Record<string, unknown>, almanac: Almanac) => {
    const params = raw as unknown as { kind: string[]; level?: string; byCount?: boolean };
    const u = await unitOf(almanac);
    let n = 0;
    for (const e of u.events ?? [])
      if (params.kind.includes(e.kind) && (params.level === undefined || e.level === params.level))
        n += params.byCount || e.kind === 'preventable-case' ? (e.count ?? 1) : 1;
    return n;
  });
  engine.addFact<Promise<number>>('recordCount', async (raw: Record<string, unknown>, almanac: Almanac) => {
    const params = raw as unknown as { kind: string; distinct?: boolean };
    const u = await unitOf(almanac);
    const rs = (u.records ?? []).filter((r) => r.kind === params.kind);
    return params.distinct ? new Set(rs.map((r) => r.key ?? r.id)).size : rs.length;
  });
  engine.addFact<Promise<number>>('vetoCount', async (raw: Record<string, unknown>, almanac: Almanac) => {
    const params = raw as unknown as { kinds: string[] };
    const u = await unitOf(almanac);
    return (u.vetoes ?? []).filter((v) => params.kinds.includes(v.kind)).length;
  });
  // The rules engine only matches conditions; the weighted mean is arithmetic, so it is a fact.
  engine.addFact<Promise<number>>('base', async (_params: Record<string, unknown>, almanac: Almanac) => {
    const u = await unitOf(almanac);
    return handLoopBase(u);
  });
  const rs = defaultRuleSet();
  for (const rule of rs.rules) {
    if (rule.kind === 'per-event') {
      const sign = rule.effect === 'deduction' ? -1 : 1;
      const levels: [string | undefined, number][] = rule.pointsByLevel
        ? Object.entries(rule.pointsByLevel)
        : [[undefined, rule.points ?? 0]];
      for (const [level, amount] of levels) {
        const params = { kind: rule.events, level, byCount: rule.multiplier === 'count' };
        engine.addRule({
          name: `${rule.id}:${level ?? ''}`,
          conditions: { all: [{ fact: 'eventCount', params, operator: 'greaterThan', value: 0 }] },
          event: {
            type: rule.effect,
            params: { ruleId: rule.id, amount: sign * Math.round(amount * 1000), count: params } satisfies Points,
          },
        });
      }
    } else if (rule.kind === 'tiered-count') {
      rule.tiers.forEach((t, i) => {
        const next = rule.tiers[i + 1];
        const params = { kind: rule.events };
        engine.addRule({
          name: `${rule.id}:${t.atLeast}`,
          conditions: {
            all: [
              { fact: 'eventCount', params, operator: 'greaterThanInclusive', value: t.atLeast },
              ...(next ? [{ fact: 'eventCount', params, operator: 'lessThan', value: next.atLeast }] : []),
            ],
          },
          event: {
            type: rule.effect,
            params: { ruleId: rule.id, amount: -Math.round(t.points * 1000) } satisfies Points,
          },
        });
      });
    } else if (rule.kind === 'quota') {
      const params = { kind: rule.record, distinct: rule.distinct };
      const any = [
        ...(rule.atLeast !== undefined
          ? [{ fact: 'recordCount', params, operator: 'lessThan', value: rule.atLeast }]
          : []),
        ...(rule.atMost !== undefined
          ? [{ fact: 'recordCount', params, operator: 'greaterThan', value: rule.atMost }]
          : []),
      ];
      engine.addRule({
        name: rule.id,
        conditions: { any },
        event: {
          type: 'deduction',
          params: { ruleId: rule.id, amount: -Math.round(rule.points * 1000) } satisfies Points,
        },
      });
    } else if (rule.kind === 'veto') {
      engine.addRule({
        name: rule.id,
        conditions: { all: [{ fact: 'vetoCount', params: { kinds: rule.vetoes }, operator: 'greaterThan', value: 0 }] },
        event: { type: 'veto' },
      });
    }
  }
  engine.addRule({
    name: 'base',
    conditions: { all: [{ fact: 'base', operator: 'greaterThanInclusive', value: 0 }] },
    event: { type: 'base' },
  });
  return engine;
}

function handLoopBase(u: UnitFacts): number {
  // Same weighted-component arithmetic as the loop (base only).
  const qs = [0, 0, 0, 0],
    qn = [0, 0, 0, 0];
  let hs = 0,
    hn = 0,
    ys = 0,
    yn = 0;
  for (const i of u.inspections ?? []) {
    const s = Math.round(i.score * 1000);
    if (i.component === 'routine') {
      const q = (((i.date.charCodeAt(5) - 48) * 10 + i.date.charCodeAt(6) - 49) / 3) | 0;
      qs[q]! += s;
      qn[q]! += 1;
    } else if (i.component === 'half-year') {
      hs += s;
      hn++;
    } else if (i.component === 'year-end') {
      ys += s;
      yn++;
    }
  }
  let l = 1,
    nq = 0,
    num = 0;
  for (let q = 0; q < 4; q++)
    if (qn[q]) {
      l = (l / gcd(l, qn[q]!)) * qn[q]!;
      nq++;
    }
  for (let q = 0; q < 4; q++) if (qn[q]) num += qs[q]! * (l / qn[q]!);
  let base = nq ? mulDivRound(num, 2000, nq * l * 10000) : 0;
  if (hn) base += mulDivRound(hs, 3000, hn * 10000);
  if (yn) base += mulDivRound(ys, 5000, yn * 10000);
  return base;
}

async function peer(engine: Engine, units: readonly UnitFacts[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const u of units) {
    const { events, almanac } = await engine.run({ unit: u });
    let base = 0,
      bonus = 0,
      ded = 0,
      vetoed = false;
    for (const ev of events) {
      if (ev.type === 'base') base = await almanac.factValue<number>('base');
      else if (ev.type === 'veto') vetoed = true;
      else {
        const p = ev.params as Points;
        const n = p.count ? await almanac.factValue<number>('eventCount', p.count) : 1;
        if (ev.type === 'bonus') bonus += p.amount * n;
        else ded -= p.amount * n;
      }
    }
    let final = base + Math.min(bonus, 10000) - ded;
    if (final < 0) final = 0;
    out.set(u.unitId, vetoed ? -final - 1 : final);
  }
  return out;
}

// ---------------------------------------------------------------- run

/** Collect garbage before each timed run when node runs with --expose-gc (npm run bench does). */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

function time<T>(fn: () => T): { ms: number; value: T } {
  collect();
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

function median<T extends { ms: number }>(runs: T[]): T {
  return [...runs].sort((x, y) => x.ms - y.ms)[runs.length >> 1]!;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const facts = buildFacts();
  const factCount = facts.reduce(
    (n, u) =>
      n + (u.inspections?.length ?? 0) + (u.events?.length ?? 0) + (u.records?.length ?? 0) + (u.vetoes?.length ?? 0),
    0,
  );
  console.log(
    `units: ${facts.length}, facts: ${factCount} (${(factCount / facts.length).toFixed(1)} per unit), built in ${(performance.now() - t0).toFixed(0)} ms`,
  );
  const rs = defaultRuleSet();

  // Warm up each contestant once on a slice.
  const warm = facts.slice(0, 2_000);
  score(rs, warm);
  score(rs, warm, { explain: false });
  handLoop(warm);
  const engine = buildPeer();
  await peer(engine, warm.slice(0, 200));

  // Median of RUNS timed runs each (engine and loop interleaved, so both see the same heap).
  const aRuns: { ms: number; value: ReturnType<typeof score> }[] = [];
  const tRuns: { ms: number; value: ReturnType<typeof score> }[] = [];
  const cRuns: { ms: number; value: Map<string, number> }[] = [];
  for (let r = 0; r < RUNS; r++) {
    aRuns.push(time(() => score(rs, facts)));
    tRuns.push(time(() => score(rs, facts, { explain: false })));
    cRuns.push(time(() => handLoop(facts)));
  }
  const a = median(aRuns);
  const t = median(tRuns);
  const c = median(cRuns);
  const subset = facts.slice(facts.length - PEER_SUBSET);
  const bRuns: number[] = [];
  let b = new Map<string, number>();
  for (let r = 0; r < PEER_RUNS; r++) {
    collect();
    const tb = performance.now();
    b = await peer(engine, subset);
    bRuns.push(performance.now() - tb);
  }
  const bMs = bRuns.sort((x, y) => x - y)[bRuns.length >> 1]!;

  // Verify identical finals.
  let mismatches = 0;
  a.value.forEach((x, i) => {
    const encoded = x.vetoed ? -x.final - 1 : x.final;
    if (c.value.get(x.unitId) !== encoded) mismatches++;
    const y = t.value[i]!;
    if (y.unitId !== x.unitId || y.final !== x.final || y.vetoed !== x.vetoed) mismatches++;
    const p = b.get(x.unitId);
    if (p !== undefined && p !== encoded) mismatches++;
  });
  if (b.size !== PEER_SUBSET) mismatches++;

  const ups = (n: number, ms: number) => (n / ms) * 1000;
  const engineUps = ups(facts.length, a.ms);
  const totalsUps = ups(facts.length, t.ms);
  const peerUps = ups(subset.length, bMs);
  const loopUps = ups(facts.length, c.ms);
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(12);
  const row = (name: string, n: number, ms: number, u: number) =>
    console.log(`${name.padEnd(40)} ${String(n).padStart(7)} ${ms.toFixed(0).padStart(7)} ${fmt(u)}`);
  console.log('');
  console.log(`${'contestant'.padEnd(40)}   units      ms      units/s   (median of ${RUNS} runs; peer ${PEER_RUNS})`);
  row('(a) score() with explanation lines', facts.length, a.ms, engineUps);
  row("(a') score(…, { explain: false })", facts.length, t.ms, totalsUps);
  row('(b) json-rules-engine (peer)', subset.length, bMs, peerUps);
  row('(c) hand-written loop', facts.length, c.ms, loopUps);
  console.log('');
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  for (const [name, u] of [
    ['(a) explained', engineUps],
    ["(a') totals only", totalsUps],
  ] as const) {
    const vsPeer = u / peerUps;
    const loopOver = loopUps / u;
    console.log(
      `${name.padEnd(18)} engine/peer ${vsPeer.toFixed(1).padStart(6)}× (goal ≥ 20×: ${verdict(vsPeer >= 20)})   engine/loop ${(1 / loopOver).toFixed(2)}, loop ${loopOver.toFixed(2)}× faster (goal ≤ 3×: ${verdict(loopOver <= 3)})`,
    );
  }
  console.log(
    `finals identical (a = a' = c on ${facts.length}, a = b on ${subset.length}): ${mismatches === 0 ? 'yes' : `NO, ${mismatches} mismatches`}`,
  );
  console.log(`total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (mismatches > 0) process.exitCode = 1;
}

await main();
