import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../app/.server/routers/root.ts';
import { caseErrorMessage } from '../app/.server/case-form-errors.ts';
import { FieldRefusal } from '../app/.server/errors.ts';
import { translator } from '../app/i18n/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

/*
 * Issue 13, "data that should not get in": intake refuses a receipt in the future (it took
 * next year's first number once), fewer person-times than people, and a phone that is not
 * one, before any case number is drawn; register forms refuse a meeting dated after today.
 * Every refusal names its field by label and says what is allowed.
 */

let database: TestDatabase;
let village: ReturnType<typeof createCaller>;
// 23:00 on New Year's Eve in Shanghai.
const now = new Date('2026-12-31T15:00:00Z');
const zh = translator('zh-CN');
const en = translator('en');
const intake = {
  receivedAt: '2026-12-31T22:30:00+08:00',
  channel: 'visit' as const,
  peopleCount: 1,
  category: 'other' as const,
  summary: '道路积水',
  petitionerName: '王五',
};

const counters = () =>
  database.owner.client`select year, last_number from case_counters where county_id = 1 order by year`;

/** What a form shows for a refused register call: its field and the sentence, in Chinese and English. */
async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!error) throw new Error('expected a refusal');
  return { zh: caseErrorMessage(error, zh), en: caseErrorMessage(error, en) };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  village = createCaller({
    db: database.app.db,
    actor: await actorByLogin(database.owner.db, 'a_cun0101'),
    ip: '10.1.1.1',
    now,
  });
});
afterAll(async () => {
  await database?.drop();
});

describe('intake of a petition case', () => {
  it("refuses a receipt after now and takes no number, not even next year's first", async () => {
    const before = await counters();
    const refused = await refusal(village.cases.register({ ...intake, receivedAt: '2027-01-01T09:00:00+08:00' }));
    expect(refused.zh).toEqual({ message: '收件时间不能晚于当前时间', field: 'receivedAt' });
    expect(refused.en).toEqual({ message: 'Received at cannot be later than now', field: 'receivedAt' });
    expect(await counters()).toEqual(before);
    expect((await counters()).some((row) => row.year === 2027)).toBe(false);
    // Received a minute ago: accepted, and numbered in this year.
    const { caseNumber } = await village.cases.register(intake);
    expect(caseNumber).toBe('130534-2026-000001');
  });

  it('refuses fewer person-times than people, and no people at all, saying what is allowed', async () => {
    const before = await counters();
    expect((await refusal(village.cases.register({ ...intake, peopleCount: 5, personTimes: 3 }))).zh).toEqual({
      message: '人次不能少于人数',
      field: 'personTimes',
    });
    expect((await refusal(village.cases.register({ ...intake, peopleCount: 0 }))).zh).toEqual({
      message: '人数至少为 1',
      field: 'peopleCount',
    });
    expect((await refusal(village.cases.register({ ...intake, peopleCount: 0 }))).en).toEqual({
      message: 'People must be at least 1',
      field: 'peopleCount',
    });
    expect(await counters()).toEqual(before);
  });

  it('refuses a phone that is neither a mobile nor a landline with area code, without quoting it', async () => {
    const refused = await refusal(village.cases.register({ ...intake, petitionerPhone: '12ab' }));
    expect(refused.zh).toEqual({ message: '联系电话应为 11 位手机号或带区号的固定电话', field: 'petitionerPhone' });
    const { id } = await village.cases.register({ ...intake, petitionerPhone: '(0311) 8765 4321' });
    expect(await village.cases.get({ id })).toMatchObject({ petitionerPhone: '0311-87654321' });
  });
});

describe('a register form', () => {
  it('refuses a meeting dated after today, field by field, and a reversed list period by its labels', async () => {
    const error = await village.registers
      .create({ register: 'meetings', values: { heldOn: '2030-01-01', kind: 'director_weekly', attendees: '张三' } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FieldRefusal);
    expect((error as FieldRefusal).problems).toEqual([
      {
        field: 'heldOn',
        zh: '「会议日期」：不能晚于今天（2026年12月31日）',
        en: '"Date": cannot be later than today (2026-12-31)',
      },
    ]);
    const reversed = await refusal(
      village.registers.list({ register: 'meetings', from: '2026-03-01', to: '2026-01-01' }),
    );
    expect(reversed.zh).toEqual({ message: '截止日期不能早于起始日期', field: 'to' });
  });
});
