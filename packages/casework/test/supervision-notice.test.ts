import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DEADLINE_RULES,
  caseClock,
  chinaCalendar2026,
  responsibleUnitOf,
  supervisingUnitOf,
  supervisionNotice,
} from '../src/index.ts';
import {
  ACCEPT,
  ASSIGN_SELF,
  COUNTY,
  REPLY,
  START,
  TOWNSHIP,
  VILLAGE,
  at,
  newCase,
  run,
  townshipStaff,
  countyStaff,
} from './fixtures.ts';

const cal = chinaCalendar2026();
const rules = DEFAULT_DEADLINE_RULES;

describe('supervisionNotice', () => {
  // General matter assigned Thu Sep 17 → due Thu Sep 24.
  const assigned = run(newCase({ receivedAt: '2026-09-16T02:00:00Z' }), [ACCEPT, ASSIGN_SELF], undefined, '2026-09-17');

  it('states the working days overdue the case list states, and sets the reply date five working days on, past the holiday', () => {
    // Issued Wed Sep 30: Sep 25–27 are 中秋, so Sep 28, 29, 30 are the 3 working days overdue
    // (6 calendar days, the figure the notice used to print). Oct 1–7 off, Sat Oct 10 a make-up day: reply by Oct 13.
    const now = at('2026-09-30');
    const clock = caseClock(assigned, now, rules, cal);
    const result = supervisionNotice({ caseNumber: '130534-2026-000123', clock }, now, cal);
    expect(result).toEqual({
      ok: true,
      notice: {
        noticeNumber: '督〔2026〕000123-0930号',
        issuedOn: '2026-09-30',
        dueOn: '2026-09-24',
        stage: 'handle',
        daysOverdue: 3,
        replyBy: '2026-10-13',
      },
    });
    expect(result.ok && result.notice.daysOverdue).toBe(clock.daysOverdue);
  });

  it('covers a missed acceptance decision too', () => {
    const letter = newCase({ channel: 'letter', receivedAt: '2026-09-14T02:00:00Z' }); // decide by Sep 29
    const now = at('2026-10-09');
    expect(
      supervisionNotice({ caseNumber: '130534-2026-000124', clock: caseClock(letter, now, rules, cal) }, now, cal),
    ).toMatchObject({ ok: true, notice: { stage: 'accept', dueOn: '2026-09-29', daysOverdue: 3 } });
  });

  it('refuses a case that is due today, has no deadline, or is closed', () => {
    const dueDay = new Date('2026-09-24T15:59:00Z'); // 23:59 on Sep 24 in Shanghai
    expect(
      supervisionNotice(
        { caseNumber: '130534-2026-000001', clock: caseClock(assigned, dueDay, rules, cal) },
        dueDay,
        cal,
      ),
    ).toMatchObject({ ok: false, error: { code: 'not_overdue' } });
    const refused = run(newCase(), [{ type: 'refuse', reason: '不属于信访事项' }]);
    expect(
      supervisionNotice(
        { caseNumber: '130534-2026-000001', clock: caseClock(refused, dueDay, rules, cal) },
        dueDay,
        cal,
      ),
    ).toMatchObject({ ok: false });
    const replied = run(assigned, [START, REPLY], undefined, '2026-09-30');
    const later = at('2026-11-30');
    expect(
      supervisionNotice({ caseNumber: '130534-2026-000001', clock: caseClock(replied, later, rules, cal) }, later, cal),
    ).toMatchObject({ ok: false });
  });
});

describe('supervisingUnitOf: the notice never goes from a unit to itself', () => {
  it('is the unit above the responsible unit, or the county supervising office for the county', () => {
    expect(supervisingUnitOf(VILLAGE)).toEqual({ kind: 'unit', unitCode: TOWNSHIP });
    expect(supervisingUnitOf(TOWNSHIP)).toEqual({ kind: 'unit', unitCode: COUNTY });
    expect(supervisingUnitOf(COUNTY)).toEqual({ kind: 'county_office', countyUnitCode: COUNTY });
  });

  it('follows a downward assignment: a county case assigned to a township is supervised by the county', () => {
    const atCounty = newCase({ unitCode: COUNTY });
    const assignedDown = run(
      atCounty,
      [ACCEPT, { type: 'assign', unitCode: TOWNSHIP, person: '张镇长', complexity: 'major' }],
      countyStaff,
    );
    expect(responsibleUnitOf(assignedDown)).toBe(TOWNSHIP);
    expect(supervisingUnitOf(responsibleUnitOf(assignedDown))).toEqual({ kind: 'unit', unitCode: COUNTY });
    // The county handling its own case: its supervising office.
    const own = run(
      atCounty,
      [ACCEPT, { type: 'assign', unitCode: COUNTY, person: '李主任', complexity: 'general' }],
      countyStaff,
    );
    expect(supervisingUnitOf(responsibleUnitOf(own))).toEqual({ kind: 'county_office', countyUnitCode: COUNTY });
    // A township's own registered case (acceptance clock): the county.
    expect(supervisingUnitOf(responsibleUnitOf(run(newCase({ unitCode: TOWNSHIP }), [], townshipStaff)))).toEqual({
      kind: 'unit',
      unitCode: COUNTY,
    });
  });
});
