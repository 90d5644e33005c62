/**
 * The petition workflow of docs/domain.md §3 as an explicit state machine:
 *
 *   registered ─accept→ accepted ─assign→ assigned ─start→ in_progress ─reply→ replied
 *       │                  │  ↺ assign (reassign before work starts)          │
 *       └─refuse→ refused (terminal)                     replied ─revisit→ revisited ─archive→ archived
 *                                                        replied ─archive→ archived (only when revisit is optional)
 *
 *   escalate (from registered / accepted / assigned / in_progress):
 *       ownership moves to the superior unit and the case goes back to `registered`
 *       there, because the new level must itself decide acceptance and assignment
 *       ("small matters stay in the village, big ones in the township"). The old
 *       acceptance and assignment are cleared, so the new unit's acceptance clock starts
 *       on the day of the move (deadlines.ts); the move is kept in `escalations`.
 *
 *   downward assignment: `assign` to a unit below the handling unit (e.g. the county
 *       assigns to a township). Ownership stays with the assigning unit, which
 *       supervises; the case then counts as "assigned from above" and needs a revisit.
 *
 * transition() is pure: it never mutates its input, never reads the clock, and returns
 * a coded bilingual error instead of throwing for anything a user can get wrong.
 */
import { covers, canHandleCases, type Actor } from './actor.ts';
import type { WorkCalendar } from './calendar.ts';
import { shanghaiDate } from './civil-date.ts';
import { DEFAULT_DEADLINE_RULES, handlingDeadline, type DeadlineRules } from './deadlines.ts';
import type { CodedError } from './message.ts';
import { transitionError, type TransitionErrorCode } from './petition-errors.ts';
import {
  COMPLEXITIES,
  COMPLEXITY_TERMS,
  REPLY_METHODS,
  REPLY_METHOD_TERMS,
  SATISFACTIONS,
  SATISFACTION_TERMS,
  isCode,
} from './case-vocabulary.ts';
import {
  COLLECTIVE_THRESHOLD,
  type CaseState,
  type Complexity,
  type PetitionStatus,
  type ReplyMethod,
  type Satisfaction,
} from './petition-types.ts';
import { LEVEL_RANK, ancestorAt, isWithin, unitLevelOf, type UnitLevel } from './unit-code.ts';

export type PetitionAction =
  | { type: 'accept' }
  | { type: 'refuse'; reason: string }
  | { type: 'assign'; unitCode: string; person: string; complexity: Complexity }
  | { type: 'start' }
  | { type: 'reply'; method: ReplyMethod; content: string }
  | { type: 'revisit'; satisfaction: Satisfaction }
  | { type: 'archive' }
  | { type: 'escalate'; toUnitCode: string; toLevel: UnitLevel; reason: string };

export type ActionType = PetitionAction['type'];

/** Which actions each state admits, before permission and business checks. */
const ACTIONS_BY_STATUS: Readonly<Record<PetitionStatus, readonly ActionType[]>> = {
  registered: ['accept', 'refuse', 'escalate'],
  accepted: ['assign', 'escalate'],
  assigned: ['start', 'assign', 'escalate'],
  in_progress: ['reply', 'escalate'],
  replied: ['revisit', 'archive'],
  revisited: ['archive'],
  refused: [],
  archived: [],
};

/** Actions done by the responsible (assigned) unit; the rest belong to the handling unit. */
const RESPONSIBLE_UNIT_ACTIONS: readonly ActionType[] = ['start', 'reply', 'revisit'];

export interface TransitionEvent {
  caseId: string;
  from: PetitionStatus;
  to: PetitionStatus;
  type: ActionType;
  /** The full action, so the log can be replayed (see replay()). */
  action: PetitionAction;
  /** ISO instant of `now`. */
  at: string;
  actor: Actor;
  /** Human-readable summary of what the action carried (reason, unit and person, reply…). */
  note: string;
}

export type TransitionResult =
  | { ok: true; next: CaseState; event: TransitionEvent }
  | { ok: false; error: CodedError<TransitionErrorCode> };

/**
 * Revisit (回访) is mandatory for collective petitions (5+ people), repeat petitions and
 * cases assigned from above — by channel 上级交办 or by a downward assignment.
 */
export function revisitRequired(state: CaseState): boolean {
  return (
    state.peopleCount >= COLLECTIVE_THRESHOLD ||
    state.repeat ||
    state.channel === 'assigned_from_above' ||
    (state.assignment !== null && state.assignment.unitCode !== state.unitCode)
  );
}

/** The unit whose staff (or superiors) may perform `type` on this case. */
function actingUnit(state: CaseState, type: ActionType): string {
  if (RESPONSIBLE_UNIT_ACTIONS.includes(type) && state.assignment !== null) return state.assignment.unitCode;
  return state.unitCode;
}

/** Actions the UI should offer this actor now (buttons). Each one listed may still fail on its payload. */
export function allowedActions(state: CaseState, actor: Actor): ActionType[] {
  if (!canHandleCases(actor)) return [];
  return ACTIONS_BY_STATUS[state.status].filter((type) => {
    if (!covers(actor, actingUnit(state, type))) return false;
    if (type === 'archive' && state.status === 'replied' && revisitRequired(state)) return false;
    if (type === 'escalate' && state.level === 'county') return false;
    return true;
  });
}

const fail = (code: TransitionErrorCode): TransitionResult => ({ ok: false, error: transitionError(code) });
const blank = (s: unknown): boolean => typeof s !== 'string' || s.trim() === '';

