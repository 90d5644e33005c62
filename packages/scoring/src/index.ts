/**
 * @tally/scoring: the assessment rules of docs/domain.md §6 as data, and a pure engine that
 * scores, ranks, trends and diffs them. No database, no web app, no clock.
 */
export { SCALE, toFixed, fromFixed, formatFixed, mulDivRound, divRound, type Fixed } from './fixed-point.ts';
export {
  RuleSetError,
  FactError,
  type RuleSetIssue,
  type FactList,
  type FactProblem,
  type FactErrorDetails,
} from './errors.ts';
export { MAX_COUNT, MAX_INSPECTION_SCORE } from './limits.ts';
export {
  RuleSetSchema,
  RuleSchema,
  RULE_KINDS,
  parseRuleSet,
  safeParseRuleSet,
  defineRuleSet,
  type RuleSet,
  type Rule,
  type RuleKind,
  type Effect,
  type ScoreUnit,
  type InspectionWeightsRule,
  type PerEventRule,
  type TieredCountRule,
  type QuotaRule,
  type IndicatorRule,
  type GroupCapRule,
  type VetoRule,
  type FloorRule,
} from './rule-set.ts';
export {
  UnitFactsSchema,
  FactsSchema,
  factsInPeriod,
  type UnitFacts,
  type Inspection,
  type ScoringEvent,
  type RecordFact,
  type IndicatorFact,
  type VetoFact,
} from './facts.ts';
export { sumLines, explainText, type Assessment, type ExplanationLine, type AtRisk } from './explain.ts';
export { compile, type CompiledRuleSet } from './compile.ts';
export { canonicalRuleSetJson } from './canonical.ts';
export { score, scoreUnit, type ScoreOptions } from './score.ts';
export { rank, rankMap, type Ranking } from './rank.ts';
export { trend, periodsOf, type Period, type TrendSpec, type TrendPoint, type TrendSeries } from './trend.ts';
export { diff, type UnitDiff } from './diff.ts';
export { defaultRuleSet, DEFAULT_KINDS } from './rule-sets/default.ts';
export { streetHalfYearRuleSet } from './rule-sets/street-half-year.ts';
export { fundsRuleSet } from './rule-sets/funds.ts';
