import { describe, expect, it } from 'vitest';
import { PETITION_REGISTER, registerDefs } from '@tally/db/registers';
import { previewImport, validateRecord } from '@tally/imports';

/*
 * The rules declared with each register (packages/db/src/registers) beyond type and
 * required-ness: dates that record the past may not lie after today in Asia/Shanghai,
 * counts have bounds, and related fields are checked against each other. A form and an
 * import apply the same rules; the import names the row and the column.
 */

// 2026-12-05 00:00 in Shanghai.
const SHANGHAI_MIDNIGHT = new Date('2026-12-04T16:00:00Z');
const ONE_SECOND_BEFORE = new Date('2026-12-04T15:59:59Z');
const NOW = new Date('2026-12-05T02:00:00Z');

const meeting = (heldOn: string) => ({ heldOn, kind: '主任例会', attendees: '张三、李四' });

describe('a date that records the past', () => {
  it('is accepted on today, from the first second of the Shanghai day', () => {
    expect(validateRecord(registerDefs.meetings, meeting('2026-12-05'), { now: SHANGHAI_MIDNIGHT }).ok).toBe(true);
  });

  it('is refused one second before Shanghai midnight, naming the field and the rule', () => {
    const result = validateRecord(registerDefs.meetings, meeting('2026-12-05'), { now: ONE_SECOND_BEFORE });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'heldOn',
          label: '会议日期',
          zh: '「会议日期」：不能晚于今天（2026年12月4日）',
          en: '"Date": cannot be later than today (2026-12-04)',
        },
      ],
    });
  });

  it('refuses a meeting dated 2030 and a petition received next year', () => {
    expect(validateRecord(registerDefs.meetings, meeting('2030-01-01'), { now: NOW }).ok).toBe(false);
    expect(PETITION_REGISTER.fields.find((field) => field.key === 'receivedOn')?.notFuture).toBe(true);
  });

  it('every register date is past-describing except a deadline', () => {
    const dates = Object.values(registerDefs).flatMap((def) =>
      def.fields.filter((field) => field.type === 'date').map((field) => [`${def.key}.${field.key}`, field.notFuture]),
    );
    expect(dates.filter(([, notFuture]) => !notFuture).map(([name]) => name)).toEqual(['hazard_checks.rectifyBy']);
  });
});

describe('related fields', () => {
  const hazard = (checkedOn: string, rectifyBy: string) => ({
    checkedOn,
    place: '村东桥',
    hazard: '护栏缺失',
    rectifyBy,
  });

  it('a deadline may lie ahead, but not before the check', () => {
    expect(validateRecord(registerDefs.hazard_checks, hazard('2026-12-01', '2027-03-01'), { now: NOW }).ok).toBe(true);
    const refused = validateRecord(registerDefs.hazard_checks, hazard('2026-12-01', '2026-11-30'), { now: NOW });
    expect(refused).toMatchObject({
      ok: false,
      errors: [
        {
          field: 'rectifyBy',
          zh: '「整改期限」不能早于「排查日期」',
          en: '"Rectify by" cannot be earlier than "Date"',
        },
      ],
    });
  });

  it('a dispute is settled on or after the day it was found', () => {
    const dispute = {
      foundOn: '2026-11-10',
      disputeType: '邻里',
      parties: '张三、李四',
      severity: '轻微',
      summary: '宅基地边界',
      settledOn: '2026-11-09',
    };
    const refused = validateRecord(registerDefs.disputes, dispute, { now: NOW });
    expect(refused).toMatchObject({
      ok: false,
      errors: [{ field: 'settledOn', zh: '「调结日期」不能早于「排查日期」' }],
    });
    expect(validateRecord(registerDefs.disputes, { ...dispute, settledOn: '2026-11-10' }, { now: NOW }).ok).toBe(true);
  });

  it('is not checked against a field that is itself refused (one message per mistake)', () => {
    const dispute = {
      foundOn: '2026-02-30',
      disputeType: '邻里',
      parties: '张三',
      severity: '轻微',
      summary: 's',
      settledOn: '2026-01-01',
    };
    const refused = validateRecord(registerDefs.disputes, dispute, { now: NOW });
    expect(!refused.ok && refused.errors.map((error) => error.field)).toEqual(['foundOn']);
  });
});

describe('counts and phones say what is allowed', () => {
  it('a count below its bound names the bound', () => {
    const refused = validateRecord(
      registerDefs.publicity_records,
      { heldOn: '2026-12-01', form: '广播', audienceSize: '-3' },
      { now: NOW },
    );
    expect(refused).toMatchObject({
      ok: false,
      errors: [{ field: 'audienceSize', zh: '「受众人数」：至少为 0', en: '"Audience": must be at least 0' }],
    });
  });

  it('a phone must be a mobile or a landline with area code', () => {
    const dispute = { foundOn: '2026-11-10', disputeType: '邻里', parties: '张三', severity: '轻微', summary: 's' };
    const refused = validateRecord(registerDefs.disputes, { ...dispute, partyPhone: '12ab' }, { now: NOW });
    expect(refused).toMatchObject({
      ok: false,
      errors: [{ field: 'partyPhone', zh: '「联系电话」：电话号码格式不正确，应为 11 位手机号或带区号的固定电话' }],
    });
    const landline = validateRecord(registerDefs.disputes, { ...dispute, partyPhone: '0311 87654321' }, { now: NOW });
    expect(landline.ok && landline.values.partyPhone).toBe('0311-87654321');
  });
});

describe('an import applies the same rules and names the row and the column', () => {
  it('a meeting dated after today and a settlement before the finding', async () => {
    const meetings = '会议日期,会议类型,参会人员\n2026-12-01,主任例会,张三\n2030-01-01,主任例会,李四\n';
    const first = await previewImport({
      bytes: Buffer.from(meetings),
      fileName: 'm.csv',
      register: registerDefs.meetings,
      now: NOW,
    });
    expect(first.validRows.map((row) => row.row)).toEqual([2]);
    expect(first.errors).toEqual([
      {
        row: 3,
        column: '会议日期',
        field: 'heldOn',
        zh: '第 3 行「会议日期」：不能晚于今天（2026年12月5日）',
        en: 'Row 3, "会议日期": cannot be later than today (2026-12-05)',
      },
    ]);

    const disputes =
      '发现日期,纠纷类型,当事人,纠纷简要情况,纠纷等级,办结日期\n2026-11-10,邻里,张三,边界,轻微,2026-11-01\n';
    const second = await previewImport({
      bytes: Buffer.from(disputes),
      fileName: 'd.csv',
      register: registerDefs.disputes,
      now: NOW,
    });
    expect(second.errors).toEqual([
      {
        row: 2,
        column: '办结日期',
        field: 'settledOn',
        zh: '第 2 行「办结日期」：不能早于「排查日期」',
        en: 'Row 2, "办结日期": cannot be earlier than "Found on"',
      },
    ]);
  });

  it('a petition received after today is refused before it becomes a case', async () => {
    const ledger = '登记日期,信访方式,信访人,问题类别,主要诉求\n2027-01-01,来访,张三,其他,反映道路问题\n';
    const preview = await previewImport({
      bytes: Buffer.from(ledger),
      fileName: 'p.csv',
      register: PETITION_REGISTER,
      now: NOW,
    });
    expect(preview.validRows).toEqual([]);
    expect(preview.errors).toMatchObject([
      { row: 2, column: '登记日期', field: 'receivedOn', zh: '第 2 行「登记日期」：不能晚于今天（2026年12月5日）' },
    ]);
  });
});