export function transition(
  state: CaseState,
  action: PetitionAction,
  actor: Actor,
  now: Date,
  calendar: WorkCalendar,
  rules: DeadlineRules = DEFAULT_DEADLINE_RULES,
): TransitionResult {
  if (Number.isNaN(now.getTime()) || now.getTime() < Date.parse(state.receivedAt)) return fail('invalid_time');
  if (!canHandleCases(actor)) return fail('role_not_permitted');
  if (!ACTIONS_BY_STATUS[state.status].includes(action.type)) return fail('not_allowed_in_state');
  if (!covers(actor, actingUnit(state, action.type))) return fail('outside_jurisdiction');

  const today = shanghaiDate(now);
  const done = (next: CaseState, note = ''): TransitionResult => ({
    ok: true,
    next,
    event: {
      caseId: state.id,
      from: state.status,
      to: next.status,
      type: action.type,
      action: structuredClone(action),
      at: now.toISOString(),
      actor: { ...actor },
      note,
    },
  });

  switch (action.type) {
    case 'accept':
      return done({ ...state, status: 'accepted', acceptedOn: today });

    case 'refuse': {
      if (blank(action.reason)) return fail('reason_required');
      const reason = action.reason.trim();
      return done({ ...state, status: 'refused', refusalReason: reason }, reason);
    }

    case 'assign': {
      if (!isCode(COMPLEXITIES, action.complexity)) return fail('invalid_value');
      // The responsible unit is the handling unit itself or a unit below it (downward 交办).
      if (unitLevelOf(action.unitCode) === null || !isWithin(action.unitCode, state.unitCode))
        return fail('invalid_unit');
      if (blank(action.person)) return fail('person_required');
      const person = action.person.trim();
      const dueOn = handlingDeadline(today, action.complexity, rules, calendar);
      const assignment = { unitCode: action.unitCode, person, complexity: action.complexity, assignedOn: today, dueOn };
      return done(
        { ...state, status: 'assigned', assignment, startedOn: null },
        `${action.unitCode} ${person} ${COMPLEXITY_TERMS[action.complexity].zh} 限 ${dueOn}`,
      );
    }

    case 'start':
      return done({ ...state, status: 'in_progress', startedOn: today });

    case 'reply': {
      if (!isCode(REPLY_METHODS, action.method)) return fail('invalid_value');
      if (blank(action.content)) return fail('content_required');
      const content = action.content.trim();
      return done(
        { ...state, status: 'replied', reply: { method: action.method, content, on: today } },
        `${REPLY_METHOD_TERMS[action.method].zh}：${content}`,
      );
    }

    case 'revisit':
      if (!isCode(SATISFACTIONS, action.satisfaction)) return fail('invalid_value');
      // Dissatisfaction is recorded (it feeds the satisfaction rate) but does not reopen the
      // case: the source gives no reopen rule; a new request is registered as a new case.
      return done(
        { ...state, status: 'revisited', revisit: { satisfaction: action.satisfaction, on: today } },
        SATISFACTION_TERMS[action.satisfaction].zh,
      );

    case 'archive':
      if (state.status === 'replied' && revisitRequired(state)) return fail('revisit_required');
      return done({ ...state, status: 'archived', archivedOn: today });

    case 'escalate': {
      if (!Object.hasOwn(LEVEL_RANK, action.toLevel)) return fail('invalid_value');
      if (unitLevelOf(action.toUnitCode) !== action.toLevel) return fail('invalid_unit');
      if (LEVEL_RANK[action.toLevel] <= LEVEL_RANK[state.level]) return fail('not_upward');
      if (ancestorAt(state.unitCode, action.toLevel) !== action.toUnitCode) return fail('not_superior');
      if (blank(action.reason)) return fail('reason_required');
      const reason = action.reason.trim();
      const escalation = {
        fromUnitCode: state.unitCode,
        fromLevel: state.level,
        toUnitCode: action.toUnitCode,
        toLevel: action.toLevel,
        reason,
        on: today,
      };
      return done(
        {
          ...state,
          status: 'registered',
          unitCode: action.toUnitCode,
          level: action.toLevel,
          acceptedOn: null,
          assignment: null,
          startedOn: null,
          escalations: [...state.escalations, escalation],
        },
        reason,
      );
    }
  }
}

/**
 * Re-applies a recorded event log to the state the log started from. Each event must
 * succeed and land in the state it recorded; the first that does not is reported with its
 * index. Lets an auditor prove that a stored case state is what its history produces.
 */
export function replay(
  initial: CaseState,
  events: readonly TransitionEvent[],
  calendar: WorkCalendar,
  rules: DeadlineRules = DEFAULT_DEADLINE_RULES,
): { ok: true; state: CaseState } | { ok: false; index: number; error: CodedError } {
  let state = initial;
  for (const [index, e] of events.entries()) {
    if (e.caseId !== state.id || e.from !== state.status) {
      return {
        ok: false,
        index,
        error: { code: 'log_mismatch', zh: '处理记录与案件状态不符', en: 'The event does not match the case state' },
      };
    }
    const r = transition(state, e.action, e.actor, new Date(e.at), calendar, rules);
    if (!r.ok) return { ok: false, index, error: r.error };
    if (r.next.status !== e.to) {
      return {
        ok: false,
        index,
        error: { code: 'log_mismatch', zh: '处理记录与案件状态不符', en: 'The event does not match the case state' },
      };
    }
    state = r.next;
  }
  return { ok: true, state };
}
