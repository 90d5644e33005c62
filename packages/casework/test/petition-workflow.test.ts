import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  registerCase,
  revisitRequired,
  transition,
  type ActionType,
  type CaseState,
  type PetitionAction,
  type PetitionStatus,
} from '../src/index.ts';
import {
  ACCEPT,
  ARCHIVE,
  ASSIGN_SELF,
  COUNTY,
  OTHER_TOWNSHIP,
  OTHER_VILLAGE,
  REPLY,
  REVISIT,
  START,
  TOWNSHIP,
  VILLAGE,
  at,
  auditor,
  cal,
  caseIn,
  countyStaff,
  foreignStaff,
  newCase,
  otherVillageStaff,
  run,
  securityAdmin,
  townshipStaff,
  villageStaff,
} from './fixtures.ts';

const now = at('2026-09-29');

const VALID: Record<ActionType, PetitionAction> = {
  accept: ACCEPT,
  refuse: { type: 'refuse', reason: '已进入诉讼程序' },
  assign: ASSIGN_SELF,
  start: START,
  reply: REPLY,
  revisit: REVISIT,
  archive: ARCHIVE,
  escalate: { type: 'escalate', toUnitCode: TOWNSHIP, toLevel: 'township', reason: '涉及多村，村级无法解决' },
};

/** Every allowed (status, action) pair and the status it leads to; everything else is refused. */
const ALLOWED: Record<PetitionStatus, Partial<Record<ActionType, PetitionStatus>>> = {
  registered: { accept: 'accepted', refuse: 'refused', escalate: 'registered' },
  accepted: { assign: 'assigned', escalate: 'registered' },
  assigned: { start: 'in_progress', assign: 'assigned', escalate: 'registered' },
  in_progress: { reply: 'replied', escalate: 'registered' },
  replied: { revisit: 'revisited', archive: 'archived' },
  revisited: { archive: 'archived' },
  refused: {},
  archived: {},
};

const STATUSES = Object.keys(ALLOWED) as PetitionStatus[];
const ACTIONS = Object.keys(VALID) as ActionType[];

describe('transition table', () => {
  for (const status of STATUSES) {
    for (const type of ACTIONS) {
      const to = ALLOWED[status][type];
      it(`${status} + ${type} → ${to ?? 'not_allowed_in_state'}`, () => {
        const r = transition(caseIn(status), VALID[type], villageStaff, now, cal);
        if (to === undefined) {
          expect(r).toEqual({ ok: false, error: expect.objectContaining({ code: 'not_allowed_in_state' }) });
        } else {
          expect(r.ok).toBe(true);
          if (r.ok) expect(r.next.status).toBe(to);
        }
      });
    }
  }

  it('allowedActions matches the table for a village handling its own simple case', () => {
    for (const status of STATUSES) {
      expect(allowedActions(caseIn(status), villageStaff).sort()).toEqual(Object.keys(ALLOWED[status]).sort());
    }
  });
});

describe('events', () => {
  it('record from, to, type, the action, the instant, the actor and a note', () => {
    const r = transition(caseIn('registered'), VALID.refuse, villageStaff, now, cal);
    expect(r).toEqual({
      ok: true,
      next: expect.objectContaining({ status: 'refused', refusalReason: '已进入诉讼程序' }),
      event: {
        caseId: 'case-1',
        from: 'registered',
        to: 'refused',
        type: 'refuse',
        action: VALID.refuse,
        at: '2026-09-29T02:00:00.000Z',
        actor: villageStaff,
        note: '已进入诉讼程序',
      },
    });
  });

  it('an assignment note names unit, person, complexity and due date', () => {
    const r = transition(caseIn('accepted'), ASSIGN_SELF, villageStaff, now, cal);
    // Tue Sep 29 + 7 calendar days = Tue Oct 6 (National Day) → Thu Oct 8.
    expect(r.ok && r.event.note).toBe(`${VILLAGE} 王会计 一般事项 限 2026-10-08`);
  });
});

