import { DEFAULT_KINDS } from '@tally/scoring';

/*
 * The assessment vocabulary the database stores. Fact kinds are the scoring engine's own
 * (DEFAULT_KINDS), so a stored kind and the rule that counts it can never be spelt twice.
 */

export const ruleSetStatuses = ['draft', 'published'] as const;
export type RuleSetStatus = (typeof ruleSetStatuses)[number];

export const inspectionComponents = [
  DEFAULT_KINDS.inspections.routine,
  DEFAULT_KINDS.inspections.halfYear,
  DEFAULT_KINDS.inspections.yearEnd,
] as const;
export type InspectionComponent = (typeof inspectionComponents)[number];

/** Periods a result can be published for; each is a window of one calendar year. */
export const assessmentPeriods = ['year', 'H1', 'Q1', 'Q2', 'Q3', 'Q4'] as const;
export type AssessmentPeriod = (typeof assessmentPeriods)[number];

/** Events the checking unit records itself, because no ledger of the assessed unit holds them. */
export const checkingEventKinds = [
  DEFAULT_KINDS.events.nightDutyOffPost,
  DEFAULT_KINDS.events.commendation,
  DEFAULT_KINDS.events.preventableCase,
  DEFAULT_KINDS.vetoes.massIncident,
  DEFAULT_KINDS.vetoes.viciousCriminalCase,
  DEFAULT_KINDS.vetoes.majorAccident,
  DEFAULT_KINDS.vetoes.disgracefulIncident,
] as const;
export type CheckingEventKind = (typeof checkingEventKinds)[number];

/** Levels a checking event must carry, by kind (kinds not listed carry none). */
export const checkingEventLevels: Partial<Record<CheckingEventKind, readonly string[]>> = {
  [DEFAULT_KINDS.events.nightDutyOffPost]: ['criticism', 'yellow-card'],
  [DEFAULT_KINDS.events.commendation]: ['county', 'city', 'province'],
};

/** Veto kinds: one of these vetoes the unit; the others are scoring events. */
export const vetoEventKinds: readonly CheckingEventKind[] = Object.values(DEFAULT_KINDS.vetoes);

/** Which units a result ranks: the townships of the county, or the villages of one township. */
export const rankedLevels = ['township', 'village'] as const;
export type RankedLevel = (typeof rankedLevels)[number];
