import { describe, expect, it } from 'vitest';
import { chinaCalendar2026, supervisionNotice } from '../src/index.ts';

const cal = chinaCalendar2026();

describe('supervisionNotice', () => {
  it('counts calendar days overdue and sets the reply date five working days on, past the holiday', () => {
    // Due Thu Sep 24; issued Wed Sep 30 (Shanghai): 6 days overdue; Oct 1–7 off and Sat Oct 10 is a make-up day, so the 5th working day is Oct 13.
    const result = supervisionNotice({ caseNumber: '130534-2026-000123', dueOn: '2026-09-24', closed: false }, new Date('2026-09-30T02:00:00Z'), cal);
    expect(result).toEqual({
      ok: true,
      notice: { noticeNumber: '督〔2026〕000123-0930号', issuedOn: '2026-09-30', dueOn: '2026-09-24', daysOverdue: 6, replyBy: '2026-10-13' },
    });
  });

  it('refuses a case that is due today, has no deadline, or is closed', () => {
    const now = new Date('2026-09-24T15:59:00Z'); // 23:59 on Sep 24 in Shanghai
    expect(supervisionNotice({ caseNumber: '130534-2026-000001', dueOn: '2026-09-24', closed: false }, now, cal)).toMatchObject({ ok: false, error: { code: 'not_overdue' } });
    expect(supervisionNotice({ caseNumber: '130534-2026-000001', dueOn: null, closed: false }, now, cal)).toMatchObject({ ok: false });
    expect(supervisionNotice({ caseNumber: '130534-2026-000001', dueOn: '2026-09-01', closed: true }, now, cal)).toMatchObject({ ok: false });
  });
});
