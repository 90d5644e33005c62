import { sql } from 'drizzle-orm';
import {
  addDays,
  ancestorAt,
  compareDates,
  formatCaseNumber,
  isWorkingDay,
  registerCase,
  revisitRequired,
  shanghaiDate,
  transition,
  type CaseCategory,
  type Channel,
  type CivilDate,
  type Complexity,
  type PetitionAction,
  type PetitionStatus,
} from '@tally/casework';
import { type Transaction, projectionOf } from '@tally/db';
import { caseTransitions, petitionCases } from '@tally/db/schema';
import type { DemoContext, DemoUnit, DemoUser } from './demo-context.ts';
import {
  CASE_SUMMARIES,
  CATEGORY_WEIGHTS,
  ESCALATION_REASONS,
  LEAD_LEADER_TITLES,
  REFUSAL_REASONS,
  REPLY_CONTENTS,
  SUPERVISING_UNITS,
} from './demo-case-texts.ts';
import { at, lastDay } from './demo-dates.ts';
import { person, personName, villageAddress, type DemoPerson } from './demo-people.ts';

export const DEMO_CASE_COUNT = 150;

type CaseRow = typeof petitionCases.$inferInsert;
type TransitionRow = typeof caseTransitions.$inferInsert;

export interface BuiltCase {
  row: CaseRow;
  transitions: TransitionRow[];
  petitioner: DemoPerson & { address: string };
  category: CaseCategory;
}

/**
 * About 150 petition cases over the demo's six months, each one driven through the pure
 * workflow (registerCase, then transition at past instants by the user who would act), so
 * `state`, the projection columns and case_transitions are exactly what the API writes.
 * Older cases are mostly archived; recent ones are spread over the open states; cases whose
 * handling limit passed without a reply are overdue at `now`.
 */
export async function insertDemoCases(tx: Transaction, ctx: DemoContext): Promise<number> {
  const built = buildDemoCases(ctx, DEMO_CASE_COUNT);
  await insertBuiltCases(tx, ctx, built);
  return built.length;
}

/** `count` cases received between the history's start and today, in receipt order, 六定 marked on the hard open ones. */
export function buildDemoCases(ctx: DemoContext, count: number): BuiltCase[] {
  const { random } = ctx;
  const days = dayCount(ctx.start, lastDay(ctx));
  const received = Array.from({ length: count }, () =>
    at(addDays(ctx.start, random.int(0, days)), random.int(8, 16), random.int(0, 59)),
  ).sort((a, b) => a.getTime() - b.getTime());
  const built: BuiltCase[] = [];
  const visibleByUnit = new RepeatCandidates();
  for (const receivedAt of received) {
    const item = buildCase(ctx, receivedAt, visibleByUnit);
    built.push(item);
    visibleByUnit.add(item);
  }
  markResponsibility(ctx, built);
  return built;
}

/**
 * Numbers per year in receipt order, gap-free as the intake procedure's counter gives them, then
 * the cases and their transitions in a few multi-row statements and the counters set once: a
 * fresh county only (the numbers start at 1).
 */
export async function insertBuiltCases(tx: Transaction, ctx: DemoContext, built: BuiltCase[]): Promise<void> {
  const lastNumber = new Map<number, number>();
  for (const item of built) {
    const year = Number(shanghaiDate(item.row.receivedAt as Date).slice(0, 4));
    const sequence = (lastNumber.get(year) ?? 0) + 1;
    lastNumber.set(year, sequence);
    item.row.caseNumber = formatCaseNumber({ countyCode: ctx.countyCode, year, sequence });
  }
  for (let i = 0; i < built.length; i += 1000)
    await tx.insert(petitionCases).values(built.slice(i, i + 1000).map((item) => item.row));
  const transitions = built.flatMap((item) => item.transitions);
  for (let i = 0; i < transitions.length; i += 1000)
    await tx.insert(caseTransitions).values(transitions.slice(i, i + 1000));
  for (const [year, last] of lastNumber) {
    await tx.execute(
      sql`insert into case_counters (county_id, year, last_number) values (${ctx.countyId}, ${year}, ${last})`,
    );
  }
}

/**
 * The earlier cases a repeat petition may point back to, per scope prefix (county, township,
 * village), so each new case looks up its candidates instead of filtering every earlier case:
 * the same candidates in the same order as that filter, which keeps the demo's random draws.
 */
class RepeatCandidates {
  private readonly byScope = new Map<string, BuiltCase[]>();

