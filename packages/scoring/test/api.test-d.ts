import { describe, expectTypeOf, it } from 'vitest';
import {
  canonicalRuleSetJson,
  defaultRuleSet,
  type FactError,
  scoreUnit,
  type FactProblem,
  diff,
  fundsRuleSet,
  parseRuleSet,
  rank,
  score,
  streetHalfYearRuleSet,
  trend,
  type Assessment,
  type AtRisk,
  type ScoreOptions,
  type ExplanationLine,
  type Fixed,
  type Ranking,
  type Rule,
  type RuleKind,
  type RuleSet,
  type TrendSeries,
  type UnitDiff,
  type UnitFacts,
} from '../src/index.ts';

describe('public API types', () => {
  it('rule sets', () => {
    expectTypeOf(defaultRuleSet).returns.toEqualTypeOf<RuleSet>();
    expectTypeOf(streetHalfYearRuleSet).returns.toEqualTypeOf<RuleSet>();
    expectTypeOf(fundsRuleSet).returns.toEqualTypeOf<RuleSet>();
    expectTypeOf(parseRuleSet).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(parseRuleSet).returns.toEqualTypeOf<RuleSet>();
    expectTypeOf<RuleSet['unit']>().toEqualTypeOf<'points' | 'yuan'>();
    expectTypeOf<RuleSet['rules']>().toEqualTypeOf<Rule[]>();
    expectTypeOf<RuleKind>().toEqualTypeOf<
      'inspection-weights' | 'per-event' | 'tiered-count' | 'quota' | 'indicator' | 'group-cap' | 'veto' | 'floor'
    >();
    expectTypeOf<Extract<Rule, { kind: 'tiered-count' }>['tiers']>().toEqualTypeOf<
      { atLeast: number; points: number }[]
    >();
  });

  it('score', () => {
    expectTypeOf(score).parameters.toEqualTypeOf<[RuleSet, readonly UnitFacts[], (ScoreOptions | undefined)?]>();
    expectTypeOf<ScoreOptions>().toEqualTypeOf<{ explain?: boolean; periodClosed?: boolean }>();
    expectTypeOf<Assessment['atRisk']>().toEqualTypeOf<AtRisk[] | undefined>();
    expectTypeOf<Assessment['assessedWeightPct']>().toEqualTypeOf<number | undefined>();
    expectTypeOf(score).returns.toEqualTypeOf<Assessment[]>();
    expectTypeOf<Assessment['final']>().toEqualTypeOf<Fixed>();
    expectTypeOf<Assessment['vetoed']>().toEqualTypeOf<boolean>();
    expectTypeOf<Assessment['lines']>().toEqualTypeOf<ExplanationLine[]>();
    expectTypeOf<ExplanationLine>().toMatchTypeOf<{
      ruleId: string;
      label: string;
      points: number;
      display: string;
      factIds: string[];
      detail?: string;
    }>();
    // Facts are plain data; the minimum is a unit id.
    expectTypeOf<{ unitId: string }>().toMatchTypeOf<UnitFacts>();
    // @ts-expect-error a rule set is required
    score(undefined, []);
  });

  it('refusals, identity, score to date', () => {
    expectTypeOf(canonicalRuleSetJson).parameters.toEqualTypeOf<[RuleSet]>();
    expectTypeOf(canonicalRuleSetJson).returns.toEqualTypeOf<string>();
    expectTypeOf<FactError['unitId']>().toEqualTypeOf<string>();
    expectTypeOf<FactError>().toMatchTypeOf<{
      factId: string | undefined;
      ruleId: string | undefined;
      field: string;
      problem: FactProblem;
    }>();
    expectTypeOf<AtRisk>().toEqualTypeOf<{
      ruleId: string;
      label: string;
      have: number;
      need: number;
      effect: 'base' | 'bonus' | 'deduction';
      atStake: number;
    }>();
    expectTypeOf<RuleSet['strictVocabulary']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf(scoreUnit).toBeCallableWith(defaultRuleSet(), { unitId: 'v' }, { periodClosed: false });
  });

  it('rank, trend, diff', () => {
    expectTypeOf(rank).returns.toEqualTypeOf<Ranking[]>();
    expectTypeOf<Ranking>().toEqualTypeOf<{ unitId: string; rank: number; final: number; vetoed: boolean }>();
    expectTypeOf(rank).toBeCallableWith(score(defaultRuleSet(), []));
    // @ts-expect-error rank needs assessments
    rank([{ unitId: 'a' }]);
    expectTypeOf(trend).returns.toEqualTypeOf<TrendSeries[]>();
    expectTypeOf(trend).toBeCallableWith(defaultRuleSet(), [], { granularity: 'quarter', year: 2024 });
    expectTypeOf(trend).toBeCallableWith(defaultRuleSet(), [], { periods: [{ label: 'H1', end: '2024-06-30' }] });
    expectTypeOf(diff).returns.toEqualTypeOf<UnitDiff[]>();
    expectTypeOf<UnitDiff>().toHaveProperty('rankDelta').toEqualTypeOf<number>();
  });
});
