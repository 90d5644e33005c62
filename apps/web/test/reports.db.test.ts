import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@tally/db';
import { createCaller } from '../app/.server/routers/root.ts';
import { createTestDatabase, ownerRows, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

/*
 * Reports upward through the tRPC caller on a real database: a village files its September
 * 2026 月报 (due Thu 2026-10-08, after 国庆), its township returns it, it files again late,
 * the township accepts it, and the county's matrix shows the cell late.
 */
let database: TestDatabase;
type Caller = ReturnType<typeof createCaller>;
const make = async (login: string, at: Date): Promise<Caller> =>
  createCaller({ db: database.app.db, actor: await actorByLogin(database.owner.db, login), ip: '10.5.5.5', now: at });

const T1 = '130534100000'; // a_zhen01
const V1 = '130534100201'; // a_cun0101, under T1
const V2 = '130534100202'; // a_cun0102, under T1
// Shanghai instants: Oct 8 09:00 (on time), Oct 9 09:00 (after the deadline).
const OCT8 = new Date('2026-10-08T01:00:00Z');
const OCT9 = new Date('2026-10-09T01:00:00Z');
const OCT10 = new Date('2026-10-10T01:00:00Z');
const narrative = { work: '开展矛盾纠纷排查两次', problems: '个别村民调解员培训不足', plans: '十月开展培训' };

async function addMeeting(unitCode: string, heldOn: string, marker: string) {
  const clerk = await actorByLogin(database.owner.db, unitCode === V1 ? 'a_cun0101' : 'a_cun0102');
  await database.owner.db.insert(schema.meetings).values({
    countyId: 1,
    unitCode,
    fingerprint: marker,
    createdBy: clerk.userId,
    heldOn,
    kind: 'joint',
    attendees: '张三、李四',
  });
}

async function codeOf(error: unknown): Promise<string> {
  return (error as { code?: string }).code ?? 'none';
}
async function refusal(
  work: Promise<unknown>,
): Promise<{ code: string; messageKey: string | null; params: Record<string, unknown> }> {
  try {
    await work;
  } catch (error) {
    const e = error as { messageKey?: string; params?: Record<string, unknown> };
    return { code: await codeOf(error), messageKey: e.messageKey ?? null, params: e.params ?? {} };
  }
  throw new Error('not refused');
}

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  await addMeeting(V1, '2026-09-10', 'reports-meeting-1');
});
afterAll(async () => {
  await database?.drop();
});