  add(item: BuiltCase): void {
    if (item.row.status === 'refused') return;
    const codes = new Set([item.row.unitCode!, item.row.registeredUnitCode]);
    const scopes = new Set([...codes].flatMap((code) => [code.slice(0, 6), code.slice(0, 9), code]));
    for (const scope of scopes) {
      const list = this.byScope.get(scope) ?? [];
      list.push(item);
      this.byScope.set(scope, list);
    }
  }

  visibleTo(scope: string): BuiltCase[] {
    return this.byScope.get(scope) ?? [];
  }
}

function dayCount(from: CivilDate, to: CivilDate): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** Which status a case of this age has reached: old ones are mostly closed, new ones still moving. */
function targetFor(ctx: DemoContext, receivedAt: Date): PetitionStatus {
  const age = dayCount(shanghaiDate(receivedAt), ctx.today);
  const { random } = ctx;
  if (random.chance(0.06)) return 'refused';
  // Only the bench's three-year history has cases this old: nearly all of them are closed.
  if (age > 365)
    return random.weighted([
      ['archived', 90],
      ['revisited', 8],
      ['replied', 2],
    ] as const);
  if (age > 60)
    return random.weighted([
      ['archived', 66],
      ['revisited', 18],
      ['replied', 7],
      ['in_progress', 6],
      ['assigned', 3],
    ] as const);
  if (age > 20)
    return random.weighted([
      ['archived', 30],
      ['revisited', 22],
      ['replied', 20],
      ['in_progress', 16],
      ['assigned', 8],
      ['accepted', 4],
    ] as const);
  return random.weighted([
    ['registered', 14],
    ['accepted', 14],
    ['assigned', 24],
    ['in_progress', 24],
    ['replied', 16],
    ['revisited', 8],
  ] as const);
}

