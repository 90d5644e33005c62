import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter, createCaller } from '../app/.server/routers/root.ts';
import { createTestDatabase, importFixture, ownerRows, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';
import { commitAndWait } from '../../../tests/setup/import-commit.ts';

/*
 * A ledger row's fingerprint is an unsalted hash of its values (duplicate detection). For
 * a row of known shape, a reader could brute-force the ID number inside it, so no read
 * procedure hands one out: not as a key, not as a value under another name.
 */
let database: TestDatabase;
type Caller = ReturnType<typeof createCaller>;
const now = new Date('2026-06-10T02:00:00Z');
const make = async (login: string): Promise<Caller> =>
  createCaller({ db: database.app.db, actor: await actorByLogin(database.owner.db, login), ip: '10.5.5.5', now });

/** A procedure's kind (query or mutation), read off its definition at run time. */
function procedureType(procedure: unknown): unknown {
  if (!procedure || typeof procedure !== 'object' || !('_def' in procedure)) return undefined;
  const def = procedure._def;
  return def && typeof def === 'object' && 'type' in def ? def.type : undefined;
}

/** Every key of a value, however deep. */
function keysOf(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) keysOf(item, into);
  else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, inner] of Object.entries(value)) {
      into.push(key);
      keysOf(inner, into);
    }
  }
  return into;
}

let ids: { dispute: string; file: string; caseId: string; batch: string };
let fingerprints: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  const village = await make('a_cun0101');
  const { id: dispute } = await village.registers.create({
    register: 'disputes',
    values: {
      foundOn: '2026-06-01',
      disputeType: '邻里',
      parties: '张三、李四',
      partyIdNumber: '11010519491231002X',
      severity: '轻微',
      summary: '宅基地',
    },
  });
  const { id: file } = await village.registers.create({
    register: 'mediation_files',
    values: {
      signedOn: '2026-06-02',
      agreementNumber: '调字第1号',
      parties: '申请人：张三',
      partyIdNumber: '11010519491231002X',
      facts: '事实',
      disputedMatters: '争议',
      responsibilities: '责任',
      rightsAndObligations: '协议',
      performance: '履行',
      mediator: '王调解',
      committee: '调委会',
    },
  });
  // A petition ledger imported and committed, then the same file previewed again: its rows are "already recorded".
  const first = await village.imports.preview({
    register: 'petitions',
    fileName: '信访登记.csv',
    bytes: importFixture('petitions.gb18030.csv'),
  });
  await commitAndWait(village, { id: first.id, acceptErrors: true });
  const { id: batch } = await village.imports.preview({
    register: 'petitions',
    fileName: '信访登记.csv',
    bytes: importFixture('petitions.gb18030.csv'),
  });
  const [imported] = await ownerRows(
    database,
    `select id from petition_cases where import_fingerprint is not null order by case_number limit 1`,
  );
  ids = { dispute, file, caseId: String(imported!.id), batch };
  const stored = await ownerRows(
    database,
    `select fingerprint from disputes union all select fingerprint from mediation_files
    union all select import_fingerprint from petition_cases where import_fingerprint is not null union all select fingerprint from import_rows where fingerprint is not null`,
  );
  fingerprints = stored.map((row) => String(row.fingerprint));
});
afterAll(async () => {
  await database?.drop();
});

/** Each read procedure of the case-data routers, as a unit above the village calls it. */
const reads: Record<string, (caller: Caller) => Promise<unknown>> = {
  'registers.overview': (c) => c.registers.overview({}),
  'registers.list': async (c) => [
    await c.registers.list({ register: 'disputes' }),
    await c.registers.list({ register: 'mediation_files' }),
  ],
  'registers.get': async (c) => [
    await c.registers.get({ register: 'disputes', id: ids.dispute }),
    await c.registers.get({ register: 'mediation_files', id: ids.file }),
  ],
  'registers.exportRows': async (c) => [
    await c.registers.exportRows({ register: 'disputes' }),
    await c.registers.exportRows({ register: 'mediation_files' }),
  ],
  'registers.reveal': (c) => c.registers.reveal({ register: 'disputes', id: ids.dispute }),
  'mediation.list': (c) => c.mediation.list({ page: 1, pageSize: 100 }),
  'mediation.get': (c) => c.mediation.get({ id: ids.file }),
  'mediation.reveal': (c) => c.mediation.reveal({ id: ids.file }),
  'cases.list': (c) => c.cases.list({ page: 1, pageSize: 100 }),
  'cases.get': (c) => c.cases.get({ id: ids.caseId }),
  'cases.exportRows': (c) => c.cases.exportRows({}),
  'cases.reveal': (c) => c.cases.reveal({ id: ids.caseId }),
  'cases.overdueNotices': (c) => c.cases.overdueNotices(),
  'cases.figures': (c) => c.cases.figures({ unitCode: '130534100201', from: '2024-01-01', to: '2026-06-10' }),
  'imports.get': (c) => c.imports.get({ id: ids.batch }),
  'imports.progress': (c) => c.imports.progress({ id: ids.batch }),
  'disputes.rates': (c) => c.disputes.rates({ from: '2026-01-01', to: '2026-12-31' }),
};

describe('fingerprints stay on the server', () => {
  it('every query of the case-data routers is read here', () => {
    const procedures = Object.entries(appRouter._def.procedures)
      .filter(
        ([name, procedure]) =>
          /^(registers|cases|mediation|imports|disputes)\./.test(name) && procedureType(procedure) === 'query',
      )
      .map(([name]) => name)
      // A notice needs an overdue case: overdueNotices reads the same notices in bulk.
      .filter((name) => name !== 'cases.notice');
    expect(procedures.filter((name) => !(name in reads))).toEqual([]);
  });

  for (const login of ['a_cun0101', 'a_zhen01', 'a_staff']) {
    it(`no output for ${login} carries a fingerprint, by key or by value`, async () => {
      expect(fingerprints.length).toBeGreaterThan(4);
      const caller = await make(login);
      for (const [name, read] of Object.entries(reads)) {
        const output = await read(caller);
        expect(
          keysOf(output).filter((key) => /fingerprint/i.test(key)),
          name,
        ).toEqual([]);
        const text = JSON.stringify(output);
        expect(
          fingerprints.filter((fingerprint) => text.includes(fingerprint)),
          name,
        ).toEqual([]);
      }
    });
  }
});
