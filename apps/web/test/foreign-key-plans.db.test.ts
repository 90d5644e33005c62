import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { createDb, onlyRow, withActor, type Actor, type DbHandle, type Transaction } from '@tally/db';
import { transitionCase } from '../app/.server/cases/transition.ts';
import { registerPetition } from '../app/.server/services/petition-intake.ts';
import type { AuthedContext } from '../app/.server/trpc.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

/*
 * A desk write while another village's import has inserted many cases, not yet committed,
 * on a pooled connection that checked foreign keys into petition_cases while the table was
 * small (docs/decisions/0023-foreign-key-plans-during-imports.md). The connection's cached
 * check plan read the county's whole range of an index leading with county_id, the import's
 * rows included; the desk's checks now read the primary key. Counted in index entries read
 * by the desk's own transaction, not in time.
 */
let database: TestDatabase;
let desk: DbHandle;
let actor: Actor;
const IMPORTED = 20_000;

const contextOf = (now = new Date()): AuthedContext => ({
  db: desk.db,
  actor,
  ip: null,
  now,
  run: (fn) => withActor(desk.db, actor, fn),
});

/** Index entries of petition_cases read so far by this transaction (its own statements and their foreign-key checks). */
async function caseIndexEntriesRead(tx: Transaction): Promise<number> {
  return onlyRow(
    await tx.execute(sql`select coalesce(sum(pg_stat_get_xact_tuples_returned(i.indexrelid)), 0)::int as n
      from pg_index i where i.indrelid = 'petition_cases'::regclass`),
    z.object({ n: z.number().int() }),
  ).n;
}

function intakeInput(n: number) {
  return {
    receivedAt: '2024-06-03T10:00:00+08:00',
    channel: 'visit' as const,
    peopleCount: 1,
    personTimes: 1,
    skipLevel: false,
    repeatPetition: false,
    category: 'education' as const,
    summary: `窗口登记 ${n}`,
    petitionerName: `窗口${n}`,
    petitionerIdNumber: null,
    petitionerPhone: null,
    petitionerAddress: null,
    duplicateOf: null,
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  actor = await actorByLogin(database.owner.db, 'a_cun0102');
  // One connection: every desk transaction below runs on it, so its cached plans are reused.
  desk = createDb(database.appUrl, { max: 1 });
});

afterAll(async () => {
  await desk?.close();
  await database?.drop();
});

it('a desk intake and a workflow step check their foreign keys by primary key while an import holds many uncommitted cases', async () => {
  // While the table is small: enough intakes for the connection to settle on a generic plan.
  const ids: string[] = [];
  for (let n = 0; n < 8; n++)
    ids.push((await withActor(desk.db, actor, (tx) => registerPetition(tx, contextOf(), intakeInput(n)))).id);
  const importer = await database.owner.client.reserve();
  try {
    await importer.unsafe('begin');
    // As the commit job does: the county's dashboard version is bumped at its end, not held from its first insert.
    await importer.unsafe(`select set_config('tally.dashboard_version_deferred', 'on', true)`);
    await importer.unsafe(
      `insert into petition_cases (county_id, case_number, unit_code, registered_unit_code, received_at, channel, category, summary,
        status, state, petitioner_name, created_by, import_fingerprint)
      select 1, '130534-2023-' || lpad(g::text, 6, '0'), '130534100201', '130534100201', now(), 'visit', 'education', '导入',
        'registered', '{}'::jsonb, '导入' || g, (select id from users where login_name = 'a_cun0101'), 'fp' || g
      from generate_series(1, $1::int) g`,
      [IMPORTED],
    );
    const intake = await withActor(desk.db, actor, async (tx) => {
      await registerPetition(tx, contextOf(), intakeInput(100));
      return caseIndexEntriesRead(tx);
    });
    // The primary key finds the one case; the county's range would be every imported row.
    expect(intake).toBeLessThan(100);
    const step = await withActor(desk.db, actor, async (tx) => {
      await transitionCase(tx, contextOf(), { id: ids[0]!, version: 0, action: { type: 'accept' } });
      return caseIndexEntriesRead(tx);
    });
    expect(step).toBeLessThan(100);
  } finally {
    await importer.unsafe('rollback');
    importer.release();
  }
});
