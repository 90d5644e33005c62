/** Shared units, actors and case builders for the workflow tests. */
import {
  chinaCalendar2026,
  registerCase,
  transition,
  type Actor,
  type CaseState,
  type PetitionAction,
} from '../src/index.ts';

export const cal = chinaCalendar2026();

// One county (130534), two townships, a village in each, and a foreign county.
export const COUNTY = '130534000000';
export const TOWNSHIP = '130534100000';
export const VILLAGE = '130534100201';
export const OTHER_TOWNSHIP = '130534101000';
export const OTHER_VILLAGE = '130534101201';
export const FOREIGN_COUNTY = '130535000000';

export const countyStaff: Actor = { userId: 'c1', unitCode: COUNTY, role: 'county_staff' };
export const townshipStaff: Actor = { userId: 't1', unitCode: TOWNSHIP, role: 'township_staff' };
export const villageStaff: Actor = { userId: 'v1', unitCode: VILLAGE, role: 'village_staff' };
export const otherVillageStaff: Actor = { userId: 'v2', unitCode: OTHER_VILLAGE, role: 'village_staff' };
export const foreignStaff: Actor = { userId: 'f1', unitCode: FOREIGN_COUNTY, role: 'county_admin' };
export const auditor: Actor = { userId: 'a1', unitCode: COUNTY, role: 'auditor' };
export const securityAdmin: Actor = { userId: 's1', unitCode: COUNTY, role: 'security_admin' };

/** 10:00 Shanghai on the given civil date. */
export const at = (date: string): Date => new Date(`${date}T02:00:00Z`);

export function newCase(overrides: Partial<Parameters<typeof registerCase>[0]> = {}): CaseState {
  const r = registerCase(
    {
      id: 'case-1',
      receivedAt: '2026-09-28T01:00:00Z',
      channel: 'visit',
      unitCode: VILLAGE,
      peopleCount: 1,
      ...overrides,
    },
    new Date('2026-12-01T00:00:00Z'),
  );
  if (!r.ok) throw new Error(r.error.en);
  return r.state;
}

/** Applies actions in order as `actor` on `date`, failing the test on any refusal. */
export function run(
  state: CaseState,
  actions: PetitionAction[],
  actor: Actor = villageStaff,
  date = '2026-09-29',
): CaseState {
  let s = state;
  for (const a of actions) {
    const r = transition(s, a, actor, at(date), cal);
    if (!r.ok) throw new Error(`${a.type}: ${r.error.code}`);
    s = r.next;
  }
  return s;
}

type Of<T extends PetitionAction['type']> = Extract<PetitionAction, { type: T }>;

export const ACCEPT: PetitionAction = { type: 'accept' };
export const ASSIGN_SELF: Of<'assign'> = { type: 'assign', unitCode: VILLAGE, person: '王会计', complexity: 'general' };
export const START: PetitionAction = { type: 'start' };
export const REPLY: Of<'reply'> = { type: 'reply', method: 'phone', content: '已协调解决' };
export const REVISIT: PetitionAction = { type: 'revisit', satisfaction: 'satisfied' };
export const ARCHIVE: PetitionAction = { type: 'archive' };

/** A case walked to each status along the main path (village handles its own case). */
export function caseIn(status: CaseState['status'], base: CaseState = newCase()): CaseState {
  const path: Record<CaseState['status'], PetitionAction[]> = {
    registered: [],
    accepted: [ACCEPT],
    refused: [{ type: 'refuse', reason: '不属于信访事项' }],
    assigned: [ACCEPT, ASSIGN_SELF],
    in_progress: [ACCEPT, ASSIGN_SELF, START],
    replied: [ACCEPT, ASSIGN_SELF, START, REPLY],
    revisited: [ACCEPT, ASSIGN_SELF, START, REPLY, REVISIT],
    archived: [ACCEPT, ASSIGN_SELF, START, REPLY, REVISIT, ARCHIVE],
  };
  return run(base, path[status]);
}