function buildCase(ctx: DemoContext, receivedAt: Date, earlier: RepeatCandidates): BuiltCase {
  const { random } = ctx;
  const county = ctx.units.find((unit) => unit.level === 'county')!;
  const townships = ctx.units.filter((unit) => unit.level === 'township');
  // Village intake only where a village clerk signs in: the register procedure takes the actor's own unit.
  const clerkVillages = ctx.units.filter(
    (unit) => unit.level === 'village' && ctx.keeperOf(unit.code).unitCode === unit.code,
  );
  const level = random.weighted([
    ['county', 30],
    ['township', 45],
    ['village', 25],
  ] as const);
  const unit = level === 'county' ? county : level === 'township' ? random.pick(townships) : random.pick(clerkVillages);
  const home =
    unit.level === 'village'
      ? unit
      : random.pick(
          ctx.units.filter((u) => u.level === 'village' && (unit.level === 'county' || u.township?.code === unit.code)),
        );

  const channel: Channel =
    unit.level === 'village'
      ? random.weighted([
          ['visit', 70],
          ['phone', 30],
        ] as const)
      : random.weighted([
          ['visit', 35],
          ['letter', 15],
          ['online', 15],
          ['phone', 12],
          ['reception_day', 15],
          ['assigned_from_above', 8],
        ] as const);
  const collective = random.chance(0.08);
  const peopleCount = collective ? random.int(5, 30) : random.chance(0.1) ? random.int(2, 4) : 1;
  const personTimes = collective ? peopleCount * random.int(1, 2) : peopleCount;
  // A repeat petition reuses an earlier case of the same person, visible to the unit that registers it now.
  const visible = earlier.visibleTo(scopeOf(unit));
  const repeatOf = visible.length && random.chance(0.12) ? random.pick(visible) : null;
  const skipLevel = unit.level === 'county' && !repeatOf && random.chance(0.15);
  const category = repeatOf?.category ?? random.weighted(CATEGORY_WEIGHTS);
  const petitioner = repeatOf?.petitioner ?? {
    ...person(random, ctx.countyCode, ctx.today),
    address: villageAddress(random, ctx.countyName, home.township!.name, home.name),
  };
  const summary = `${random.pick(CASE_SUMMARIES[category])(home.name)}${collective ? `（${peopleCount}人联名）` : ''}${repeatOf ? '此前已反映过，认为处理不到位，再次反映。' : ''}`;

  const id = random.uuid();
  const registrar = ctx.keeperOf(unit.code);
  // Written up a few minutes after it arrived: intake refuses a receipt later than its registration.
  const registeredAt = new Date(receivedAt.getTime() + random.int(5, 60) * 60_000);
  const registered = registerCase(
    {
      id,
      receivedAt: receivedAt.toISOString(),
      channel,
      unitCode: unit.code,
      peopleCount,
      personTimes,
      repeat: Boolean(repeatOf),
      skipLevel,
    },
    registeredAt,
  );
  if (!registered.ok) throw new Error(`demo case refused at intake: ${registered.error.en}`);
  const transitions: TransitionRow[] = [
    {
      countyId: ctx.countyId,
      caseId: id,
      unitCode: unit.code,
      registeredUnitCode: unit.code,
      assignedUnitCode: null,
      action: 'register',
      fromStatus: null,
      toStatus: 'registered',
      actorUserId: registrar.id,
      actorName: registrar.loginName,
      at: registeredAt,
      note: null,
      detail: null,
    },
  ];

  let state = registered.state;
  let clock = registeredAt;
  let closedAt: Date | null = null;
  let version = 0;
  const target = targetFor(ctx, receivedAt);
  /** Applies one step at `when` unless that lies after now; false stops the story there. */
  const step = (action: PetitionAction, when: Date): boolean => {
    if (when.getTime() > ctx.now.getTime()) return false;
    const actingUnit =
      ['start', 'reply', 'revisit'].includes(action.type) && state.assignment
        ? state.assignment.unitCode
        : state.unitCode;
    const actor: DemoUser = ctx.keeperOf(actingUnit);
    const result = transition(
      state,
      action,
      { userId: actor.id, unitCode: actor.unitCode, role: actor.role },
      when,
      ctx.calendar,
    );
    if (!result.ok) throw new Error(`demo case ${action.type} refused: ${result.error.en}`);
    state = result.next;
    const projection = projectionOf(state, closedAt, when, ctx.calendar);
    closedAt = projection.closedAt;
    clock = when;
    version += 1;
    transitions.push({
      countyId: ctx.countyId,
      caseId: id,
      unitCode: projection.unitCode,
      registeredUnitCode: unit.code,
      assignedUnitCode: projection.assignedUnitCode,
      action: result.event.type,
      fromStatus: result.event.from,
      toStatus: result.event.to,
      actorUserId: actor.id,
      actorName: actor.loginName,
      at: when,
      note: result.event.note,
      detail: { action: result.event.action },
    });
    return true;
  };
  const reached = (status: PetitionStatus) => state.status === status && status === target;

  // biome-ignore lint/suspicious/noConfusingLabels: the story stops (break story) at the state the case should end in.
  story: {
    // Small matters stay in the village, big ones go up: a few cases are escalated before acceptance.
    if (target !== 'refused' && unit.level !== 'county' && random.chance(unit.level === 'village' ? 0.3 : 0.1)) {
      const toLevel = unit.level === 'village' ? 'township' : 'county';
      if (
        !step(
          {
            type: 'escalate',
            toUnitCode: ancestorAt(unit.code, toLevel),
            toLevel,
            reason: random.pick(ESCALATION_REASONS[toLevel]),
          },
          later(ctx, clock, 0, 1),
        )
      )
        break story;
    }
    if (target === 'registered') break story;
    if (target === 'refused') {
      step({ type: 'refuse', reason: random.pick(REFUSAL_REASONS) }, later(ctx, clock, 0, 2));
      break story;
    }
    if (!step({ type: 'accept' }, later(ctx, clock, 0, 1)) || reached('accepted')) break story;
    const handler = ctx.units.find((u) => u.code === state.unitCode)!;
    const responsible = responsibleUnit(ctx, handler, home);
    const complexity: Complexity = random.weighted([
      ['simple', 25],
      ['general', 55],
      ['major', 20],
    ] as const);
    const person =
      responsible.code === handler.code
        ? random.pick([handler.staff.mediator, ...handler.staff.clerks])
        : responsible.staff.head;
    if (
      !step(
        { type: 'assign', unitCode: responsible.code, person, complexity },
        later(ctx, clock, 0, channel === 'reception_day' ? 2 : 3),
      ) ||
      reached('assigned')
    )
      break story;
    if (!step({ type: 'start' }, later(ctx, clock, 0, 1)) || reached('in_progress')) break story;
    // Nine in ten replies come within the limit; the rest are late, which the on-time rate shows.
    const dueOn = state.assignment!.dueOn;
    const late = random.chance(0.1);
    const replyDay = late
      ? addDays(dueOn, random.int(1, 6))
      : addDays(shanghaiDate(clock), random.int(0, Math.max(0, dayCount(shanghaiDate(clock), dueOn))));
    const replyAt = laterOn(ctx, clock, replyDay);
    if (
      !step(
        {
          type: 'reply',
          method: random.weighted([
            ['phone', 40],
            ['letter', 25],
            ['in_person', 35],
          ] as const),
          content: random.pick(REPLY_CONTENTS),
        },
        replyAt,
      ) ||
      reached('replied')
    )
      break story;
    const mustRevisit = revisitRequired(state);
    if (mustRevisit || target === 'revisited' || random.chance(0.5)) {
      const satisfaction = random.weighted([
        ['satisfied', 82],
        ['basically', 13],
        ['not', 5],
      ] as const);
      if (!step({ type: 'revisit', satisfaction }, later(ctx, clock, 3, 15)) || reached('revisited')) break story;
    }
    step({ type: 'archive' }, later(ctx, clock, 1, 10));
  }

  const row: CaseRow = {
    countyId: ctx.countyId,
    id,
    caseNumber: '',
    registeredUnitCode: unit.code,
    receivedAt,
    channel,
    peopleCount,
    personTimes,
    skipLevel,
    repeatPetition: Boolean(repeatOf),
    duplicateOf: repeatOf ? repeatOf.row.id! : null,
    category,
    summary,
    petitionerName: petitioner.name,
    petitionerIdNumber: random.chance(0.85) ? petitioner.idNumber : null,
    petitionerPhone: petitioner.phone,
    petitionerAddress: petitioner.address,
    createdBy: registrar.id,
    createdAt: registeredAt,
    version,
    ...projectionOf(state, closedAt, clock, ctx.calendar),
  };
  return { row, transitions, petitioner, category };
}

