import { addDays, compareDates, isWorkingDay, type CivilDate } from '@tally/casework';
import type { DemoContext, DemoUnit } from './demo-context.ts';
import { dayInMonth, dayInWeek, lastDay, monthStarts, unitWeekday, weekStarts, workingDays } from './demo-dates.ts';
import type { RoundFindings } from './demo-disputes.ts';
import {
  DUTY_EVENTS,
  HAZARDS,
  INFO_TITLES,
  INVESTIGATION_NOTES_ZERO,
  MEETING_DECISIONS,
  MEETING_TOPICS,
  PUBLICITY_PLACES,
  PUBLICITY_TOPICS,
  investigationNotes,
} from './demo-ledger-texts.ts';
import type { RegisterRows } from './demo-register-rows.ts';

/**
 * The everyday registers of docs/domain.md §2 for every unit: investigation rounds at the cadence
 * of the "三个排查" (village weekly, township every two weeks, county quarterly, plus a
 * key-period round before each holiday), weekly director meetings, a duty log every working
 * day, and the occasional publicity event, information submission and hazard check.
 */
export function addRoutineRegisters(ctx: DemoContext, rows: RegisterRows, findings: RoundFindings): void {
  const holidayEves = holidayEvesOf(ctx);
  const days = workingDays(ctx);
  for (const unit of ctx.units) {
    addRounds(ctx, rows, unit, findings, holidayEves);
    addMeetings(ctx, rows, unit);
    for (const day of days) addDutyLog(ctx, rows, unit, day);
    for (const first of monthStarts(ctx)) addMonthly(ctx, rows, unit, first);
  }
}

/** The working day two days before each holiday period starts: when the key-period round is held. */
export function holidayEvesOf(ctx: DemoContext): CivilDate[] {
  const firstDays = ctx.calendar.holidays.filter((day) => !ctx.calendar.holidays.includes(addDays(day, -1)));
  return firstDays.flatMap((day) => {
    let eve = addDays(day, -2);
    while (!isWorkingDay(eve, ctx.calendar)) eve = addDays(eve, -1);
    return compareDates(eve, ctx.start) >= 0 && compareDates(eve, lastDay(ctx)) <= 0 ? [eve] : [];
  });
}

function addRounds(
  ctx: DemoContext,
  rows: RegisterRows,
  unit: DemoUnit,
  findings: RoundFindings,
  holidayEves: CivilDate[],
): void {
  const { random } = ctx;
  const investigator = () => `${unit.staff.mediator}、${random.pick(unit.staff.clerks)}`;
  const round = (heldOn: CivilDate, scope: string, count: number) =>
    rows.add('investigation_rounds', unit.code, {
      heldOn,
      scope,
      findingsCount: count,
      investigator: investigator(),
      notes: count === 0 ? INVESTIGATION_NOTES_ZERO : investigationNotes(count),
    });
  const weeks = weekStarts(ctx);
  if (unit.level === 'village') {
    for (const monday of weeks) {
      const day = dayInWeek(ctx, monday, unitWeekday(unit.code));
      if (day) round(day, 'routine', findings.get(`${unit.code}|${day}`) ?? 0);
    }
  } else {
    // Township every two weeks, county once a quarter, plus one special-topic round a month at the township.
    const step = unit.level === 'township' ? 2 : 13;
    for (let i = 0; i < weeks.length; i += step) {
      const day = dayInWeek(ctx, weeks[i]!, unitWeekday(unit.code));
      if (day)
        round(
          day,
          'routine',
          random.weighted([
            [0, 40],
            [1, 30],
            [2, 20],
            [3, 10],
          ] as const),
        );
    }
    if (unit.level === 'township') {
      for (const first of monthStarts(ctx)) {
        const day = dayInMonth(ctx, first);
        if (day) round(day, 'special', random.int(0, 2));
      }
    }
  }
  for (const eve of holidayEves)
    round(
      eve,
      'key_period',
      random.weighted([
        [0, 85],
        [1, 15],
      ] as const),
    );
}