describe('refusals for bad payloads', () => {
  const cases: [string, PetitionStatus, PetitionAction, string][] = [
    ['empty refusal reason', 'registered', { type: 'refuse', reason: '  ' }, 'reason_required'],
    ['blank person', 'accepted', { ...ASSIGN_SELF, person: '' }, 'person_required'],
    ['sibling village', 'accepted', { ...ASSIGN_SELF, unitCode: OTHER_VILLAGE }, 'invalid_unit'],
    ['unit above the handling unit', 'accepted', { ...ASSIGN_SELF, unitCode: TOWNSHIP }, 'invalid_unit'],
    ['malformed unit', 'accepted', { ...ASSIGN_SELF, unitCode: '1305' }, 'invalid_unit'],
    ['unknown complexity', 'accepted', { ...ASSIGN_SELF, complexity: 'huge' as never }, 'invalid_value'],
    ['empty reply', 'in_progress', { type: 'reply', method: 'letter', content: '' }, 'content_required'],
    [
      'unknown reply method',
      'in_progress',
      { type: 'reply', method: 'fax' as never, content: '已答复' },
      'invalid_value',
    ],
    ['unknown satisfaction', 'replied', { type: 'revisit', satisfaction: 'meh' as never }, 'invalid_value'],
    [
      'escalate sideways',
      'registered',
      { type: 'escalate', toUnitCode: OTHER_VILLAGE, toLevel: 'village', reason: 'x' },
      'not_upward',
    ],
    [
      'escalate to a foreign township',
      'registered',
      { type: 'escalate', toUnitCode: OTHER_TOWNSHIP, toLevel: 'township', reason: 'x' },
      'not_superior',
    ],
    [
      'escalate with wrong level',
      'registered',
      { type: 'escalate', toUnitCode: COUNTY, toLevel: 'township', reason: 'x' },
      'invalid_unit',
    ],
    [
      'escalate to an unknown level',
      'registered',
      { type: 'escalate', toUnitCode: COUNTY, toLevel: 'city' as never, reason: 'x' },
      'invalid_value',
    ],
    ['escalate without reason', 'accepted', { ...VALID.escalate, reason: '' } as PetitionAction, 'reason_required'],
  ];
  it.each(cases)('%s', (_label, status, action, code) => {
    const r = transition(caseIn(status), action, villageStaff, now, cal);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.error.en.length).toBeGreaterThan(0);
    }
  });
});

describe('who may act', () => {
  it('auditors and security admins never touch case data', () => {
    expect(transition(caseIn('registered'), ACCEPT, auditor, now, cal)).toMatchObject({
      ok: false,
      error: { code: 'role_not_permitted' },
    });
    expect(transition(caseIn('registered'), ACCEPT, securityAdmin, now, cal)).toMatchObject({
      ok: false,
      error: { code: 'role_not_permitted' },
    });
    expect(allowedActions(caseIn('registered'), auditor)).toEqual([]);
  });

  it('a sibling village or another county is outside jurisdiction; superiors are inside', () => {
    expect(transition(caseIn('registered'), ACCEPT, otherVillageStaff, now, cal)).toMatchObject({
      ok: false,
      error: { code: 'outside_jurisdiction' },
    });
    expect(transition(caseIn('registered'), ACCEPT, foreignStaff, now, cal)).toMatchObject({
      ok: false,
      error: { code: 'outside_jurisdiction' },
    });
    expect(allowedActions(caseIn('registered'), otherVillageStaff)).toEqual([]);
    expect(transition(caseIn('registered'), ACCEPT, townshipStaff, now, cal).ok).toBe(true);
    expect(transition(caseIn('registered'), ACCEPT, countyStaff, now, cal).ok).toBe(true);
  });

  it('refuses an action dated before receipt or at an invalid time', () => {
    expect(transition(caseIn('registered'), ACCEPT, villageStaff, at('2026-09-27'), cal)).toMatchObject({
      ok: false,
      error: { code: 'invalid_time' },
    });
    expect(transition(caseIn('registered'), ACCEPT, villageStaff, new Date(Number.NaN), cal)).toMatchObject({
      ok: false,
      error: { code: 'invalid_time' },
    });
  });
});

describe('mandatory revisit before archive', () => {
  const replied = (c: CaseState, actor = villageStaff): CaseState => run(c, [ACCEPT, ASSIGN_SELF, START, REPLY], actor);

  it.each([
    ['a collective petition (5 people)', newCase({ peopleCount: 5 })],
    ['a repeat petition', newCase({ repeat: true })],
    ['a case assigned from above', newCase({ channel: 'assigned_from_above' })],
  ])('%s must be revisited first', (_label, c) => {
    const r1 = replied(c);
    expect(revisitRequired(r1)).toBe(true);
    expect(transition(r1, ARCHIVE, villageStaff, now, cal)).toMatchObject({
      ok: false,
      error: { code: 'revisit_required' },
    });
    expect(allowedActions(r1, villageStaff)).toEqual(['revisit']);
    const archived = run(r1, [REVISIT, ARCHIVE]);
    expect(archived.status).toBe('archived');
  });

  it('4 people, first time, own intake: revisit optional', () => {
    const r1 = replied(newCase({ peopleCount: 4 }));
    expect(revisitRequired(r1)).toBe(false);
    expect(run(r1, [ARCHIVE]).status).toBe('archived');
  });

  it('a downward assignment by the county makes the revisit mandatory', () => {
    const c = newCase({ unitCode: COUNTY });
    const assigned = run(
      c,
      [ACCEPT, { type: 'assign', unitCode: VILLAGE, person: '村主任', complexity: 'simple' }],
      countyStaff,
    );
    expect(assigned.unitCode).toBe(COUNTY); // the county keeps ownership and supervises
    expect(assigned.assignment?.unitCode).toBe(VILLAGE);
    const done = run(assigned, [START, REPLY], villageStaff); // the village does the work
    expect(revisitRequired(done)).toBe(true);
    expect(transition(done, ARCHIVE, countyStaff, now, cal)).toMatchObject({
      ok: false,
      error: { code: 'revisit_required' },
    });
    const revisited = run(done, [REVISIT], villageStaff);
    // Archiving belongs to the owning unit, not the village.
    expect(transition(revisited, ARCHIVE, villageStaff, now, cal)).toMatchObject({
      ok: false,
      error: { code: 'outside_jurisdiction' },
    });
    expect(run(revisited, [ARCHIVE], countyStaff).status).toBe('archived');
  });
});

