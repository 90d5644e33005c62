import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_CATEGORIES, CASE_STATUSES } from '@tally/casework';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

/*
 * The case vocabulary (packages/casework/src/case-vocabulary.ts) is enforced by the
 * database itself: a code no screen knows can not be stored, even by a hand-written
 * statement as the owner (who bypasses row-level security).
 */
let database: TestDatabase;
let userId = '';
let serial = 0;

function insertCase(values: {
  status?: string;
  category?: string;
  channel?: string;
  complexity?: string | null;
  satisfaction?: string | null;
}) {
  serial += 1;
  const {
    status = 'registered',
    category = 'other',
    channel = 'visit',
    complexity = null,
    satisfaction = null,
  } = values;
  return database.owner.db.execute(sql`
    insert into petition_cases (county_id, case_number, unit_code, registered_unit_code, received_at, channel, category, summary, status, state,
      complexity, satisfaction, petitioner_name, created_by)
    values (1, ${`130534-2026-${String(serial).padStart(6, '0')}`}, '130534100201', '130534100201', now(), ${channel}, ${category}, '示例',
      ${status}, '{}', ${complexity}, ${satisfaction}, '张三', ${userId})`);
}

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? (error as Error).message;
  }
  return 'not refused';
}

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  userId = (await actorByLogin(database.owner.db, 'a_admin')).userId;
});

afterAll(async () => {
  await database?.drop();
});

describe('case columns hold only codes of the case vocabulary', () => {
  it('stores every known status and category', async () => {
    for (const status of CASE_STATUSES) await insertCase({ status });
    for (const category of CASE_CATEGORIES) await insertCase({ category });
    await insertCase({ complexity: 'major', satisfaction: 'not' });
  });

  it('refuses an unknown status', async () => {
    expect(await refusal(insertCase({ status: 'closed' }))).toMatch(/petition_cases_status_check/);
  });

  it('refuses an unknown category', async () => {
    expect(await refusal(insertCase({ category: '土地征用' }))).toMatch(/petition_cases_category_check/);
  });

  it('refuses an unknown channel, complexity or satisfaction', async () => {
    expect(await refusal(insertCase({ channel: 'fax' }))).toMatch(/petition_cases_channel_check/);
    expect(await refusal(insertCase({ complexity: 'trivial' }))).toMatch(/petition_cases_complexity_check/);
    expect(await refusal(insertCase({ satisfaction: 'ok' }))).toMatch(/petition_cases_satisfaction_check/);
  });

  it('refuses an unknown action or status in the case history', async () => {
    const [row] = await database.owner.db.execute<{ id: string }>(sql`select id from petition_cases limit 1`);
    const history = (action: string, toStatus: string) =>
      database.owner.db.execute(sql`
      insert into case_transitions (county_id, case_id, unit_code, registered_unit_code, action, to_status, actor_user_id, actor_name, at)
      values (1, ${row!.id}, '130534100201', '130534100201', ${action}, ${toStatus}, ${userId}, 'x', now())`);
    await history('accept', 'accepted');
    expect(await refusal(history('forged', 'accepted'))).toMatch(/case_transitions_action_check/);
    expect(await refusal(history('accept', 'done'))).toMatch(/case_transitions_to_status_check/);
  });
});