function scopeOf(unit: DemoUnit): string {
  return unit.level === 'county'
    ? unit.code.slice(0, 6)
    : unit.level === 'township'
      ? unit.code.slice(0, 9)
      : unit.code;
}

/** The county hands most cases down to the township concerned; a township sometimes to the village; a village keeps its own. */
function responsibleUnit(ctx: DemoContext, handler: DemoUnit, home: DemoUnit): DemoUnit {
  if (handler.level === 'county' && ctx.random.chance(0.7))
    return ctx.units.find((u) => u.code === home.township!.code)!;
  if (handler.level === 'township' && home.township?.code === handler.code && ctx.random.chance(0.35)) return home;
  return handler;
}

/** A moment in office hours `min`..`max` days after `from` (on a working day), never before it. */
function later(ctx: DemoContext, from: Date, min: number, max: number): Date {
  return laterOn(ctx, from, addDays(shanghaiDate(from), ctx.random.int(min, max)));
}

function laterOn(ctx: DemoContext, from: Date, day: CivilDate): Date {
  let d = day;
  while (!isWorkingDay(d, ctx.calendar)) d = addDays(d, 1);
  const candidate = at(d, ctx.random.int(9, 16), ctx.random.int(0, 59));
  // Same day as the previous step: a little later that day.
  return candidate.getTime() > from.getTime() ? candidate : new Date(from.getTime() + ctx.random.int(20, 120) * 60_000);
}

/**
 * 六定 for the hard cases still open, and flagged supervision (挂牌督办) for the worst of
 * them: as the setResponsibility procedure would, it bumps the version but adds no transition.
 */
function markResponsibility(ctx: DemoContext, built: BuiltCase[]): void {
  const { random } = ctx;
  const open = built.filter((item) => item.row.status === 'assigned' || item.row.status === 'in_progress');
  const hard = open.filter(
    (item) =>
      item.row.complexity === 'major' ||
      (item.row.dueOn && compareDates(item.row.dueOn, ctx.today) < 0) ||
      item.row.peopleCount! >= 5,
  );
  const chosen = random.sample(hard.length >= 8 ? hard : open, 12);
  chosen.forEach((item, index) => {
    const handler = ctx.units.find((u) => u.code === item.row.unitCode)!;
    const responsible = ctx.units.find((u) => u.code === (item.row.assignedUnitCode ?? item.row.unitCode))!;
    const titles = handler.level === 'county' ? LEAD_LEADER_TITLES.county : LEAD_LEADER_TITLES.township;
    const changedAt = new Date(
      Math.min(ctx.now.getTime(), (item.row.updatedAt as Date).getTime() + random.int(1, 48) * 3_600_000),
    );
    Object.assign(item.row, {
      leadLeader: `${personName(random)}（${random.pick(titles)}）`,
      responsibleUnit: responsible.level === 'county' ? `${responsible.name}信访局` : `${responsible.name}综治中心`,
      responsiblePerson: item.row.assignedPerson ?? responsible.staff.head,
      supervisingUnit: random.pick(SUPERVISING_UNITS),
      supervisor: personName(random),
      responsibilityDeadline: item.row.dueOn ?? addDays(ctx.today, 15),
      // The first half are flagged: 挂牌督办 is reserved for the hardest few.
      flagged: index < 6,
      version: (item.row.version ?? 0) + 1,
      updatedAt: changedAt,
    });
  });
}