describe('escalation', () => {
  it('village → township → county moves ownership and restarts at registered', () => {
    const inProgress = caseIn('in_progress');
    const t = transition(inProgress, VALID.escalate, villageStaff, now, cal);
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    expect(t.event).toMatchObject({ from: 'in_progress', to: 'registered', type: 'escalate' });
    expect(t.next).toMatchObject({
      status: 'registered',
      unitCode: TOWNSHIP,
      level: 'township',
      assignment: null,
      startedOn: null,
    });
    expect(t.next.escalations).toEqual([
      {
        fromUnitCode: VILLAGE,
        fromLevel: 'village',
        toUnitCode: TOWNSHIP,
        toLevel: 'township',
        reason: '涉及多村，村级无法解决',
        on: '2026-09-29',
      },
    ]);
    // The village has handed it over: it can no longer accept it.
    expect(transition(t.next, ACCEPT, villageStaff, now, cal)).toMatchObject({
      ok: false,
      error: { code: 'outside_jurisdiction' },
    });
    // The township accepts, then escalates further to the county.
    const atCounty = run(
      t.next,
      [ACCEPT, { type: 'escalate', toUnitCode: COUNTY, toLevel: 'county', reason: '重大复杂' }],
      townshipStaff,
    );
    expect(atCounty).toMatchObject({ status: 'registered', level: 'county', unitCode: COUNTY });
    expect(atCounty.escalations).toHaveLength(2);
    // Nothing above the county.
    expect(allowedActions(atCounty, countyStaff)).toEqual(['accept', 'refuse']);
    expect(
      transition(
        atCounty,
        { type: 'escalate', toUnitCode: COUNTY, toLevel: 'county', reason: 'x' },
        countyStaff,
        now,
        cal,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_upward' },
    });
  });

  it('a village may go straight to the county for a major matter', () => {
    const r = transition(
      caseIn('registered'),
      { type: 'escalate', toUnitCode: COUNTY, toLevel: 'county', reason: '重大' },
      villageStaff,
      now,
      cal,
    );
    expect(r.ok && r.next.level).toBe('county');
  });
});

describe('reassignment and intake', () => {
  it('an assigned case can be reassigned before work starts, with a new deadline', () => {
    const reassigned = run(caseIn('assigned'), [
      { type: 'assign', unitCode: VILLAGE, person: '李书记', complexity: 'simple' },
    ]);
    expect(reassigned.assignment).toEqual({
      unitCode: VILLAGE,
      person: '李书记',
      complexity: 'simple',
      assignedOn: '2026-09-29',
      dueOn: '2026-09-29',
    });
  });

  it('registerCase validates what the desk typed', () => {
    const intakeNow = new Date('2026-06-01T00:00:00Z');
    const base = {
      id: 'x',
      receivedAt: '2026-01-05T01:00:00Z',
      channel: 'letter' as const,
      unitCode: VILLAGE,
      peopleCount: 1,
    };
    expect(registerCase({ ...base, id: ' ' }, intakeNow)).toMatchObject({ ok: false, error: { code: 'id_required' } });
    expect(registerCase({ ...base, receivedAt: 'yesterday' }, intakeNow)).toMatchObject({
      ok: false,
      error: { code: 'invalid_time' },
    });
    expect(registerCase({ ...base, channel: 'pigeon' as never }, intakeNow)).toMatchObject({
      ok: false,
      error: { code: 'invalid_channel' },
    });
    expect(registerCase({ ...base, unitCode: '13053410020' }, intakeNow)).toMatchObject({
      ok: false,
      error: { code: 'invalid_unit' },
    });
    expect(registerCase({ ...base, peopleCount: 0 }, intakeNow)).toMatchObject({
      ok: false,
      error: { code: 'invalid_people_count' },
    });
    // 2026-01-04T16:30Z is 00:30 on Jan 5 in Shanghai.
    const ok = registerCase({ ...base, receivedAt: '2026-01-04T16:30:00Z' }, intakeNow);
    expect(ok).toMatchObject({ ok: true, state: { status: 'registered', receivedOn: '2026-01-05', level: 'village' } });
  });
});
