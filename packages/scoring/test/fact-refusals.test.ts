import { describe, expect, it } from 'vitest';
import {
  defaultRuleSet,
  FactError,
  factsInPeriod,
  MAX_COUNT,
  score,
  streetHalfYearRuleSet,
  trend,
  type RuleSet,
  type UnitFacts,
} from '../src/index.ts';
import { clean } from './helpers.ts';

const rs = defaultRuleSet();

/** The FactError score() throws for these units (in both explain modes), or a failure when it does not throw. */
function refusal(units: UnitFacts[], ruleSet: RuleSet = rs): FactError {
  let thrown: unknown;
  try {
    score(ruleSet, units);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(FactError);
  expect(() => score(ruleSet, units, { explain: false })).toThrow(FactError);
  return thrown as FactError;
}

const absence = (count: number) =>
  clean('v', { events: [{ id: 'a1', kind: 'meeting-absence', count, date: '2024-03-01' }] });

describe('score() refuses facts it cannot score exactly', () => {
  it('a negative count (it turned a deduction into a bonus), naming unit, fact, field and rule', () => {
    const e = refusal([clean('ok'), absence(-2)]);
    expect(e).toMatchObject({
      unitId: 'v',
      list: 'events',
      factId: 'a1',
      ruleId: 'deduct.meeting-absence',
      field: 'count',
      problem: 'below-minimum',
    });
    expect(e.message).toMatch(/unit "v".*event "a1".*count -2.*rule "deduct\.meeting-absence"/);
  });

  it('an infinite or NaN count (it gave a NaN final ranked by input order), a zero or fractional count', () => {
    expect(refusal([absence(Number.POSITIVE_INFINITY)])).toMatchObject({ field: 'count', problem: 'not-finite' });
    expect(refusal([absence(Number.NaN)])).toMatchObject({ field: 'count', problem: 'not-finite' });
    expect(refusal([absence(0)])).toMatchObject({ field: 'count', problem: 'below-minimum' });
    expect(refusal([absence(1.5)])).toMatchObject({ field: 'count', problem: 'not-whole' });
  });

  it('a count above MAX_COUNT, and occurrences of one rule summing above it', () => {
    expect(refusal([absence(MAX_COUNT + 1)])).toMatchObject({ field: 'count', problem: 'above-maximum' });
    const two = clean('v', {
      events: [
        { id: 'a1', kind: 'meeting-absence', count: MAX_COUNT, date: '2024-03-01' },
        { id: 'a2', kind: 'meeting-absence', count: 1, date: '2024-03-02' },
      ],
    });
    expect(refusal([two])).toMatchObject({
      factId: 'a2',
      ruleId: 'deduct.meeting-absence',
      field: 'count',
      problem: 'too-many',
    });
  });

  it('inspection scores that are NaN, infinite, outside 0–100 or finer than 0.001', () => {
    const withScore = (s: number) =>
      clean('v', { inspections: [{ id: 'y', component: 'year-end', score: s, date: '2024-12-20' }] });
    expect(refusal([withScore(Number.NaN)])).toMatchObject({
      list: 'inspections',
      factId: 'y',
      ruleId: 'base.inspections',
      field: 'score',
      problem: 'not-finite',
    });
    expect(refusal([withScore(Number.NEGATIVE_INFINITY)])).toMatchObject({ field: 'score', problem: 'not-finite' });
    expect(refusal([withScore(-0.5)])).toMatchObject({ field: 'score', problem: 'below-minimum' });
    expect(refusal([withScore(100.5)])).toMatchObject({ field: 'score', problem: 'above-maximum' });
    expect(refusal([withScore(90.0001)])).toMatchObject({ field: 'score', problem: 'too-many-decimals' });
    expect(
      score(rs, [
        withScore(100),
        clean('w', { inspections: [{ id: 'y', component: 'year-end', score: 0, date: '2024-12-20' }] }),
      ]),
    ).toHaveLength(2);
  });

  it('indicator numerators and denominators that are NaN, infinite or negative, and a numerator above its denominator', () => {
    const street = streetHalfYearRuleSet();
    const dept = (numerator: number, denominator: number): UnitFacts => ({
      unitId: 'd',
      category: 'department',
      indicators: [{ id: 'n1', name: 'settlement-rate', numerator, denominator, date: '2024-06-30' }],
    });
    expect(refusal([dept(Number.NaN, 10)], street)).toMatchObject({
      list: 'indicators',
      factId: 'n1',
      ruleId: 'department.settlement-rate',
      field: 'numerator',
      problem: 'not-finite',
    });
    expect(refusal([dept(5, Number.POSITIVE_INFINITY)], street)).toMatchObject({
      field: 'denominator',
      problem: 'not-finite',
    });
    expect(refusal([dept(-1, 10)], street)).toMatchObject({ field: 'numerator', problem: 'below-minimum' });
    const e = refusal([dept(11, 10)], street);
    expect(e).toMatchObject({ field: 'numerator', problem: 'numerator-above-denominator' });
    expect(e.message).toMatch(/numerator 11 is above the denominator 10/);
    expect(score(street, [dept(10, 10), { ...dept(0, 0), unitId: 'e' }])).toHaveLength(2);
  });

  it('an event level no per-event rule of its kind scores, and a missing level (it was silently scored 0)', () => {
    const info = (level?: string) =>
      clean('v', {
        events: [{ id: 'i1', kind: 'info-adopted', date: '2024-03-01', ...(level === undefined ? {} : { level }) }],
      });
    const e = refusal([info('village')]);
    expect(e).toMatchObject({ factId: 'i1', ruleId: 'bonus.info-adopted', field: 'level', problem: 'unknown-level' });
    expect(e.message).toMatch(/level "village".*township, county, city, province, central/);
    expect(refusal([info()])).toMatchObject({ field: 'level', problem: 'unknown-level' });
    expect(score(rs, [info('central')])[0]!.bonus).toBe(3000);
  });

  it('accepts a level scored by another per-event rule of the same kind (levels split between rules)', () => {
    const split: RuleSet = {
      ...rs,
      rules: rs.rules.flatMap((r) =>
        r.id === 'bonus.info-adopted' && r.kind === 'per-event'
          ? [
              { ...r, id: 'bonus.info-local', pointsByLevel: { township: 0.5, county: 1 } },
              { ...r, id: 'bonus.info-high', pointsByLevel: { city: 2, province: 2, central: 3 } },
            ]
          : [r],
      ),
    };
    const a = score(split, [
      clean('v', { events: [{ id: 'i1', kind: 'info-adopted', level: 'city', date: '2024-03-01' }] }),
    ])[0]!;
    expect(a.bonus).toBe(2000);
    expect(a.lines.find((l) => l.ruleId === 'bonus.info-high')?.factIds).toEqual(['i1']);
    expect(a.lines.some((l) => l.ruleId === 'bonus.info-local')).toBe(false);
    expect(
      refusal(
        [clean('v', { events: [{ id: 'i2', kind: 'info-adopted', level: 'village', date: '2024-03-01' }] })],
        split,
      ),
    ).toMatchObject({ ruleId: 'bonus.info-local', field: 'level' });
  });

  it('ignores fact kinds no rule mentions, unless the rule set declares strictVocabulary', () => {
    const stray: UnitFacts = clean('v', {
      events: [{ id: 's1', kind: 'weather', date: '2024-03-01' }],
      vetoes: [{ id: 's2', kind: 'unrelated', date: '2024-03-01' }],
    });
    expect(score(rs, [stray])[0]!.final).toBe(90_000);
    const strict: RuleSet = { ...rs, strictVocabulary: true };
    expect(score(strict, [clean('v')])[0]!.final).toBe(90_000);
    const e = refusal([stray], strict);
    expect(e).toMatchObject({ list: 'events', factId: 's1', field: 'kind', problem: 'unknown-kind' });
    expect(e.message).toMatch(/kind "weather"/);
    expect(
      refusal(
        [clean('v', { inspections: [{ id: 'q', component: 'monthly', score: 90, date: '2024-01-01' }] })],
        strict,
      ),
    ).toMatchObject({ list: 'inspections', field: 'component', problem: 'unknown-kind' });
    expect(
      refusal([clean('v', { records: [{ id: 'r', kind: 'minutes', date: '2024-01-01' }] })], strict),
    ).toMatchObject({ list: 'records', field: 'kind' });
    expect(refusal([clean('v', { vetoes: [{ id: 'x', kind: 'storm', date: '2024-01-01' }] })], strict)).toMatchObject({
      list: 'vetoes',
      field: 'kind',
    });
    expect(
      refusal(
        [clean('v', { indicators: [{ id: 'n', name: 'rate', numerator: 1, denominator: 1, date: '2024-01-01' }] })],
        strict,
      ),
    ).toMatchObject({ list: 'indicators', field: 'name' });
  });

  it('malformed inspection dates (the quarter of a routine check was guessed), a missing unit id, a fact list that is not a list', () => {
    const bad = clean('v', { inspections: [{ id: 'r', component: 'routine', score: 90, date: '2024-13-01' }] });
    expect(refusal([bad])).toMatchObject({ list: 'inspections', factId: 'r', field: 'date', problem: 'invalid-date' });
    expect(refusal([{ unitId: '' }])).toMatchObject({ field: 'unitId', problem: 'invalid-unit-id' });
    const notAList = JSON.parse('{"unitId":"v","events":{"id":"e"}}') as UnitFacts;
    expect(refusal([notAList])).toMatchObject({ unitId: 'v', field: 'events', problem: 'not-a-list' });
    const twice = refusal([clean('a'), clean('b'), clean('a')]);
    expect(twice).toMatchObject({ unitId: 'a', field: 'unitId', problem: 'duplicate-unit-id' });
    expect(twice.message).toMatch(/duplicate unitId "a"/);
  });
});

describe('factsInPeriod refuses a date it cannot place in a period', () => {
  it('names the unit, the list and the fact (trend goes through it)', () => {
    const u = clean('v', { records: [{ id: 'm', kind: 'meeting', date: '24-1-1' }] });
    expect(() => factsInPeriod(u, '2024-12-31')).toThrow(FactError);
    try {
      factsInPeriod(u, '2024-12-31');
    } catch (e) {
      expect(e).toMatchObject({ unitId: 'v', list: 'records', factId: 'm', field: 'date', problem: 'invalid-date' });
    }
    expect(() =>
      trend(rs, [clean('w', { events: [{ id: 'e', kind: 'missing-report', date: '2024-02-30x' }] })], {
        granularity: 'quarter',
        year: 2024,
      }),
    ).toThrow(/event "e": date/);
    expect(factsInPeriod(clean('v'), '2024-06-30').records?.length).toBeGreaterThan(0);
  });
});
