import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DEADLINE_RULES,
  arrivedOn,
  assignmentDeadline,
  isWorkingDay,
  runningDeadline,
  addDays,
  caseClock,
  dueWithinEnd,
  handlingDeadline,
  type DeadlineRules,
} from '../src/index.ts';
import { ACCEPT, ASSIGN_SELF, REPLY, START, TOWNSHIP, VILLAGE, at, cal, newCase, run } from './fixtures.ts';

const rules = DEFAULT_DEADLINE_RULES;
const workingRules: DeadlineRules = {
  ...rules,
  handling: {
    simple: { days: 0, kind: 'working' },
    general: { days: 7, kind: 'working' },
    major: { days: 30, kind: 'working' },
  },
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

  it('other channels have no assignment limit counted from receipt (theirs starts at acceptance)', () => {
    expect(assignmentDeadline('2026-09-30', 'letter', rules, cal)).toBeNull();
  });
});

describe('caseClock', () => {
  // Assigned Wed Sep 30 as a general matter → due Thu Oct 8.
  const assigned = run(
    newCase(),
    [ACCEPT, { type: 'assign', unitCode: VILLAGE, person: '王会计', complexity: 'general' }],
    undefined,
    '2026-09-30',
  );

  it('fixes the due date at assignment', () => {
    expect(assigned.assignment).toMatchObject({ assignedOn: '2026-09-30', dueOn: '2026-10-08' });
  });

  it('is due soon within 2 working days, overdue after the due day', () => {
    // Sep 30 → Oct 8 is 1 working day away.
    expect(caseClock(assigned, at('2026-09-30'), rules, cal)).toEqual({
      status: 'due_soon',
      stage: 'handle',
      dueOn: '2026-10-08',
      daysLeft: 1,
      daysOverdue: null,
    });
    // On the due day itself: still due soon, 0 days left.
    expect(caseClock(assigned, at('2026-10-08'), rules, cal)).toEqual({
      status: 'due_soon',
      stage: 'handle',
      dueOn: '2026-10-08',
      daysLeft: 0,
      daysOverdue: null,
    });
    // Oct 9: one working day overdue.
    expect(caseClock(assigned, at('2026-10-09'), rules, cal)).toEqual({
      status: 'overdue',
      stage: 'handle',
      dueOn: '2026-10-08',
      daysLeft: -1,
      daysOverdue: 1,
    });
    // 23:59 on Oct 8 Shanghai time (15:59Z) is still the due day.
    expect(caseClock(assigned, new Date('2026-10-08T15:59:00Z'), rules, cal).status).toBe('due_soon');
    expect(caseClock(assigned, new Date('2026-10-08T16:00:00Z'), rules, cal).status).toBe('overdue');
  });

  it('is on time when the due day is further than the threshold', () => {
    // Major matter assigned Sep 10 → due Sat Oct 10 (make-up day); on Sep 28 that is
    // Sep 29, 30, Oct 8, 9, 10 = 5 working days away.
    const major = run(
      newCase({ receivedAt: '2026-09-09T02:00:00Z' }),
      [ACCEPT, { type: 'assign', unitCode: VILLAGE, person: '李', complexity: 'major' }],
      undefined,
      '2026-09-10',
    );
    expect(caseClock(major, at('2026-09-28'), rules, cal)).toEqual({
      status: 'on_time',
      stage: 'handle',
      dueOn: '2026-10-10',
      daysLeft: 5,
      daysOverdue: null,
    });
  });

  it('stops at the reply', () => {
    const onTime = run(assigned, [START, REPLY], undefined, '2026-10-08');
    expect(caseClock(onTime, at('2026-12-01'), rules, cal)).toEqual({
      status: 'closed_on_time',
      stage: 'handle',
      dueOn: '2026-10-08',
      daysLeft: 0,
      daysOverdue: null,
    });
    const late = run(assigned, [START, REPLY], undefined, '2026-10-12');
    // Replied Mon Oct 12; Oct 9 and Oct 10 (make-up) lie between → 3 working days late.
    expect(caseClock(late, at('2026-12-01'), rules, cal)).toEqual({
      status: 'closed_late',
      stage: 'handle',
      dueOn: '2026-10-08',
      daysLeft: -3,
      daysOverdue: null,
    });
  });

  it('runs a reception-day case against the assignment limit until assigned', () => {
    const c = newCase({ channel: 'reception_day', receivedAt: '2026-02-13T02:00:00Z' });
    // Due Tue Feb 24 (see assignmentDeadline). On Feb 20 (holiday) only Feb 24 lies ahead.
    expect(caseClock(c, at('2026-02-20'), rules, cal)).toEqual({
      status: 'due_soon',
      stage: 'assign',
      dueOn: '2026-02-24',
      daysLeft: 1,
      daysOverdue: null,
    });
    expect(caseClock(c, at('2026-02-25'), rules, cal)).toEqual({
      status: 'overdue',
      stage: 'assign',
      dueOn: '2026-02-24',
      daysLeft: -1,
      daysOverdue: 1,
    });
  });

  it('has no deadline once refused', () => {
    const refused = run(newCase({ channel: 'reception_day' }), [{ type: 'refuse', reason: '属诉讼事项' }]);
    expect(caseClock(refused, at('2026-12-01'), rules, cal)).toEqual({
      status: 'no_deadline',
      stage: null,
      dueOn: null,
      daysLeft: null,
      daysOverdue: null,
    });
  });
});

