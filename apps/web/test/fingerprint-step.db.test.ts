import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacyRowFingerprint, recomputeFingerprints, type Actor } from '@tally/db';
import { PETITION_REGISTER, registerDefs } from '@tally/db/registers';
import { previewImport, type RegisterDef } from '@tally/imports';
import { createCaller } from '../app/.server/routers/root.ts';
import { createTestDatabase, importFixture, ownerRows, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';
import { commitAndWait } from '../../../tests/setup/import-commit.ts';

/** The instant the checks run at: every fixture date lies before it. */
const TEST_NOW = new Date('2026-12-05T02:00:00Z');

/*
 * The data step that rewrote stored fingerprints without their empty fields
 * (packages/db/src/data-steps/fingerprints.ts), on a database as it stood before it: rows
 * imported under the old rule (every field hashed, nulls included). After the step,
 * re-importing the same sheets adds nothing.
 */
let database: TestDatabase;
let clerk: ReturnType<typeof createCaller>;
/** Per sheet, the rows with an empty field: the only ones whose fingerprint the rule change moves. */
const changed: Record<string, number> = {};
const SHEETS: Array<{
  register: 'petitions' | 'meetings';
  def: RegisterDef;
  file: string;
  table: string;
  column: string;
}> = [
  {
    register: 'petitions',
    def: PETITION_REGISTER,
    file: 'petitions.gb18030.csv',
    table: 'petition_cases',
    column: 'import_fingerprint',
  },
  {
    register: 'meetings',
    def: registerDefs.meetings,
    file: 'meetings.gb18030.csv',
    table: 'meetings',
    column: 'fingerprint',
  },
];

async function previewExisting(
  sheet: (typeof SHEETS)[number],
): Promise<{ id: string; existing: number; valid: number }> {
  const { id } = await clerk.imports.preview({
    register: sheet.register,
    fileName: sheet.file.replace('.gb18030', ''),
    bytes: importFixture(sheet.file),
  });
  const view = await clerk.imports.get({ id });
  return { id, existing: view.existing, valid: view.batch.validRows };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  const actor: Actor = await actorByLogin(database.owner.db, 'a_cun0101');
  clerk = createCaller({ db: database.app.db, actor, ip: '127.0.0.1', now: new Date() });
  for (const sheet of SHEETS) {
    const { id } = await previewExisting(sheet);
    await commitAndWait(clerk, { id, acceptErrors: true });
    // Back to the old rule, as a database from before the step holds them.
    const preview = await previewImport({
      now: TEST_NOW,
      bytes: importFixture(sheet.file),
      fileName: sheet.file,
      register: sheet.def,
    });
    changed[sheet.register] = preview.validRows.filter(
      (row) => legacyRowFingerprint(sheet.def, row.values) !== row.fingerprint,
    ).length;
    for (const row of preview.validRows) {
      await ownerRows(
        database,
        `update ${sheet.table} set ${sheet.column} = $1 where ${sheet.column} = $2`,
        legacyRowFingerprint(sheet.def, row.values),
        row.fingerprint,
      );
    }
  }
});

afterAll(async () => {
  await database?.drop();
});

describe('fingerprints recomputed without empty fields', () => {
  it('before the step, the old fingerprints do not match the sheets they came from', async () => {
    for (const sheet of SHEETS) {
      const { existing, valid } = await previewExisting(sheet);
      expect(changed[sheet.register], sheet.register).toBeGreaterThan(0);
      expect(existing, sheet.register).toBe(valid - changed[sheet.register]!);
    }
  });

  it('the step rewrites every stored fingerprint it can rebuild, and leaves one it cannot', async () => {
    await ownerRows(
      database,
      `insert into meetings (county_id, unit_code, fingerprint, created_by, held_on, kind, attendees)
      select 1, '130534100201', 'not-a-fingerprint-of-its-values', created_by, '2024-01-02', 'joint', '张三' from meetings limit 1`,
    );
    const counts = await recomputeFingerprints(database.owner.db);
    expect(counts).toEqual({ rewritten: changed.petitions! + changed.meetings!, leftAsIs: 1 });
    expect(
      await ownerRows(database, `select 1 from meetings where fingerprint = 'not-a-fingerprint-of-its-values'`),
    ).toHaveLength(1);
    // A second run finds nothing to do.
    expect(await recomputeFingerprints(database.owner.db)).toEqual({ rewritten: 0, leftAsIs: 1 });
  });

  it('after the step, re-importing the old sheets adds nothing', async () => {
    for (const sheet of SHEETS) {
      const { id, existing, valid } = await previewExisting(sheet);
      expect(existing, sheet.register).toBe(valid);
      expect(await commitAndWait(clerk, { id, acceptErrors: true }), sheet.register).toMatchObject({ inserted: 0 });
    }
  });
});
