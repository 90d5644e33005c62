import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  ancestorAt,
  replay,
  transition,
  type Actor,
  type CaseState,
  type PetitionAction,
  type TransitionEvent,
  type UnitLevel,
} from '../src/index.ts';
import {
  COUNTY,
  TOWNSHIP,
  VILLAGE,
  auditor,
  cal,
  countyStaff,
  newCase,
  otherVillageStaff,
  townshipStaff,
  villageStaff,
} from './fixtures.ts';

const ACTORS: Actor[] = [villageStaff, townshipStaff, countyStaff];
const UNITS_BELOW: Record<UnitLevel, string[]> = {
  county: [COUNTY, TOWNSHIP, VILLAGE],
  township: [TOWNSHIP, VILLAGE],
  village: [VILLAGE],
};
const LEVELS_ABOVE: Record<UnitLevel, UnitLevel[]> = {
  village: ['township', 'county'],
  township: ['county'],
  county: [],
};

/** One random step: which actor, which of its allowed actions, which payload, how many hours later. */
const step = fc.record({
  actor: fc.nat(),
  action: fc.nat(),
  payload: fc.nat(),
  hours: fc.integer({ min: 0, max: 72 }),
});

const initial = fc.record({
  peopleCount: fc.integer({ min: 1, max: 8 }),
  repeat: fc.boolean(),
  channel: fc.constantFrom(
    'letter',
    'visit',
    'phone',
    'online',
    'assigned_from_above',
    'reception_day',
  ) as fc.Arbitrary<CaseState['channel']>,
  unitCode: fc.constantFrom(VILLAGE, TOWNSHIP, COUNTY),
});

/** A valid payload for `type` on `state`, chosen by `k`. */
function payload(type: string, state: CaseState, k: number): PetitionAction {
  const pick = <T>(xs: readonly T[]): T => xs[k % xs.length]!;
  switch (type) {
    case 'refuse':
      return { type, reason: pick(['不属于信访事项', '已经诉讼']) };
    case 'assign':
      return {
        type,
        unitCode: pick(UNITS_BELOW[state.level]),
        person: pick(['张', '李', '王']),
        complexity: pick(['simple', 'general', 'major'] as const),
      };
    case 'reply':
      return { type, method: pick(['phone', 'letter', 'in_person'] as const), content: '已答复' };
    case 'revisit':
      return { type, satisfaction: pick(['satisfied', 'basically', 'not'] as const) };
    case 'escalate': {
      const toLevel = pick(LEVELS_ABOVE[state.level]);
      return { type, toLevel, toUnitCode: ancestorAt(state.unitCode, toLevel), reason: '提级' };
    }
    default:
      return { type } as PetitionAction;
  }
}

/** Walks a random valid sequence; returns the start, the end and the event log. */
function walk(init: CaseState, steps: { actor: number; action: number; payload: number; hours: number }[]) {
  let state = init;
  let t = Date.parse(init.receivedAt);
  const events: TransitionEvent[] = [];
  for (const s of steps) {
    const actor = ACTORS[s.actor % ACTORS.length]!;
    const options = allowedActions(state, actor);
    if (options.length === 0) continue;
    t += s.hours * 3_600_000;
    const r = transition(
      state,
      payload(options[s.action % options.length]!, state, s.payload),
      actor,
      new Date(t),
      cal,
    );
    if (!r.ok) throw new Error(`allowed action refused: ${r.error.code}`);
    events.push(r.event);
    state = r.next;
  }
  return { state, events };
}

function deepFreeze<T>(o: T): T {
  if (o !== null && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

describe('workflow properties', () => {
  it('every action allowedActions offers succeeds with a valid payload, and the log replays to the same state', () => {
    fc.assert(
      fc.property(initial, fc.array(step, { maxLength: 20 }), (init, steps) => {
        const start = newCase(init);
        const { state, events } = walk(start, steps);
        // Events survive storage as JSON and still replay.
        const stored = JSON.parse(JSON.stringify(events)) as TransitionEvent[];
        const replayed = replay(start, stored, cal);
        expect(replayed).toEqual({ ok: true, state });
        for (let i = 1; i < events.length; i++) expect(events[i]!.from).toBe(events[i - 1]!.to);
      }),
    );
  });

  it('a transition never mutates its input, whatever the action and actor', () => {
    const anyAction = fc.oneof(
      fc.constantFrom<PetitionAction>({ type: 'accept' }, { type: 'start' }, { type: 'archive' }),
      fc.record({ type: fc.constant('refuse' as const), reason: fc.string() }),
      fc.record({
        type: fc.constant('assign' as const),
        unitCode: fc.constantFrom(VILLAGE, TOWNSHIP, COUNTY, 'bad'),
        person: fc.string(),
        complexity: fc.constantFrom('simple', 'general', 'major') as fc.Arbitrary<'simple'>,
      }),
      fc.record({
        type: fc.constant('reply' as const),
        method: fc.constantFrom('phone', 'letter', 'in_person') as fc.Arbitrary<'phone'>,
        content: fc.string(),
      }),
      fc.record({
        type: fc.constant('revisit' as const),
        satisfaction: fc.constantFrom('satisfied', 'basically', 'not') as fc.Arbitrary<'not'>,
      }),
      fc.record({
        type: fc.constant('escalate' as const),
        toUnitCode: fc.constantFrom(VILLAGE, TOWNSHIP, COUNTY),
        toLevel: fc.constantFrom('village', 'township', 'county') as fc.Arbitrary<UnitLevel>,
        reason: fc.string(),
      }),
    );
    const anyActor = fc.constantFrom(villageStaff, townshipStaff, countyStaff, otherVillageStaff, auditor);
    fc.assert(
      fc.property(
        initial,
        fc.array(step, { maxLength: 12 }),
        anyAction,
        anyActor,
        fc.integer({ min: -48, max: 2000 }),
        (init, steps, action, actor, hours) => {
          const { state } = walk(newCase(init), steps);
          const before = structuredClone(state);
          const actionBefore = structuredClone(action);
          deepFreeze(state);
          deepFreeze(action);
          // Frozen inputs: any write would throw in strict-mode module code.
          transition(state, action, actor, new Date(Date.parse(state.receivedAt) + hours * 3_600_000), cal);
          expect(state).toEqual(before);
          expect(action).toEqual(actionBefore);
        },
      ),
    );
  });

  it('replay reports the first event that does not fit', () => {
    const start = newCase();
    const { events } = walk(start, [
      { actor: 0, action: 0, payload: 0, hours: 1 },
      { actor: 0, action: 0, payload: 0, hours: 1 },
    ]);
    expect(events.map((e) => e.type)).toEqual(['accept', 'assign']);
    expect(replay(start, [events[1]!], cal)).toMatchObject({ ok: false, index: 0, error: { code: 'log_mismatch' } });
    const forged = { ...events[1]!, to: 'archived' as const };
    expect(replay(start, [events[0]!, forged], cal)).toMatchObject({
      ok: false,
      index: 1,
      error: { code: 'log_mismatch' },
    });
  });
});
