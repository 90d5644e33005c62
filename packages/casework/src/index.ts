/** @tally/casework — pure domain logic for petition cases (信访件) and disputes. No I/O, no clock. */
export type { CivilDate } from './civil-date.ts';
export {
  addDays,
  addMonths,
  chineseCivilDate,
  compareDates,
  daysInMonth,
  isCivilDate,
  shanghaiDate,
  toDayNumber,
} from './civil-date.ts';
export type { WorkCalendar } from './calendar.ts';
export { addWorkingDays, isWorkingDay, nextWorkingDayOnOrAfter, workingDaysBetween } from './calendar.ts';
export { chinaCalendar2026 } from './china-calendar-2026.ts';

export type { Message, CodedError } from './message.ts';
export type { UnitLevel } from './unit-code.ts';
export {
  LEVEL_RANK,
  UNIT_CODE_PATTERN,
  ancestorAt,
  countyCodeOf,
  isUnitCode,
  isUnitCodeShape,
  isWithin,
  unitLevelOf,
} from './unit-code.ts';
export type { Actor, Role } from './actor.ts';
export { CASE_HANDLING_ROLES, canHandleCases, covers } from './actor.ts';

export type {
  Assignment,
  CaseState,
  Channel,
  Complexity,
  Escalation,
  PetitionStatus,
  ReplyMethod,
  Satisfaction,
} from './petition-types.ts';
export { COLLECTIVE_THRESHOLD } from './petition-types.ts';
export type { CaseAction, CaseCategory, Term } from './case-vocabulary.ts';
export {
  ACTION_TERMS,
  CASE_ACTIONS,
  CASE_CATEGORIES,
  CASE_CHANNELS,
  CASE_STATUSES,
  CASE_VOCABULARIES,
  CATEGORY_TERMS,
  CHANNEL_TERMS,
  COMPLEXITIES,
  COMPLEXITY_TERMS,
  REPLY_METHODS,
  REPLY_METHOD_TERMS,
  SATISFACTIONS,
  SATISFACTION_TERMS,
  STATUS_TERMS,
  isCode,
} from './case-vocabulary.ts';
export type { IntakeErrorCode, IntakeInput } from './petition-intake.ts';
export { INTAKE_ERROR_FIELDS, registerCase } from './petition-intake.ts';
export { normalizePhone } from './phone.ts';
export type { TransitionErrorCode } from './petition-errors.ts';
export type { ActionType, PetitionAction, TransitionEvent, TransitionResult } from './petition-workflow.ts';
export { allowedActions, replay, revisitRequired, transition } from './petition-workflow.ts';

export type { CaseClock, ClockStage, ClockStatus, DayCount, DeadlineRules } from './deadlines.ts';
export {
  DEFAULT_DEADLINE_RULES,
  applyDayCount,
  arrivedOn,
  assignmentDeadline,
  caseClock,
  dueWithinEnd,
  handlingDeadline,
  runningDeadline,
} from './deadlines.ts';

export type { CaseNumberParts } from './case-number.ts';
export { CASE_NUMBER_YEARS, formatCaseNumber, parseCaseNumber } from './case-number.ts';
export type { IdNumberResult } from './id-number.ts';
export { idCheckCharacter, normalizeIdNumber, validateIdNumber } from './id-number.ts';
export { maskAddress, maskIdNumber, maskName, maskPhone } from './masking.ts';

export type { Rate } from './rate.ts';
export { meetsTarget, rate } from './rate.ts';
export type { Period, PetitionFigures, PetitionRecord } from './figures.ts';
export { petitionFigures } from './figures.ts';
export type { DisputeSeverity, RevisitClass } from './disputes.ts';
export {
  DISPUTE_TARGETS,
  REVISIT_MONTHS,
  SEVERITY_LABELS,
  handlingLevelFor,
  rateAgainstTarget,
  revisitDueOn,
} from './disputes.ts';
export type { NoticeFacts, Supervisor } from './supervision-notice.ts';
export {
  NOTICE_REPLY_WORKING_DAYS,
  responsibleUnitOf,
  supervisingUnitOf,
  supervisionNotice,
} from './supervision-notice.ts';

export type { CalendarCheck, CalendarIssue, CalendarIssueCode } from './calendar-edit.ts';
export { CALENDAR_YEARS, calendarYear, checkCalendarYear, parseDateList } from './calendar-edit.ts';
export type { DeadlinePreview, PreviewRule } from './deadline-preview.ts';
export { previewDeadlines } from './deadline-preview.ts';
export type {
  DisputeFigures,
  DisputeGroup,
  DisputeOutcome,
  DisputeSatisfaction,
  RateLine,
  RevisitDue,
  RevisitStatus,
} from './dispute-rates.ts';
export { REVISIT_DUE_SOON_DAYS, disputeFigures, isRevisitClass, revisitStatus } from './dispute-rates.ts';
export { maskPartiesText } from './party-masking.ts';
