import { seedDemoIfEmpty } from '@tally/demo';
import { withActor } from '@tally/db';
import { defaultRuleSet, rank, score } from '@tally/scoring';
import { createCaller } from '@tally/web/server/routers/root.ts';
import { factsFor, unitsUnder } from '@tally/web/server/assessment/assess-units.ts';
import { countyCalendar } from '@tally/web/server/services/work-calendar.ts';
import { actorByLogin } from '../setup/two-counties.ts';
import { openBenchDatabase, timeIt } from './support/bench-database.ts';

/*
 * Assessment on the demo county (12 townships × 15 villages, six months of ledgers and cases,
 * this year's inspection scores and checking events): the live ranking procedure against its
 * parts measured in the same run —
 *   facts:  the fact queries alone, as the same actor under RLS;
 *   engine: score + rank of those facts in memory;
 *   owner:  the same fact queries as the owner (no row-level security), the floor.
 */
const NOW = new Date('2026-11-23T10:00:00+08:00');
const db = await openBenchDatabase();
try {
  const seeded = performance.now();
  await seedDemoIfEmpty(db.owner.db, { now: NOW });
  process.stdout.write(`demo county seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s\n`);
  const admin = await actorByLogin(db.owner.db, 'admin');
  const caller = createCaller({ db: db.app.db, actor: admin, ip: null, now: NOW });
  const county = '130534000000';
  const township = (await actorByLogin(db.owner.db, 'zhen01')).unitCode;
  const ruleSet = defaultRuleSet();
  for (const [label, scopeCode] of [
    ['county: 12 townships', county],
    ['township: 15 villages', township],
  ] as const) {
    const ranked = { countyId: 1, year: 2026, period: 'year' as const, scopeCode };
    const facts = await withActor(db.app.db, admin, async (tx) =>
      factsFor(tx, ranked, await unitsUnder(tx, 1, scopeCode), [ruleSet], await countyCalendar(tx, 1), NOW),
    );
    const procedure = await timeIt(() => caller.assessment.live({ year: 2026, period: 'year', scopeCode }), 60, 5);
    const underRls = await timeIt(
      () =>
        withActor(db.app.db, admin, async (tx) =>
          factsFor(tx, ranked, await unitsUnder(tx, 1, scopeCode), [ruleSet], await countyCalendar(tx, 1), NOW),
        ),
      60,
      5,
    );
    const asOwner = await timeIt(
      () =>
        db.owner.db.transaction(async (tx) =>
          factsFor(tx, ranked, await unitsUnder(tx, 1, scopeCode), [ruleSet], await countyCalendar(tx, 1), NOW),
        ),
      60,
      5,
    );
    const engine = await timeIt(
      async () => rank(score(ruleSet, facts.facts, { explain: true, periodClosed: false })),
      200,
      20,
    );
    const factCount = facts.facts.reduce(
      (n, u) =>
        n + (u.events?.length ?? 0) + (u.records?.length ?? 0) + (u.inspections?.length ?? 0) + (u.vetoes?.length ?? 0),
      0,
    );
    process.stdout.write(`\n${label}: ${factCount} facts\n`);
    process.stdout.write(
      `  assessment.live          median ${procedure.median.toFixed(1)} ms  p95 ${procedure.p95.toFixed(1)} ms\n`,
    );
    process.stdout.write(`  fact queries under RLS   median ${underRls.median.toFixed(1)} ms\n`);
    process.stdout.write(`  fact queries as owner    median ${asOwner.median.toFixed(1)} ms\n`);
    process.stdout.write(`  engine (score+rank)      median ${engine.median.toFixed(2)} ms\n`);
    process.stdout.write(
      `  ratio procedure / owner fact queries: ${(procedure.median / asOwner.median).toFixed(2)}x; RLS overhead on the queries: ${(underRls.median / asOwner.median).toFixed(2)}x\n`,
    );
  }
} finally {
  await db.close();
}