function addMeetings(ctx: DemoContext, rows: RegisterRows, unit: DemoUnit): void {
  const { random } = ctx;
  const meeting = (heldOn: CivilDate, kind: string) => {
    const absent = random.chance(0.2) ? [random.pick(unit.staff.clerks)] : [];
    const present = [
      unit.staff.head,
      unit.staff.mediator,
      ...unit.staff.clerks.filter((name) => !absent.includes(name)),
    ];
    rows.add('meetings', unit.code, {
      heldOn,
      kind,
      topic: random.pick(MEETING_TOPICS),
      host: unit.staff.head,
      attendees: present.join('、'),
      absentees: absent.length ? `${absent[0]}（请假）` : null,
      absentCount: absent.length,
      decisions: random.pick(MEETING_DECISIONS),
    });
  };
  for (const monday of weekStarts(ctx)) {
    const day = dayInWeek(ctx, monday, 0);
    if (day) meeting(day, 'director_weekly');
  }
  if (unit.level === 'village') return;
  for (const first of monthStarts(ctx)) {
    const day = dayInMonth(ctx, first);
    if (day) meeting(day, 'member_monthly');
    const joint = dayInMonth(ctx, first);
    if (joint && random.chance(unit.level === 'county' ? 0.6 : 0.25)) meeting(joint, 'joint');
  }
}

function addDutyLog(ctx: DemoContext, rows: RegisterRows, unit: DemoUnit, dutyOn: CivilDate): void {
  const [events, handling] = ctx.random.pick(DUTY_EVENTS);
  rows.add('duty_logs', unit.code, {
    dutyOn,
    leader: unit.staff.head,
    staff: ctx.random.pick(unit.staff.clerks),
    events,
    handling,
  });
}

function addMonthly(ctx: DemoContext, rows: RegisterRows, unit: DemoUnit, first: CivilDate): void {
  const { random } = ctx;
  const village = unit.level === 'village';
  for (let i = random.int(village ? 0 : 1, 2); i > 0; i--) {
    const heldOn = dayInMonth(ctx, first);
    if (!heldOn) continue;
    const form = random.weighted([
      ['broadcast', 25],
      ['leaflets', 30],
      ['lecture', 15],
      ['banner', 15],
      ['online', 12],
      ['other', 3],
    ] as const);
    const audience =
      form === 'broadcast' ? random.int(300, 1500) : form === 'lecture' ? random.int(30, 120) : random.int(40, 400);
    rows.add('publicity_records', unit.code, {
      heldOn,
      form,
      audienceSize: audience,
      topic: random.pick(PUBLICITY_TOPICS),
      place: random.pick(PUBLICITY_PLACES),
    });
  }

  const submissions = village
    ? random.chance(0.45)
      ? 1
      : 0
    : unit.level === 'township'
      ? random.int(2, 4)
      : random.int(3, 5);
  for (let i = 0; i < submissions; i++) {
    const submittedOn = dayInMonth(ctx, first);
    if (!submittedOn) continue;
    // A village's piece is adopted by its township at best; a township's by the county and sometimes the city.
    const adoptedLevel = village
      ? random.weighted([
          ['none', 80],
          ['township', 20],
        ] as const)
      : unit.level === 'township'
        ? random.weighted([
            ['none', 45],
            ['county', 42],
            ['city', 11],
            ['province', 2],
          ] as const)
        : random.weighted([
            ['none', 50],
            ['city', 40],
            ['province', 10],
          ] as const);
    rows.add('info_submissions', unit.code, {
      submittedOn,
      title: `${unit.name}${random.pick(INFO_TITLES)}`,
      adoptedLevel,
      submitter: random.pick(unit.staff.clerks),
    });
  }

  if (!random.chance(village ? 0.8 : 0.6)) return;
  const checkedOn = dayInMonth(ctx, first);
  if (!checkedOn) return;
  const [place, hazard] = random.pick(HAZARDS);
  const rectifyBy = addDays(checkedOn, random.pick([7, 10, 15, 30]));
  const due = compareDates(rectifyBy, lastDay(ctx)) < 0;
  // Past its deadline a hazard is nearly always fixed; a few are still open, which the township must chase.
  const status = due
    ? random.weighted([
        ['rectified', 90],
        ['in_progress', 6],
        ['open', 4],
      ] as const)
    : random.weighted([
        ['open', 45],
        ['in_progress', 40],
        ['rectified', 15],
      ] as const);
  rows.add('hazard_checks', unit.code, {
    checkedOn,
    place: `${unit.name}${place}`,
    hazard,
    rectifyBy,
    rectificationStatus: status,
    responsible: random.pick([unit.staff.head, ...unit.staff.clerks]),
  });
}