describe('reports upward: file, return, file again late, accept', () => {
  let reportId = '';
  let draftVersion = 0;

  it('the draft is prefilled from the village’s own ledgers for the period', async () => {
    const village = await make('a_cun0101', OCT8);
    const draft = await village.reports.draft({ kind: 'monthly', periodKey: '2026-09' });
    reportId = draft.id;
    draftVersion = draft.version;
    expect(draft).toMatchObject({ unitCode: V1, parentCode: T1, state: 'draft', periodKey: '2026-09' });
    expect(draft.figures).toMatchObject({ registers: { meetings: 1, disputes: 0 }, cases: { received: 0 } });
    // Getting it again returns the same report.
    expect((await village.reports.draft({ kind: 'monthly', periodKey: '2026-09' })).id).toBe(reportId);
  });

  it('refuses a period not begun, an unknown kind and a period key of another kind', async () => {
    const village = await make('a_cun0101', OCT8);
    expect(await refusal(village.reports.draft({ kind: 'monthly', periodKey: '2026-11' }))).toMatchObject({
      code: 'BAD_REQUEST',
      messageKey: 'reports.error.periodNotStarted',
    });
    expect(await refusal(village.reports.draft({ kind: 'weekly', periodKey: '2026-09' }))).toMatchObject({
      code: 'BAD_REQUEST',
      messageKey: 'reports.error.kind',
    });
    expect(await refusal(village.reports.draft({ kind: 'monthly', periodKey: '2026-Q3' }))).toMatchObject({
      code: 'BAD_REQUEST',
      messageKey: 'reports.error.period',
    });
    // Half-monthly analysis is not one of the county's 2026 obligations.
    expect(await refusal(village.reports.draft({ kind: 'half_monthly', periodKey: '2026-09-H1' }))).toMatchObject({
      messageKey: 'reports.error.noObligation',
    });
  });

  it('a zero report is refused while the ledgers hold records, naming the register', async () => {
    const village = await make('a_cun0101', OCT8);
    const refused = await refusal(village.reports.submitZero({ id: reportId, expectedVersion: draftVersion }));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', messageKey: 'reports.error.zeroWithRecords' });
    expect(String(refused.params.records)).toContain('会议记录');
  });

  it('filing needs the work narrative; a stale form is a conflict', async () => {
    const village = await make('a_cun0101', OCT8);
    expect(await refusal(village.reports.submit({ id: reportId, expectedVersion: draftVersion }))).toMatchObject({
      messageKey: 'reports.error.workRequired',
    });
    const saved = await village.reports.saveDraft({ id: reportId, expectedVersion: draftVersion, narrative });
    expect(saved.version).toBe(draftVersion + 1);
    expect(
      await refusal(village.reports.saveDraft({ id: reportId, expectedVersion: draftVersion, narrative })),
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'reports.error.stale' });
    draftVersion = saved.version;
  });

  it('submit is idempotent: a double click files one version', async () => {
    const village = await make('a_cun0101', OCT8);
    const [first, second] = await Promise.all([
      village.reports.submit({ id: reportId, expectedVersion: draftVersion }),
      village.reports.submit({ id: reportId, expectedVersion: draftVersion }),
    ]);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    expect(first.versionNo).toBe(1);
    expect(second.versionNo).toBe(1);
    const retried = await village.reports.submit({ id: reportId, expectedVersion: draftVersion });
    expect(retried).toMatchObject({ created: false, versionNo: 1 });
    expect(
      await ownerRows(database, 'select count(*)::int as n from report_versions where report_id = $1', reportId),
    ).toEqual([{ n: 1 }]);
    expect(
      await refusal(village.reports.saveDraft({ id: reportId, expectedVersion: retried.report.version, narrative })),
    ).toMatchObject({ messageKey: 'reports.error.notEditable' });
  });

  it('nobody but the village itself, its township and its county sees the report', async () => {
    for (const login of ['a_cun0102', 'a_zhen02', 'b_admin']) {
      const other = await make(login, OCT8);
      expect(await refusal(other.reports.get({ id: reportId })), login).toMatchObject({ code: 'NOT_FOUND' });
    }
    for (const login of ['a_zhen01', 'a_admin', 'a_staff']) {
      const reader = await make(login, OCT8);
      expect((await reader.reports.get({ id: reportId })).report.state, login).toBe('submitted');
    }
    const auditor = await make('a_auditor', OCT8);
    expect(await refusal(auditor.reports.get({ id: reportId }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('only the unit directly above reviews; a return needs a comment', async () => {
    const county = await make('a_admin', OCT8);
    const seen = await county.reports.get({ id: reportId });
    expect(
      await refusal(county.reports.review({ id: reportId, expectedVersion: seen.report.version, outcome: 'accepted' })),
    ).toMatchObject({ code: 'FORBIDDEN', messageKey: 'reports.error.notReviewer' });
    const village = await make('a_cun0101', OCT8);
    expect(
      await refusal(
        village.reports.review({ id: reportId, expectedVersion: seen.report.version, outcome: 'accepted' }),
      ),
    ).toMatchObject({ messageKey: 'reports.error.notReviewer' });
    const township = await make('a_zhen01', OCT8);
    expect(
      await refusal(
        township.reports.review({
          id: reportId,
          expectedVersion: seen.report.version,
          outcome: 'returned',
          comment: '  ',
        }),
      ),
    ).toMatchObject({ messageKey: 'reports.error.commentRequired' });
    const returned = await township.reports.review({
      id: reportId,
      expectedVersion: seen.report.version,
      outcome: 'returned',
      comment: '请补充调解情况',
    });
    expect(returned).toMatchObject({ state: 'returned', everReturned: true });
    const matrix = await township.reports.matrix({ kind: 'monthly', year: 2026 });
    expect(matrix.rows.find((r) => r.unit.code === V1)?.cells.find((c) => c.periodKey === '2026-09')?.state).toBe(
      'returned',
    );
  });

  it('filed again after the deadline, the cell is late; accepted, it stays late', async () => {
    const village = await make('a_cun0101', OCT9);
    const mine = await village.reports.get({ id: reportId });
    expect(mine.mayEdit).toBe(true);
    expect(mine.versions[0]).toMatchObject({ reviewOutcome: 'returned', reviewComment: '请补充调解情况' });
    const saved = await village.reports.saveDraft({
      id: reportId,
      expectedVersion: mine.report.version,
      narrative: { ...narrative, work: `${narrative.work}；补充调解一件` },
    });
    const filed = await village.reports.submit({ id: reportId, expectedVersion: saved.version });
    expect(filed).toMatchObject({ created: true, versionNo: 2 });

    const township = await make('a_zhen01', OCT10);
    const accepted = await township.reports.review({
      id: reportId,
      expectedVersion: filed.report.version,
      outcome: 'accepted',
    });
    expect(accepted.state).toBe('accepted');
    const county = await make('a_admin', OCT10);
    const matrix = await county.reports.matrix({ kind: 'monthly', year: 2026 });
    const cell = matrix.rows.find((r) => r.unit.code === V1)?.cells.find((c) => c.periodKey === '2026-09');
    expect(cell).toMatchObject({ state: 'late', dueOn: '2026-10-08', reportId });
    // The county's matrix holds both levels; the township's only its villages.
    expect(new Set(matrix.rows.map((r) => r.unit.level))).toEqual(new Set(['township', 'village']));
    expect(
      (await township.reports.matrix({ kind: 'monthly', year: 2026 })).rows.every(
        (r) => r.unit.code.startsWith('130534100') && r.unit.level === 'village',
      ),
    ).toBe(true);
    expect(matrix.rows.find((r) => r.unit.code === V1)?.rates).toMatchObject({ actual: 1, onTime: 0, late: 1 });
  });

  it('shows the ledger changes made after filing', async () => {
    await addMeeting(V1, '2026-09-20', 'reports-meeting-2');
    const township = await make('a_zhen01', OCT10);
    const report = await township.reports.get({ id: reportId });
    expect(report.versions).toHaveLength(2);
    expect(report.changedSinceFiled).toEqual([{ path: 'registers.meetings', filed: 1, now: 2 }]);
  });

  it('a village with nothing in its ledgers files a zero report; the township’s draft counts its villages', async () => {
    const village = await make('a_cun0102', OCT8);
    const draft = await village.reports.draft({ kind: 'monthly', periodKey: '2026-09' });
    const filed = await village.reports.submitZero({ id: draft.id, expectedVersion: draft.version });
    expect(filed.report).toMatchObject({ state: 'submitted', zero: true });
    const township = await make('a_zhen01', OCT10);
    const own = await township.reports.draft({ kind: 'monthly', periodKey: '2026-09' });
    expect(own.figures).toMatchObject({ villages: { accepted: 1, late: [{ code: V1 }], missing: [] } });
    const matrix = await township.reports.matrix({ kind: 'monthly', year: 2026 });
    expect(matrix.rows.find((r) => r.unit.code === V2)?.cells.find((c) => c.periodKey === '2026-09')?.state).toBe(
      'zero',
    );
    expect(matrix.own?.cells.find((c) => c.periodKey === '2026-09')?.state).toBe('missing');
  });

  it('audits every filing and review', async () => {
    // (The refused reads of the report by other units are audited too, as probes.)
    const rows = await ownerRows(
      database,
      "select action, object_id from audit_log where action like 'reports.%' and result = 'ok' order by action",
    );
    expect(rows.map((r) => r.action)).toEqual([
      'reports.review',
      'reports.review',
      'reports.submit',
      'reports.submit',
      'reports.submitZero',
    ]);
    expect(rows.every((r) => r.object_id === V1 || r.object_id === V2)).toBe(true);
  });
});
