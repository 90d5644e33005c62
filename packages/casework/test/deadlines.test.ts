import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DEADLINE_RULES,
  assignmentDeadline,
  addDays,
  caseClock,
  dueWithinEnd,
  handlingDeadline,
  type DeadlineRules,
} from '../src/index.ts';
import { ACCEPT, ASSIGN_SELF, REPLY, START, VILLAGE, at, cal, newCase, run } from './fixtures.ts';

const rules = DEFAULT_DEADLINE_RULES;
const workingRules: DeadlineRules = {
  ...rules,
  handling: { simple: { days: 0, kind: 'working' }, general: { days: 7, kind: 'working' }, major: { days: 30, kind: 'working' } },
};

describe('handlingDeadline (default: simple same working day, 7/30 calendar days rolled past days off)', () => {
  it.each([
    // Simple: the end of the assignment day, or the next working day when assigned on a day off.
    ['2026-09-30', 'simple', '2026-09-30'],
    ['2026-10-01', 'simple', '2026-10-08'], // National Day → first working day Oct 8
    ['2026-10-10', 'simple', '2026-10-10'], // make-up Saturday is a working day
    // General, 7 calendar days: Sep 30 + 7 = Oct 7 (holiday) → rolls to Thu Oct 8.
    ['2026-09-30', 'general', '2026-10-08'],
    // General: Feb 10 + 7 = Feb 17 (春节) → rolls to Tue Feb 24.
    ['2026-02-10', 'general', '2026-02-24'],
    // General: Feb 7 + 7 = Sat Feb 14, a make-up working day → stays.
    ['2026-02-07', 'general', '2026-02-14'],
    // Major, 30 calendar days: Jan 20 + 30 = Feb 19 (春节) → Tue Feb 24.
    ['2026-01-20', 'major', '2026-02-24'],
    // Major: Sep 10 + 30 = Sat Oct 10, make-up working day → stays.
    ['2026-09-10', 'major', '2026-10-10'],
  ] as const)('assigned %s, %s → %s', (assignedOn, complexity, expected) => {
    expect(handlingDeadline(assignedOn, complexity, rules, cal)).toBe(expected);
  });

  it('counts working days when the county switches the rule', () => {
    // Sep 30 + 7 working days: Oct 8, 9, 10 (make-up Sat), 12, 13, 14, 15.
    expect(handlingDeadline('2026-09-30', 'general', workingRules, cal)).toBe('2026-10-15');
    // Feb 13 + 7 working days: Feb 14 (make-up Sat), 24, 25, 26, 27, 28 (make-up Sat), Mar 2.
    expect(handlingDeadline('2026-02-13', 'general', workingRules, cal)).toBe('2026-03-02');
  });
});

describe('assignmentDeadline', () => {
  it('reception-day intake: 2 working days', () => {
    // Fri Feb 13 → Sat Feb 14 (make-up) is the 1st, Feb 15–23 off, Tue Feb 24 the 2nd.
    expect(assignmentDeadline('2026-02-13', 'reception_day', rules, cal)).toBe('2026-02-24');
    // Wed Sep 30 → Oct 8, Oct 9.
    expect(assignmentDeadline('2026-09-30', 'reception_day', rules, cal)).toBe('2026-10-09');
  });

  it('other channels have no assignment limit in the source rules', () => {
    expect(assignmentDeadline('2026-09-30', 'letter', rules, cal)).toBeNull();
  });
});