describe('a clock for every open state (issue 13: no case is 无期限 while open)', () => {
  it('registered: decide to accept or refuse within 15 calendar days of receipt, rolled past days off', () => {
    // Letter received Mon Sep 14: Sep 14 + 15 = Tue Sep 29, a working day.
    const letter = newCase({ channel: 'letter', receivedAt: '2026-09-14T02:00:00Z' });
    // On Tue Sep 22: Sep 23, 24, 28, 29 lie ahead (Sep 25–27 中秋) → 4 working days, on time.
    expect(caseClock(letter, at('2026-09-22'), rules, cal)).toEqual({
      status: 'on_time',
      stage: 'accept',
      dueOn: '2026-09-29',
      daysLeft: 4,
      daysOverdue: null,
    });
    // Received Wed Sep 16: + 15 = Thu Oct 1 (National Day) → rolls to Thu Oct 8.
    expect(
      caseClock(newCase({ channel: 'visit', receivedAt: '2026-09-16T02:00:00Z' }), at('2026-09-30'), rules, cal),
    ).toMatchObject({ status: 'due_soon', stage: 'accept', dueOn: '2026-10-08', daysLeft: 1 });
    // Sep 29 is the due day; Fri Oct 9 is 3 working days past it (Sep 30, Oct 8, Oct 9).
    expect(caseClock(letter, at('2026-10-09'), rules, cal)).toEqual({
      status: 'overdue',
      stage: 'accept',
      dueOn: '2026-09-29',
      daysLeft: -3,
      daysOverdue: 3,
    });
  });

  it('accepted: assign within 2 working days of acceptance', () => {
    // Accepted Wed Sep 30: Oct 8 is the 1st working day, Oct 9 the 2nd.
    const accepted = run(
      newCase({ channel: 'phone', receivedAt: '2026-09-21T02:00:00Z' }),
      [ACCEPT],
      undefined,
      '2026-09-30',
    );
    expect(accepted.acceptedOn).toBe('2026-09-30');
    expect(caseClock(accepted, at('2026-09-30'), rules, cal)).toEqual({
      status: 'due_soon',
      stage: 'assign',
      dueOn: '2026-10-09',
      daysLeft: 2,
      daysOverdue: null,
    });
    // Sat Oct 10 is a make-up working day: one working day past.
    expect(caseClock(accepted, at('2026-10-10'), rules, cal)).toMatchObject({ status: 'overdue', daysOverdue: 1 });
    // Sun Oct 11: still one working day past; Mon Oct 12: two.
    expect(caseClock(accepted, at('2026-10-11'), rules, cal)).toMatchObject({ status: 'overdue', daysOverdue: 1 });
    expect(caseClock(accepted, at('2026-10-12'), rules, cal)).toMatchObject({ status: 'overdue', daysOverdue: 2 });
  });

  it('the day after the due day is overdue by at least one working day, even on a day off', () => {
    // Due Thu Sep 24 (general matter assigned Thu Sep 17); Fri Sep 25 is 中秋, a day off.
    const assigned = run(
      newCase({ receivedAt: '2026-09-16T02:00:00Z' }),
      [ACCEPT, ASSIGN_SELF],
      undefined,
      '2026-09-17',
    );
    expect(assigned.assignment?.dueOn).toBe('2026-09-24');
    expect(caseClock(assigned, at('2026-09-25'), rules, cal)).toMatchObject({
      status: 'overdue',
      daysLeft: 0,
      daysOverdue: 1,
    });
    // Wed Sep 30: Sep 27 (Sun, 中秋) is off; Sep 28, 29, 30 are working → 3.
    expect(caseClock(assigned, at('2026-09-30'), rules, cal)).toMatchObject({ status: 'overdue', daysOverdue: 3 });
  });

  it('escalation restarts the acceptance clock at the receiving unit, from the day it arrived', () => {
    // Skip-level visit of 60 people received at the village on Mon Sep 14, escalated to the township on Mon Sep 28.
    const village = run(
      newCase({ channel: 'visit', peopleCount: 60, skipLevel: true, receivedAt: '2026-09-14T02:00:00Z' }),
      [ACCEPT],
      undefined,
      '2026-09-15',
    );
    const escalated = run(
      village,
      [{ type: 'escalate', toUnitCode: TOWNSHIP, toLevel: 'township', reason: '涉及多村' }],
      undefined,
      '2026-09-28',
    );
    expect(escalated).toMatchObject({ status: 'registered', unitCode: TOWNSHIP, acceptedOn: null });
    // Sep 28 + 15 = Tue Oct 13.
    expect(runningDeadline(escalated, rules, cal)).toEqual({ stage: 'accept', dueOn: '2026-10-13' });
    expect(arrivedOn(escalated)).toBe('2026-09-28');
  });

  it('a reception-day intake runs on the 2-working-day assignment limit from receipt while registered or accepted', () => {
    const c = newCase({ channel: 'reception_day', receivedAt: '2026-09-30T02:00:00Z' });
    expect(runningDeadline(c, rules, cal)).toEqual({ stage: 'assign', dueOn: '2026-10-09' });
    expect(runningDeadline(run(c, [ACCEPT], undefined, '2026-10-08'), rules, cal)).toEqual({
      stage: 'assign',
      dueOn: '2026-10-09',
    });
  });
});

describe('running deadline properties', () => {
  const STATUSES_WITH_CLOCK = new Set(['registered', 'accepted', 'assigned', 'in_progress']);
  it('every open case has a clock whose due date is on or after the day the running stage started, and on a working day', () => {
    for (let offset = 0; offset < 120; offset += 3) {
      const receivedOn = addDays('2026-08-01', offset);
      for (const channel of ['letter', 'visit', 'phone', 'online', 'assigned_from_above', 'reception_day'] as const) {
        const base = newCase({ channel, receivedAt: `${receivedOn}T02:00:00Z` });
        const day = addDays(receivedOn, 1);
        const states = [
          base,
          run(base, [ACCEPT], undefined, day),
          run(base, [ACCEPT, ASSIGN_SELF], undefined, day),
          run(base, [ACCEPT, ASSIGN_SELF, START], undefined, day),
        ];
        for (const state of states) {
          expect(STATUSES_WITH_CLOCK.has(state.status)).toBe(true);
          const running = runningDeadline(state, rules, cal);
          expect(running, `${channel} ${state.status} ${receivedOn}`).not.toBeNull();
          expect(running!.dueOn >= receivedOn).toBe(true);
          expect(isWorkingDay(running!.dueOn, cal)).toBe(true);
          // The list's stored date and the badge agree: the clock's due date is the running deadline.
          const clock = caseClock(state, at(addDays(receivedOn, 40)), rules, cal);
          expect(clock.dueOn).toBe(running!.dueOn);
          expect(clock.status === 'overdue').toBe(clock.daysOverdue !== null && clock.daysOverdue >= 1);
        }
      }
    }
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