describe('caseClock', () => {
  // Assigned Wed Sep 30 as a general matter → due Thu Oct 8.
  const assigned = run(newCase(), [ACCEPT, { type: 'assign', unitCode: VILLAGE, person: '王会计', complexity: 'general' }], undefined, '2026-09-30');

  it('fixes the due date at assignment', () => {
    expect(assigned.assignment).toMatchObject({ assignedOn: '2026-09-30', dueOn: '2026-10-08' });
  });

  it('is due soon within 2 working days, overdue after the due day', () => {
    // Sep 30 → Oct 8 is 1 working day away.
    expect(caseClock(assigned, at('2026-09-30'), rules, cal)).toEqual({ status: 'due_soon', dueOn: '2026-10-08', daysLeft: 1 });
    // On the due day itself: still due soon, 0 days left.
    expect(caseClock(assigned, at('2026-10-08'), rules, cal)).toEqual({ status: 'due_soon', dueOn: '2026-10-08', daysLeft: 0 });
    // Oct 9: one working day overdue.
    expect(caseClock(assigned, at('2026-10-09'), rules, cal)).toEqual({ status: 'overdue', dueOn: '2026-10-08', daysLeft: -1 });
    // 23:59 on Oct 8 Shanghai time (15:59Z) is still the due day.
    expect(caseClock(assigned, new Date('2026-10-08T15:59:00Z'), rules, cal).status).toBe('due_soon');
    expect(caseClock(assigned, new Date('2026-10-08T16:00:00Z'), rules, cal).status).toBe('overdue');
  });

  it('is on time when the due day is further than the threshold', () => {
    // Major matter assigned Sep 10 → due Sat Oct 10 (make-up day); on Sep 28 that is
    // Sep 29, 30, Oct 8, 9, 10 = 5 working days away.
    const major = run(newCase({ receivedAt: '2026-09-09T02:00:00Z' }), [ACCEPT, { type: 'assign', unitCode: VILLAGE, person: '李', complexity: 'major' }], undefined, '2026-09-10');
    expect(caseClock(major, at('2026-09-28'), rules, cal)).toEqual({ status: 'on_time', dueOn: '2026-10-10', daysLeft: 5 });
  });

  it('stops at the reply', () => {
    const onTime = run(assigned, [START, REPLY], undefined, '2026-10-08');
    expect(caseClock(onTime, at('2026-12-01'), rules, cal)).toEqual({ status: 'closed_on_time', dueOn: '2026-10-08', daysLeft: 0 });
    const late = run(assigned, [START, REPLY], undefined, '2026-10-12');
    // Replied Mon Oct 12; Oct 9 and Oct 10 (make-up) lie between → 3 working days late.
    expect(caseClock(late, at('2026-12-01'), rules, cal)).toEqual({ status: 'closed_late', dueOn: '2026-10-08', daysLeft: -3 });
  });

  it('runs a reception-day case against the assignment limit until assigned', () => {
    const c = newCase({ channel: 'reception_day', receivedAt: '2026-02-13T02:00:00Z' });
    // Due Tue Feb 24 (see assignmentDeadline). On Feb 20 (holiday) only Feb 24 lies ahead.
    expect(caseClock(c, at('2026-02-20'), rules, cal)).toEqual({ status: 'due_soon', dueOn: '2026-02-24', daysLeft: 1 });
    expect(caseClock(c, at('2026-02-25'), rules, cal)).toEqual({ status: 'overdue', dueOn: '2026-02-24', daysLeft: -1 });
  });

  it('has no deadline for an unassigned case from another channel, or a refused one', () => {
    expect(caseClock(newCase({ channel: 'letter' }), at('2026-10-09'), rules, cal).status).toBe('no_deadline');
    const refused = run(newCase({ channel: 'reception_day' }), [{ type: 'refuse', reason: '属诉讼事项' }]);
    expect(caseClock(refused, at('2026-12-01'), rules, cal)).toEqual({ status: 'no_deadline', dueOn: null, daysLeft: null });
  });
});

describe('dueWithinEnd: a date filter that agrees with the clock badge', () => {
  it('selects exactly the running deadlines whose clock says due soon or due today, around National Day', () => {
    const rules = DEFAULT_DEADLINE_RULES;
    for (let offset = 0; offset < 60; offset++) {
      const today = addDays('2026-09-10', offset);
      const end = dueWithinEnd(today, rules.dueSoonWithinWorkingDays, cal);
      for (let ahead = 0; ahead < 20; ahead++) {
        const dueOn = addDays(today, ahead);
        const state = run(newCase(), [ACCEPT, ASSIGN_SELF]);
        const clock = caseClock({ ...state, assignment: { ...state.assignment!, dueOn } }, at(today), rules, cal);
        expect(dueOn < end, `${today} → ${dueOn}`).toBe(clock.status === 'due_soon');
      }
    }
  });
});
